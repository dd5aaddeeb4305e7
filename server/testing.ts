// For tests: an app on a test database, and organizations and users to sign in as.
import type { FastifyInstance } from 'fastify';
import { Writable } from 'node:stream';
import type { Role } from '../shared/domain/roles';
import type { Actor } from '../shared/mutators/define';
import { buildApp } from './app';
import { hashPassword } from './auth/password';
import { createUser, operatorCreateOrganization, type Organization, type User } from './auth/store';
import { readConfig } from './config';
import { openTestDatabase, type TestDatabase } from './db/testing';
import type { Database } from './db/types';

export async function testApp(
  db: Database,
  env: Record<string, string> = {},
  logStream?: { write(line: string): void },
): Promise<FastifyInstance> {
  const config = readConfig({ LOG_LEVEL: 'silent', SIGN_IN_RATE_PER_IP: '10000', SIGN_IN_RATE_PER_EMAIL: '10000', ...env });
  const app = await buildApp({ config, db, version: '0.0.0-test', ...(logStream ? { logStream } : {}) });
  await app.ready();
  return app;
}

export async function seedOrg(db: Database, name: string): Promise<Organization> {
  return operatorCreateOrganization(db, name);
}

export async function seedUser(
  db: Database,
  orgId: string,
  u: { email: string; name?: string; role?: Role; password: string },
): Promise<User> {
  return createUser(db, orgId, { email: u.email, name: u.name ?? u.email.split('@')[0]!, role: u.role ?? 'sales-agent', passwordHash: await hashPassword(u.password) });
}

/** The password of every person `startTestServer` seeds. */
export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestPerson {
  email: string;
  name: string;
  role: Role;
}

/** Fabrikam's admin agent, the person most server tests sign in as. */
export const AIKO: TestPerson = { email: 'aiko@fabrikam.example', name: 'Aiko', role: 'admin-agent' };

export interface TestServer {
  t: TestDatabase;
  app: FastifyInstance;
  /** Where the app listens: http://127.0.0.1:<a free port>. */
  base: string;
  /** The seeded organizations by name. */
  orgs: Record<string, Organization>;
  /** Closes the app, then drops the database. */
  stop(): Promise<void>;
}

/**
 * A fresh test database holding `people` (organization name -> its people, each with
 * TEST_PASSWORD), and the app on it (`env` over testApp's settings) listening on 127.0.0.1.
 */
export async function startTestServer(people: Record<string, TestPerson[]>, env: Record<string, string> = {}): Promise<TestServer> {
  const t = await openTestDatabase();
  let app: FastifyInstance | undefined;
  const orgs: Record<string, Organization> = {};
  let base: string;
  try {
    app = await testApp(t.db, env);
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    for (const [name, members] of Object.entries(people)) {
      const org = await seedOrg(t.db, name);
      orgs[name] = org;
      for (const person of members) await seedUser(t.db, org.id, { ...person, password: TEST_PASSWORD });
    }
  } catch (e) {
    await app?.close();
    await t.drop();
    throw e;
  }
  return {
    t,
    app,
    base,
    orgs,
    async stop() {
      await app.close();
      await t.drop();
    },
  };
}

/** Signs `email` in at `base` over HTTP (POST /auth/sign-in): its access token and who it is; throws unless 200. */
export async function signInOverHttp(base: string, email: string, password = TEST_PASSWORD): Promise<{ token: string; actor: Actor }> {
  const res = await fetch(`${base}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { accessToken: string; user: { id: string; name: string; role: Actor['role'] } };
  return { token: body.accessToken, actor: { id: body.user.id, name: body.user.name, role: body.user.role } };
}

/** A log stream for testApp that keeps what the app logs: `text()` as written, `lines()` each JSON line parsed. */
export function capturedLog() {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text, lines: <T>() => text.trim().split('\n').map((l) => JSON.parse(l) as T) };
}
