import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from './singleInstance';

class FakeApp extends EventEmitter {
  constructor(private readonly gotLock: boolean) {
    super();
  }
  quit = vi.fn();
  requestSingleInstanceLock = () => this.gotLock;
}

const fakeWindow = (minimized: boolean) => ({
  isDestroyed: () => false,
  isMinimized: () => minimized,
  restore: vi.fn(),
  show: vi.fn(),
  focus: vi.fn(),
});

describe('single instance (fake Electron app)', () => {
  it('the second instance quits at once', () => {
    const app = new FakeApp(false);
    expect(claimSingleInstance(app, () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('the first instance brings its window to the front, restoring it if minimised', () => {
    const app = new FakeApp(true);
    const win = fakeWindow(true);
    expect(claimSingleInstance(app, () => win)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('second-instance');
    expect(win.restore).toHaveBeenCalledOnce();
    expect(win.show).toHaveBeenCalledOnce();
    expect(win.focus).toHaveBeenCalledOnce();
  });

  it('does nothing when no window is open yet', () => {
    const app = new FakeApp(true);
    claimSingleInstance(app, () => null);
    expect(() => app.emit('second-instance')).not.toThrow();
  });
});
