// One generic registration for every channel of shared/ipc/contract: the sender is checked, the
// args validated with the contract's zod schema, the handler run, its answer validated, and the
// outcome always returned as a Reply. Nothing throws across IPC: Electron would pass only an
// Error's message, so expected failures travel as `{ok:false, error:{code, message}}` and anything
// unexpected becomes INTERNAL with a message that leaks no paths or stack.
import type { z } from 'zod';
import {
  channels,
  contract,
  describeZodError,
  fail,
  HostError,
  ok,
  type Channel,
  type Reply,
  type Result,
} from '../../../shared/ipc/contract';

/** The parts of Electron's IpcMainInvokeEvent the checks read. */
export interface InvokeEvent {
  sender: unknown;
  senderFrame: { url: string } | null;
}

/** The part of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler?(channel: string): void;
}

export type ParsedArgs<C extends Channel> = z.output<(typeof contract)[C]['args']>;

export type Handler<C extends Channel> = (args: ParsedArgs<C>) => Promise<Result<C>> | Result<C>;
export type Handlers = { [C in Channel]: Handler<C> };

export interface RegisterOptions {
  isTrustedSender: (event: InvokeEvent) => boolean;
  /** Where unexpected errors are written (the main process log). */
  logError?: (channel: string, error: unknown) => void;
}

/**
 * Runs one invocation, start to Reply. Exported for tests: this is exactly what the registered
 * listener does.
 */
export async function dispatch<C extends Channel>(
  channel: C,
  handler: Handler<C>,
  event: InvokeEvent,
  rawArgs: unknown,
  options: RegisterOptions,
): Promise<Reply<Result<C>>> {
  try {
    if (!options.isTrustedSender(event)) {
      return fail('FORBIDDEN_SENDER', 'this request did not come from the app window');
    }
  } catch {
    return fail('FORBIDDEN_SENDER', 'this request did not come from the app window');
  }
  const spec = contract[channel];
  // Channels without args still receive `{}`; undefined (a call with no argument) counts as `{}`.
  const parsed = spec.args.safeParse(rawArgs === undefined ? {} : rawArgs);
  if (!parsed.success) return fail('INVALID_ARGS', describeZodError(parsed.error));
  let value: unknown;
  try {
    value = await handler(parsed.data as ParsedArgs<C>);
  } catch (error) {
    if (error instanceof HostError) return fail(error.code, error.message, error.detail);
    options.logError?.(channel, error);
    return fail('INTERNAL', `the desktop host could not complete "${channel}"`);
  }
  const checked = spec.result.safeParse(value);
  if (!checked.success) {
    options.logError?.(channel, new Error(`invalid result: ${describeZodError(checked.error)}`));
    return fail('INTERNAL', `the desktop host produced an invalid answer for "${channel}"`);
  }
  return ok(checked.data as Result<C>);
}

/** Registers a handler for every contract channel; throws at startup if one is missing or extra. */
export function registerHandlers(ipcMain: IpcMainLike, handlers: Handlers, options: RegisterOptions): void {
  const missing = channels.filter((c) => typeof handlers[c] !== 'function');
  const extra = Object.keys(handlers).filter((k) => !(channels as string[]).includes(k));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(`IPC handlers do not match the contract: missing [${missing.join(', ')}], extra [${extra.join(', ')}]`);
  }
  for (const channel of channels) {
    const handler = handlers[channel] as Handler<typeof channel>;
    ipcMain.handle(channel, (event, ...args) => dispatch(channel, handler, event, args[0], options));
  }
}

/** The parts of a BrowserWindow the sender check reads. */
export interface TrustedWindow {
  isDestroyed(): boolean;
  webContents: { mainFrame: unknown };
}

/**
 * Our window, its main frame (no iframe), and a page from one of our origins: the app:// origin in
 * a packaged app, plus the Vite dev server's origin in development.
 */
export function createSenderCheck(
  getWindow: () => TrustedWindow | null,
  trustedOrigins: readonly string[],
  originOf: (url: string) => string | null,
): (event: InvokeEvent) => boolean {
  return (event) => {
    const win = getWindow();
    if (!win || win.isDestroyed()) return false;
    const frame = event.senderFrame;
    if (!frame || frame !== win.webContents.mainFrame) return false;
    if (event.sender !== win.webContents) return false;
    const origin = originOf(frame.url);
    return origin !== null && trustedOrigins.includes(origin);
  };
}
