// The page's side of an import: starts the worker, relays progress, cancels through an AbortSignal.
// One worker per import, ended when the import ends. A screen that imports starts the next one's
// worker when it shows (prepareImportWorker): loading and compiling its code then takes a few
// hundred milliseconds the import itself no longer waits for.
import type { Actor } from '../../shared/mutators/define';
import { DATABASE_NAME } from '../db/database';
import type { FromWorker, ImportFailure, ImportProgress, ImportRequest, ImportSummary, ToWorker } from './importProtocol';
import { uuidv7 } from '../sync/ids';

export type ImportOutcome = { status: 'done'; result: ImportSummary } | { status: 'failed'; failure: ImportFailure } | { status: 'cancelled' };

export interface StartImportOptions {
  actor: Actor;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  dbName?: string;
  importId?: string;
}

let spare: Worker | null = null;

const newWorker = () => new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'import' });

/** Starts the worker of the next import ahead of it (one at most, kept until an import takes it). */
export function prepareImportWorker(): void {
  if (typeof Worker !== 'undefined') spare ??= newWorker();
}

export function startImport(request: ImportRequest, options: StartImportOptions): Promise<ImportOutcome> {
  const worker = spare ?? newWorker();
  spare = null;
  const send = (message: ToWorker) => worker.postMessage(message);
  return new Promise<ImportOutcome>((resolve) => {
    const finish = (outcome: ImportOutcome) => {
      options.signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      resolve(outcome);
    };
    const onAbort = () => send({ type: 'cancel' });
    if (options.signal?.aborted) {
      finish({ status: 'cancelled' });
      return;
    }
    options.signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      if (m.type === 'progress') options.onProgress?.(m.progress);
      else if (m.type === 'done') finish({ status: 'done', result: m.result });
      else if (m.type === 'failed') finish({ status: 'failed', failure: m.failure });
      else finish({ status: 'cancelled' });
    };
    worker.onerror = (event) => finish({ status: 'failed', failure: { kind: 'storage', name: 'WorkerError', message: event.message || 'the import worker failed to start' } });
    send({
      type: 'start',
      request,
      importId: options.importId ?? uuidv7(),
      dbName: options.dbName ?? DATABASE_NAME,
      actor: options.actor,
      now: new Date().toISOString(),
    });
  });
}
