// For tests: an app on a test database, and organizations and users to sign in as.
import type { FastifyInstance } from 'fastify';
import type { Role } from '../shared/domain/roles';
import { buildApp } from './app';
import { hashPassword } from './auth/password';
import { createUser, operatorCreateOrganization, type Organization, type User } from './auth/store';
import { readConfig } from './config';
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
