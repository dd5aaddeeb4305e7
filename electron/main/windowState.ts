// The window's size and position, saved in userData/window-state.json and restored at the next
// start only where it will be visible: a window saved on a monitor that is no longer attached (or
// whose layout changed) comes back at its size, centred, rather than off screen.
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomicFile';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 800, height: 560 } as const;
/** How much of the title bar must lie on one display for the saved position to count as visible. */
const VISIBLE_TITLE_WIDTH = 120;
const TITLE_BAR_HEIGHT = 32;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Is the window's title bar on one of the displays' work areas (so the user can grab it)? */
export function isVisibleOn(bounds: Rect, workAreas: readonly Rect[]): boolean {
  return workAreas.some((area) => {
    const overlap = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const needed = Math.min(VISIBLE_TITLE_WIDTH, bounds.width);
    return overlap >= needed && bounds.y >= area.y && bounds.y + TITLE_BAR_HEIGHT <= area.y + area.height;
  });
}

/**
 * What the window opens with: the saved state when it is well formed and visible; otherwise its
 * size (at most the primary work area) without a position, which Electron centres.
 */
export function restoreWindowState(saved: unknown, workAreas: readonly Rect[], primary: Rect): WindowState {
  const s = (typeof saved === 'object' && saved !== null ? saved : {}) as Record<string, unknown>;
  const maximized = s.maximized === true;
  const width = isInt(s.width) ? Math.round(s.width) : DEFAULT_SIZE.width;
  const height = isInt(s.height) ? Math.round(s.height) : DEFAULT_SIZE.height;
  const size = {
    width: Math.max(MIN_SIZE.width, Math.min(width, primary.width)),
    height: Math.max(MIN_SIZE.height, Math.min(height, primary.height)),
  };
  if (isInt(s.x) && isInt(s.y)) {
    const bounds = { x: Math.round(s.x), y: Math.round(s.y), width: Math.max(MIN_SIZE.width, width), height: Math.max(MIN_SIZE.height, height) };
    if (isVisibleOn(bounds, workAreas)) return { ...bounds, maximized };
  }
  return { ...size, maximized };
}

export async function loadWindowState(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** The parts of a BrowserWindow the tracker reads. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'close' | 'maximize' | 'unmaximize', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
}

/**
 * Saves the window's normal (not maximised) bounds and maximised flag after it moves or resizes
 * (debounced) and when it closes. Returns a function that saves now.
 */
export function trackWindowState(
  win: TrackedWindow,
  save: (state: WindowState) => Promise<void> | void,
  options: { debounceMs?: number; setTimer?: typeof setTimeout; clearTimer?: typeof clearTimeout } = {},
): () => Promise<void> {
  const setTimer = options.setTimer ?? setTimeout;
  const clearTimer = options.clearTimer ?? clearTimeout;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const snapshot = (): WindowState | null => {
    if (win.isMinimized() || win.isFullScreen()) return null;
    const b = win.getNormalBounds();
    return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
  };
  const saveNow = async () => {
    if (timer) clearTimer(timer);
    timer = null;
    const state = snapshot();
    if (state) await save(state);
  };
  const later = () => {
    if (timer) clearTimer(timer);
    timer = setTimer(() => void saveNow(), options.debounceMs ?? 500);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event, later);
  win.on('close', () => void saveNow());
  return saveNow;
}

export function windowStateSaver(file: string): (state: WindowState) => Promise<void> {
  return (state) => writeFileAtomic(file, JSON.stringify(state), 0o600).catch(() => undefined);
}
