// The real fixtures (../shared/fixtures), read as they are, for the specs and their page objects.
import { readFileSync } from 'node:fs';

/** A file of ../shared/fixtures, as it is. */
export function fixture(path: string): Buffer {
  return readFileSync(new URL(`../../../shared/fixtures/${path}`, import.meta.url));
}

export const graph = (name: string) => fixture(`graph/${name}`);

/** A file for an <input type=file>: a name, its type and the bytes. */
export interface FileToPick {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export const json = (name: string, buffer: Buffer): FileToPick => ({ name, mimeType: 'application/json', buffer });

/** The three Graph documentation exports every tenant import of the specs starts from. */
export const graphTenant = {
  subscribedSkus: () => json('subscribedSkus.json', graph('subscribedSkus.list.response.json')),
  subscriptions: () => json('subscriptions.json', graph('directory.subscriptions.list.response.json')),
  users: () => json('users.json', graph('user.licenseAssignmentStates.example.json')),
};
