// The application menu, in English or Japanese: settings.language, or the OS locale when it says
// 'system'. Menu items that belong to the renderer (import, sync, settings, about, updates) send a
// `menu.command` event; the rest are Electron roles.
import type { MenuItemConstructorOptions } from 'electron';
import type { Language, MenuCommand } from '../../shared/ipc/contract';

export type MenuLanguage = 'en' | 'ja';

export function resolveMenuLanguage(setting: Language, osLocale: string): MenuLanguage {
  if (setting !== 'system') return setting;
  return osLocale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export const MENU_LABELS = {
  en: {
    file: '&File',
    importTenant: 'Import tenant exports...',
    importCatalog: 'Import catalog...',
    syncNow: 'Sync now',
    settings: 'Settings...',
    quit: 'Quit',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: '&View',
    reload: 'Reload',
    devTools: 'Toggle developer tools',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullscreen: 'Toggle full screen',
    window: '&Window',
    minimize: 'Minimize',
    help: '&Help',
    about: 'About CSP Migration Workspace',
    checkForUpdates: 'Check for updates...',
    hide: 'Hide CSP Migration Workspace',
    hideOthers: 'Hide others',
    unhide: 'Show all',
  },
  ja: {
    file: 'ファイル(&F)',
    importTenant: 'テナントのエクスポートをインポート...',
    importCatalog: 'カタログをインポート...',
    syncNow: '今すぐ同期',
    settings: '設定...',
    quit: '終了',
    edit: '編集(&E)',
    undo: '元に戻す',
    redo: 'やり直し',
    cut: '切り取り',
    copy: 'コピー',
    paste: '貼り付け',
    selectAll: 'すべて選択',
    view: '表示(&V)',
    reload: '再読み込み',
    devTools: '開発者ツールの切り替え',
    resetZoom: '実際のサイズ',
    zoomIn: '拡大',
    zoomOut: '縮小',
    fullscreen: '全画面表示の切り替え',
    window: 'ウィンドウ(&W)',
    minimize: '最小化',
    help: 'ヘルプ(&H)',
    about: 'CSP Migration Workspace について',
    checkForUpdates: 'アップデートを確認...',
    hide: 'CSP Migration Workspace を隠す',
    hideOthers: 'ほかを隠す',
    unhide: 'すべて表示',
  },
} as const satisfies Record<MenuLanguage, Record<string, string>>;

export interface MenuOptions {
  language: MenuLanguage;
  isDev: boolean;
  platform: NodeJS.Platform;
  productName: string;
  send: (command: MenuCommand) => void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const t = MENU_LABELS[options.language];
  const mac = options.platform === 'darwin';
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    id: cmd,
    ...(accelerator ? { accelerator } : {}),
    click: () => options.send(cmd),
  });

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: options.productName,
      submenu: [
        command(t.about, 'show-about'),
        command(t.checkForUpdates, 'check-for-updates'),
        { type: 'separator' },
        command(t.settings, 'open-settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        { role: 'hide', label: t.hide },
        { role: 'hideOthers', label: t.hideOthers },
        { role: 'unhide', label: t.unhide },
        { type: 'separator' },
        { role: 'quit', label: t.quit },
      ],
    });
  }
  template.push({
    label: t.file,
    submenu: [
      command(t.importTenant, 'import-tenant', 'CmdOrCtrl+O'),
      command(t.importCatalog, 'import-catalog'),
      { type: 'separator' },
      command(t.syncNow, 'sync-now', 'CmdOrCtrl+Shift+S'),
      ...(mac
        ? []
        : ([
            { type: 'separator' },
            command(t.settings, 'open-settings', 'CmdOrCtrl+,'),
            { type: 'separator' },
            { role: 'quit', label: t.quit },
          ] satisfies MenuItemConstructorOptions[])),
    ],
  });
  template.push({
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      { type: 'separator' },
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
    ],
  });
  template.push({
    label: t.view,
    submenu: [
      ...(options.isDev
        ? ([
            { role: 'reload', label: t.reload },
            { role: 'toggleDevTools', label: t.devTools },
            { type: 'separator' },
          ] satisfies MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t.fullscreen },
    ],
  });
  if (mac) template.push({ label: t.window, submenu: [{ role: 'minimize', label: t.minimize }, { role: 'zoom' }, { role: 'front' }] });
  template.push({
    role: 'help',
    label: t.help,
    submenu: mac ? [command(t.about, 'show-about')] : [command(t.about, 'show-about'), command(t.checkForUpdates, 'check-for-updates')],
  });
  return template;
}
