// Client-generated ids: UUIDv7 (time-ordered, so new rows sort after old ones in IndexedDB).
export function uuidv7(now = Date.now(), random: Uint8Array = crypto.getRandomValues(new Uint8Array(10))): string {
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  const time = hex(now, 12);
  const r = [...random].map((b) => hex(b, 2)).join('');
  const variant = ((random[9]! & 0x3) | 0x8).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${r.slice(0, 3)}-${variant}${r.slice(3, 6)}-${r.slice(6, 18)}`;
}

/** A sync client id: one per browser profile's workspace, made once and kept in the sync state. */
export function newClientId(): string {
  return `c${uuidv7().replace(/-/g, '')}`.slice(0, 33);
}
