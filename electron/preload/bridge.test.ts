import { describe, expect, it, vi } from 'vitest';
import { bridgeMethods, contract, events, type Channel, type EventName } from '../../shared/ipc/contract';
import { exposeHost, type IpcRendererLike } from './bridge';

function fakes() {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipcRenderer: IpcRendererLike & { invoke: ReturnType<typeof vi.fn> } = {
    invoke: vi.fn(async (channel: string) => ({ ok: true, value: channel })),
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel, listener) => {
      listeners.get(channel)?.delete(listener);
    },
  };
  const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) };
  exposeHost(contextBridge, ipcRenderer);
  return { exposed, listeners, ipcRenderer };
}

describe('preload bridge (fake Electron contextBridge and ipcRenderer)', () => {
  it('exposes exactly the contract functions on window.host, and nothing else', () => {
    const { exposed } = fakes();
    expect([...exposed.keys()]).toEqual(['host']);
    const host = exposed.get('host') as Record<string, unknown>;
    expect(Object.keys(host).sort()).toEqual([...bridgeMethods].sort());
    for (const key of Object.keys(host)) expect(typeof host[key], key).toBe('function');
    expect(Object.isFrozen(host)).toBe(true);
    expect(host).not.toHaveProperty('ipcRenderer');
    expect(host).not.toHaveProperty('invoke');
  });

  it('invokes the right channel with the args, for every method', async () => {
    const { exposed, ipcRenderer } = fakes();
    const host = exposed.get('host') as Record<string, (args: unknown) => Promise<unknown>>;
    for (const channel of Object.keys(contract) as Channel[]) {
      ipcRenderer.invoke.mockClear();
      const args = { probe: channel };
      await expect(host[contract[channel].method]!(args)).resolves.toEqual({ ok: true, value: channel });
      expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channel, args);
    }
  });

  it('subscribes to events with the payload only, and unsubscribes', () => {
    const { exposed, listeners } = fakes();
    const host = exposed.get('host') as Record<string, (listener: (p: unknown) => void) => () => void>;
    for (const event of Object.keys(events) as EventName[]) {
      const got: unknown[] = [];
      const off = host[events[event].method]!((payload) => got.push(payload));
      const registered = [...(listeners.get(event) ?? [])];
      expect(registered).toHaveLength(1);
      registered[0]!({ sender: 'the Electron event must not reach the page' }, 'payload-1');
      expect(got).toEqual(['payload-1']);
      off();
      expect(listeners.get(event)?.size).toBe(0);
    }
    expect(() => host.onMenuCommand!('not a function' as never)).toThrow(TypeError);
  });
});
