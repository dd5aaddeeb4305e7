// The app's fixed identity. Each of these decides where a user's data lives:
//   - APP_ID and PRODUCT_NAME decide the userData folder (settings, secrets, window state) and the
//     Windows installer's identity (upgrades find the old install by it);
//   - APP_ORIGIN decides which IndexedDB (the whole offline workspace, outbox included) Chromium
//     opens: IndexedDB is keyed by origin, so another scheme or host would show an empty app and
//     strand every unsynced change in the old origin's database.
// NEVER CHANGE ANY OF THEM. electron-builder.yml repeats APP_ID and PRODUCT_NAME; a test keeps them equal.
export const APP_ID = 'com.cspmigrationworkspace.app';
export const PRODUCT_NAME = 'CSP Migration Workspace';

export const APP_SCHEME = 'app';
export const APP_HOST = 'csp-migration-workspace';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The origin of a URL, or null. Node's URL gives 'null' as the origin of any non-special scheme
 * (app: included), so the origin is rebuilt from protocol and host here.
 */
export function originOf(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.host === '') return null;
  return `${url.protocol}//${url.host}`;
}
