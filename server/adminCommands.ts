// The server's admin commands (`npm run server:admin -- <command>`, see admin.ts). Kept apart from
// the process so that they run in-process too: the test runs them without a process start each.
// Uses the same storage as the server (DATABASE_URL, or PGlite in DATA_DIR; stop a PGlite server
// first: one process owns its directory).
// Exit codes: 0 done, 2 bad input (usage, validation, not found, duplicate), 1 anything else.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Role } from '../shared/domain/roles';
import { PASSWORD_MAX, PASSWORD_MIN, generatePassword, hashPassword } from './auth/password';
import {
  createUser,
  isUniqueViolation,
  listSessions,
  listUsers,
  normalizeEmail,
  operatorCreateOrganization,
  operatorFindOrganization,
  operatorFindUserByEmail,
  operatorListOrganizations,
  operatorListSessions,
  operatorSessionOrg,
  revokeSession,
  operatorSetOrganizationEntraTenant,
  setUserDisabled,
  setUserEntra,
  setUserPassword,
  type Session,
} from './auth/store';
import { readConfig } from './config';
import { openDatabase } from './db/index';
import type { Database } from './db/types';

const USAGE = `usage: server:admin <command> [options]   (add --json for machine-readable output)

  migrate                                   apply pending database migrations
  create-org <name>                         create a partner organization
  list-orgs
  add-user --org <id|name> --email <email> --name <name> --role <${Role.options.join('|')}>
           [--password <password>]          without --password: prompted on a terminal, else generated and printed once
  list-users --org <id|name>
  reset-password --email <email> [--password <password>]   also signs the user out everywhere
  disable-user --email <email>              refuses sign-in (password and Entra) and revokes the user's sessions
  enable-user --email <email>
  list-sessions [--org <id|name>] [--all]   live sessions (--all: revoked and expired too)
  revoke-session <session id>

sign-in with Microsoft Entra ID (server: ENTRA_TENANT_IDS, ENTRA_AUDIENCES):
  set-org-tenant --org <id|name> --tenant <Entra tenant id>
                                            the partner's tenant whose people sign in to this organization
  add-entra-user --org <id|name> (--oid <object id> | --upn <user principal name>) --name <name>
           --role <${Role.options.join('|')}> [--email <email>]
                                            a person who signs in with Entra only (no password); by --upn,
                                            their first sign-in binds their object id; --email defaults to --upn
  link-entra --email <email> (--oid <object id> | --upn <user principal name>)
                                            lets an existing person sign in with Entra too

storage: DATABASE_URL (PostgreSQL), else PGlite in DATA_DIR (default: the user's data folder)`;

class BadInput extends Error {}

const Email = z.string().trim().toLowerCase().pipe(z.email({ message: 'not an email address' })).pipe(z.string().max(320));
const Name = z.string().trim().min(1, 'must not be empty').max(200);
const Password = z.string().min(PASSWORD_MIN, `at least ${PASSWORD_MIN} characters`).max(PASSWORD_MAX);
const Guid = z.guid({ message: 'not a GUID (like 00000000-0000-0000-0000-000000000000)' }).transform((v) => v.toLowerCase());
const Upn = z.string().trim().toLowerCase().regex(/^[^@\s]+@[^@\s]+$/, 'not a user principal name (name@domain)').max(320);

/** --oid or --upn, exactly one. */
function entraAccount(values: Record<string, string | boolean | undefined>): { objectId: string | null; upn: string | null } {
  const oid = typeof values.oid === 'string' ? values.oid : undefined;
  const upn = typeof values.upn === 'string' ? values.upn : undefined;
  if ((oid === undefined) === (upn === undefined)) throw new BadInput('give either --oid <object id> or --upn <user principal name>');
  return oid !== undefined ? { objectId: parse(Guid, oid, '--oid'), upn: null } : { objectId: null, upn: parse(Upn, upn, '--upn') };
}

/** The organization's Entra tenant, which every Entra mapping of its people stands in. */
function tenantOf(org: { name: string; entraTenantId: string | null }): string {
  if (!org.entraTenantId) throw new BadInput(`${org.name} is not linked to an Entra tenant yet: run set-org-tenant first`);
  return org.entraTenantId;
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new BadInput(`${what}: ${r.error.issues[0]?.message ?? 'invalid'}`);
  return r.data;
}

function need(values: Record<string, string | boolean | undefined>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new BadInput(`--${name} is required`);
  return v;
}

async function orgOf(db: Database, idOrName: string) {
  const org = await operatorFindOrganization(db, idOrName);
  if (!org) throw new BadInput(`no organization "${idOrName}" (see list-orgs)`);
  return org;
}

async function userOf(db: Database, email: string) {
  const user = await operatorFindUserByEmail(db, parse(Email, email, '--email'));
  if (!user) throw new BadInput(`no user with email ${normalizeEmail(email)}`);
  return user;
}

/** --password, else a prompt on a terminal (empty: generate), else generated. `shown` when generated. */
async function choosePassword(given: string | undefined, prompt: AdminIo['promptPassword']): Promise<{ password: string; generated: boolean }> {
  if (given !== undefined) return { password: parse(Password, given, '--password'), generated: false };
  if (prompt) {
    const first = await prompt(`password (empty: generate one, at least ${PASSWORD_MIN} characters): `);
    if (first !== '') {
      parse(Password, first, 'password');
      if ((await prompt('again: ')) !== first) throw new BadInput('the passwords differ');
      return { password: first, generated: false };
    }
  }
  return { password: generatePassword(), generated: true };
}

function table(rows: Record<string, unknown>[], cols: string[]): string {
  const cell = (v: unknown) => (v instanceof Date ? v.toISOString() : v == null ? '-' : String(v));
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(cols), ...rows.map((r) => line(cols.map((c) => cell(r[c]))))].join('\n');
}

function sessionRows(sessions: Session[]) {
  return sessions.map((s) => ({
    id: s.id,
    org: s.orgId,
    user: s.userEmail,
    created: s.createdAt,
    lastUsed: s.lastUsedAt,
    refreshExpires: s.refreshExpiresAt,
    revoked: s.revokedAt ? `${s.revokedAt.toISOString()} (${s.revokedReason})` : null,
    userAgent: s.userAgent,
  }));
}

async function run(argv: string[], io: AdminIo): Promise<void> {
  const out = io.out;
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      org: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      tenant: { type: 'string' },
      oid: { type: 'string' },
      upn: { type: 'string' },
      all: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || command === 'help') return out(USAGE);
  if (!command) throw new BadInput('no command given');
  const known = ['migrate', 'create-org', 'list-orgs', 'add-user', 'list-users', 'reset-password', 'disable-user', 'enable-user', 'list-sessions', 'revoke-session', 'set-org-tenant', 'add-entra-user', 'link-entra'];
  if (!known.includes(command)) throw new BadInput(`unknown command "${command}"`);
  const json = values.json === true;
  const print = (human: string, data: unknown) => out(json ? JSON.stringify(data) : human);

  const config = readConfig(io.env);
  const db = await openDatabase(config); // applies pending migrations
  try {
    switch (command) {
      case 'migrate':
        return print(`database ready (${db.kind}: ${db.location})`, { storage: db.kind, location: db.location });
      case 'create-org': {
        const name = parse(Name, args.join(' '), 'organization name');
        try {
          const org = await operatorCreateOrganization(db, name);
          return print(`created organization ${org.name}\nid: ${org.id}`, org);
        } catch (e) {
          if (isUniqueViolation(e)) throw new BadInput(`an organization named "${name}" already exists`);
          throw e;
        }
      }
      case 'list-orgs': {
        const orgs = await operatorListOrganizations(db);
        return print(table(orgs.map((o) => ({ ...o })), ['id', 'name', 'entraTenantId', 'createdAt']), orgs);
      }
      case 'add-user': {
        const org = await orgOf(db, need(values, 'org'));
        const email = parse(Email, need(values, 'email'), '--email');
        const name = parse(Name, need(values, 'name'), '--name');
        const role = parse(Role, need(values, 'role'), `--role (one of ${Role.options.join(', ')})`);
        const { password, generated } = await choosePassword(values.password, io.promptPassword);
        try {
          const user = await createUser(db, org.id, { email, name, role, passwordHash: await hashPassword(password) });
          const shown = generated ? { password } : {};
          return print(
            `added ${user.email} (${user.role}) to ${org.name}\nid: ${user.id}` +
              (generated ? `\npassword: ${password}\n(shown once: hand it over safely; reset-password makes a new one)` : ''),
            { ...user, ...shown },
          );
        } catch (e) {
          if (isUniqueViolation(e)) throw new BadInput(`a user with email ${email} already exists`);
          throw e;
        }
      }
      case 'list-users': {
        const org = await orgOf(db, need(values, 'org'));
        const users = await listUsers(db, org.id);
        return print(table(users.map((u) => ({ ...u })), ['id', 'email', 'name', 'role', 'disabled', 'entraObjectId', 'entraUpn', 'createdAt']), users);
      }
      case 'reset-password': {
        const user = await userOf(db, need(values, 'email'));
        const { password, generated } = await choosePassword(values.password, io.promptPassword);
        await setUserPassword(db, user.orgId, user.id, await hashPassword(password));
        return print(
          `password reset for ${user.email}; their sessions are revoked` + (generated ? `\npassword: ${password}\n(shown once)` : ''),
          { id: user.id, email: user.email, ...(generated ? { password } : {}) },
        );
      }
      case 'disable-user':
      case 'enable-user': {
        const user = await userOf(db, need(values, 'email'));
        const disabled = command === 'disable-user';
        await setUserDisabled(db, user.orgId, user.id, disabled);
        return print(`${user.email} ${disabled ? 'disabled; their sessions are revoked' : 'enabled'}`, { id: user.id, email: user.email, disabled });
      }
      case 'set-org-tenant': {
        const org = await orgOf(db, need(values, 'org'));
        const tenant = parse(Guid, need(values, 'tenant'), '--tenant');
        try {
          await operatorSetOrganizationEntraTenant(db, org.id, tenant);
        } catch (e) {
          if (isUniqueViolation(e)) throw new BadInput(`tenant ${tenant} is already linked to another organization`);
          throw e;
        }
        const allowed = config.ENTRA_TENANT_IDS.includes(tenant);
        return print(
          `${org.name} is linked to Entra tenant ${tenant}` +
            (allowed ? '' : `\nnote: the server takes tokens from this tenant only once ENTRA_TENANT_IDS names it`),
          { id: org.id, name: org.name, entraTenantId: tenant },
        );
      }
      case 'add-entra-user': {
        const org = await orgOf(db, need(values, 'org'));
        tenantOf(org);
        const account = entraAccount(values);
        const name = parse(Name, need(values, 'name'), '--name');
        const role = parse(Role, need(values, 'role'), `--role (one of ${Role.options.join(', ')})`);
        const emailGiven = typeof values.email === 'string' ? values.email : account.upn;
        if (emailGiven === null) throw new BadInput('--email is required with --oid');
        const email = parse(Email, emailGiven, '--email');
        try {
          const user = await createUser(db, org.id, { email, name, role, passwordHash: null, entraObjectId: account.objectId, entraUpn: account.upn });
          return print(`added ${user.email} (${user.role}) to ${org.name}, signing in with Entra (${account.objectId ?? account.upn})\nid: ${user.id}`, user);
        } catch (e) {
          if (isUniqueViolation(e)) throw new BadInput(`a person with email ${email} or this Entra account already exists`);
          throw e;
        }
      }
      case 'link-entra': {
        const user = await userOf(db, need(values, 'email'));
        const org = await orgOf(db, user.orgId);
        tenantOf(org);
        const account = entraAccount(values);
        try {
          await setUserEntra(db, org.id, user.id, account);
        } catch (e) {
          if (isUniqueViolation(e)) throw new BadInput(`another person of ${org.name} is already mapped to ${account.objectId ?? account.upn}`);
          throw e;
        }
        return print(`${user.email} signs in with Entra as ${account.objectId ?? account.upn}`, { id: user.id, email: user.email, ...account });
      }
      case 'list-sessions': {
        const opts = { activeOnly: values.all !== true };
        const sessions = values.org ? await listSessions(db, (await orgOf(db, values.org)).id, opts) : await operatorListSessions(db, opts);
        const rows = sessionRows(sessions);
        return print(table(rows, ['id', 'org', 'user', 'created', 'lastUsed', 'refreshExpires', 'revoked', 'userAgent']), rows);
      }
      case 'revoke-session': {
        const id = args[0];
        if (!id) throw new BadInput('revoke-session needs a session id (see list-sessions)');
        const orgId = await operatorSessionOrg(db, id);
        if (!orgId) throw new BadInput(`no session ${id}`);
        const revoked = await revokeSession(db, orgId, id, 'admin');
        return print(revoked ? `session ${id} revoked` : `session ${id} was already revoked`, { id, revoked });
      }
    }
  } finally {
    await db.close();
  }
}

/** Where the commands write, the environment they read, and a password prompt when on a terminal. */
export interface AdminIo {
  out: (line: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  promptPassword?: (question: string) => Promise<string>;
}

/** Runs one command line; the answer is the exit code. */
export async function runAdmin(argv: string[], io: AdminIo): Promise<number> {
  try {
    await run(argv, io);
    return 0;
  } catch (e) {
    const bad = e instanceof BadInput || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.err(`error: ${(e as Error).message}\n`);
    if (bad) io.err(`\n${USAGE}\n`);
    return bad ? 2 : 1;
  }
}
