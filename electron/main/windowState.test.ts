import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SIZE, isVisibleOn, loadWindowState, MIN_SIZE, restoreWindowState, trackWindowState, windowStateSaver, type WindowState } from './windowState';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const second = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('window state restore (fake Electron screen)', () => {
  it('restores a saved position that is on an attached display', () => {
    const saved = { x: 2100, y: 100, width: 1400, height: 900, maximized: false };
    expect(restoreWindowState(saved, [primary, second], primary)).toEqual(saved);
  });

  it('drops the position when that display is gone (off screen), keeping a size that fits', () => {
    const saved = { x: 2100, y: 100, width: 2400, height: 1300, maximized: true };
    expect(restoreWindowState(saved, [primary], primary)).toEqual({ width: 1920, height: 1040, maximized: true });
  });

  it('drops a position whose title bar is above the screen or only a sliver on it', () => {
    expect(restoreWindowState({ x: 100, y: -200, width: 1000, height: 700 }, [primary], primary)).not.toHaveProperty('x');
    expect(restoreWindowState({ x: 1880, y: 100, width: 1000, height: 700 }, [primary], primary)).not.toHaveProperty('x');
    expect(restoreWindowState({ x: -950, y: 100, width: 1000, height: 700 }, [primary], primary)).not.toHaveProperty('x');
    expect(isVisibleOn({ x: -800, y: 100, width: 1000, height: 700 }, [primary])).toBe(true);
  });

  it('uses the default size for a missing or broken file and enforces the minimum size', () => {
    expect(restoreWindowState(null, [primary], primary)).toEqual({ ...DEFAULT_SIZE, maximized: false });
    expect(restoreWindowState({ x: 'a', width: NaN, height: Infinity }, [primary], primary)).toEqual({ ...DEFAULT_SIZE, maximized: false });
    expect(restoreWindowState({ x: 10, y: 10, width: 20, height: 20 }, [primary], primary)).toEqual({ x: 10, y: 10, ...MIN_SIZE, maximized: false });
  });
});

describe('window state tracking (fake Electron BrowserWindow)', () => {
  class FakeWindow extends EventEmitter {
    bounds = { x: 10, y: 20, width: 1000, height: 700 };
    maximized = false;
    minimized = false;
    getNormalBounds = () => this.bounds;
    isMaximized = () => this.maximized;
    isMinimized = () => this.minimized;
    isFullScreen = () => false;
  }

  it('saves after moves (debounced) and on close, and persists to a file that loads back', async () => {
    vi.useFakeTimers();
    try {
      const win = new FakeWindow();
      const saved: WindowState[] = [];
      trackWindowState(win, (s) => void saved.push(s), { debounceMs: 300 });
      win.bounds = { x: 50, y: 60, width: 1100, height: 800 };
      win.emit('move');
      win.emit('resize');
      expect(saved).toEqual([]);
      vi.advanceTimersByTime(300);
      expect(saved).toEqual([{ x: 50, y: 60, width: 1100, height: 800, maximized: false }]);
      win.maximized = true;
      win.emit('close');
      expect(saved.at(-1)).toEqual({ x: 50, y: 60, width: 1100, height: 800, maximized: true });
      win.minimized = true;
      win.emit('close');
      expect(saved).toHaveLength(2); // a minimised window's bounds are not saved
    } finally {
      vi.useRealTimers();
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'csp-window-'));
    try {
      const file = path.join(dir, 'window-state.json');
      await windowStateSaver(file)({ x: 1, y: 2, width: 900, height: 600, maximized: false });
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 1, y: 2, width: 900, height: 600, maximized: false });
      expect(await loadWindowState(file)).toEqual({ x: 1, y: 2, width: 900, height: 600, maximized: false });
      expect(await loadWindowState(path.join(dir, 'missing.json'))).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
