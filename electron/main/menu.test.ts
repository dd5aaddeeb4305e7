import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../shared/ipc/contract';
import { buildMenuTemplate, MENU_LABELS, resolveMenuLanguage, type MenuOptions } from './menu';

function build(overrides: Partial<MenuOptions> = {}) {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate({ language: 'en', isDev: false, platform: 'win32', productName: 'CSP Migration Workspace', send: (c) => sent.push(c), ...overrides });
  return { template, sent };
}

const items = (menu: MenuItemConstructorOptions) => (menu.submenu ?? []) as MenuItemConstructorOptions[];
const flat = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  template.flatMap((m) => [m, ...flat(items(m))]);

describe('application menu (fake Electron: the template)', () => {
  it('follows settings.language, or the OS locale for "system"', () => {
    expect(resolveMenuLanguage('ja', 'en-US')).toBe('ja');
    expect(resolveMenuLanguage('en', 'ja-JP')).toBe('en');
    expect(resolveMenuLanguage('system', 'ja-JP')).toBe('ja');
    expect(resolveMenuLanguage('system', 'ja')).toBe('ja');
    expect(resolveMenuLanguage('system', 'de-DE')).toBe('en');
  });

  it('has File, Edit, View and Help in English', () => {
    const { template } = build();
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(items(template[0]!).filter((i) => i.type !== 'separator').map((i) => i.label)).toEqual([
      'Import tenant exports...',
      'Import catalog...',
      'Sync now',
      'Settings...',
      'Quit',
    ]);
    expect(items(template[3]!).map((i) => i.label)).toEqual(['About CSP Migration Workspace', 'Check for updates...']);
  });

  it('has the same menu in Japanese, every label translated', () => {
    const en = flat(build().template).map((i) => i.label);
    const ja = flat(build({ language: 'ja' }).template).map((i) => i.label);
    expect(ja).toHaveLength(en.length);
    expect(ja.slice(0, 1)).toEqual(['ファイル(&F)']);
    expect(ja).toContain('テナントのエクスポートをインポート...');
    expect(ja).toContain('今すぐ同期');
    expect(ja).toContain('アップデートを確認...');
    expect(Object.keys(MENU_LABELS.ja).sort()).toEqual(Object.keys(MENU_LABELS.en).sort());
    for (const key of Object.keys(MENU_LABELS.en) as (keyof typeof MENU_LABELS.en)[]) {
      expect(MENU_LABELS.ja[key], key).not.toBe(MENU_LABELS.en[key]);
    }
  });

  it('sends a menu.command for each app item', () => {
    const { template, sent } = build();
    for (const item of flat(template)) {
      if (item.click) (item.click as () => void)();
    }
    expect(sent.sort()).toEqual(['check-for-updates', 'import-catalog', 'import-tenant', 'open-settings', 'show-about', 'sync-now']);
  });

  it('uses Electron roles for Edit and View, with reload and devtools only in development', () => {
    const roles = (t: MenuItemConstructorOptions[]) => flat(t).map((i) => i.role).filter(Boolean);
    const prod = roles(build().template);
    expect(prod).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'quit']));
    expect(prod).not.toContain('reload');
    expect(prod).not.toContain('toggleDevTools');
    expect(roles(build({ isDev: true }).template)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('puts About, updates, Settings and Quit in the app menu on macOS', () => {
    const { template } = build({ platform: 'darwin' });
    expect(template[0]!.label).toBe('CSP Migration Workspace');
    expect(items(template[0]!).map((i) => i.id ?? i.role).filter(Boolean)).toEqual(['show-about', 'check-for-updates', 'open-settings', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(items(template[1]!).map((i) => i.id).filter(Boolean)).toEqual(['import-tenant', 'import-catalog', 'sync-now']);
  });
});
