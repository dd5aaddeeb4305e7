// The admin command line on a PGlite data directory in a tmp folder. The commands run in-process
// (runAdmin, the same code the process runs); a real child process checks what only a process
// shows: its streams and exit codes, and the data directory's lock held by another process.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalOpenIdProvider } from '../test/support/localOpenIdProvider';
import { runAdmin } from './adminCommands';
import { openDatabase } from './db/index';
import { testApp } from './testing';

const root = resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'cspw-admin-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function admin(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runAdmin(args, { out: (line) => (stdout += line + '\n'), err: (text) => (stderr += text), env: { DATA_DIR: dataDir } });
  return { code, stdout, stderr };
}

function adminProcess(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const child = spawn(resolve(root, 'node_modules/.bin/tsx'), ['server/admin.ts', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((res) => child.on('exit', (code) => res({ code, stdout, stderr })));
}

describe('server:admin (PGlite data directory)', { timeout: 120_000 }, () => {
  let orgId = '';
  let password = '';

  it('create-org (a real process), then add-user with a generated password printed once', async () => {
    const org = await adminProcess('create-org', 'Contoso', 'Partners', '--json');
    expect(org.stderr).toBe('');
    expect(org.code).toBe(0);
    orgId = (JSON.parse(org.stdout) as { id: string }).id;
    expect(orgId).toMatch(/^[0-9a-f-]{36}$/);

    const user = await admin('add-user', '--org', 'contoso partners', '--email', 'Dana@Contoso.example', '--name', 'Dana', '--role', 'admin-agent', '--json');
    expect(user.code).toBe(0);
    const u = JSON.parse(user.stdout) as { email: string; orgId: string; role: string; password: string };
    expect(u).toMatchObject({ email: 'dana@contoso.example', orgId, role: 'admin-agent' });
    expect(u.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    password = u.password;

    const human = await admin('add-user', '--org', orgId, '--email', 'eve@contoso.example', '--name', 'Eve', '--role', 'billing-agent', '--password', 'a long enough password');
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('added eve@contoso.example (billing-agent) to Contoso Partners');
    expect(human.stdout).not.toContain('password:');
  });

  it('rejects bad input with exit code 2 and a clear message', async () => {
    const dup = await admin('add-user', '--org', orgId, '--email', 'dana@contoso.example', '--name', 'D', '--role', 'admin-agent');
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain('a user with email dana@contoso.example already exists');
    const role = await admin('add-user', '--org', orgId, '--email', 'f@contoso.example', '--name', 'F', '--role', 'owner');
    expect(role.code).toBe(2);
    expect(role.stderr).toMatch(/--role \(one of admin-agent, sales-agent, billing-agent\)/);
    const org = await admin('add-user', '--org', 'Nowhere', '--email', 'f@contoso.example', '--name', 'F', '--role', 'sales-agent');
    expect(org.code).toBe(2);
    expect(org.stderr).toContain('no organization "Nowhere"');
    const short = await admin('reset-password', '--email', 'dana@contoso.example', '--password', 'short');
    expect(short.code).toBe(2);
    const unknown = await adminProcess('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(unknown.stderr).toContain('usage: server:admin');
    expect((await admin('create-org', 'Contoso Partners')).code).toBe(2); // names are unique, case-insensitively
    expect((await admin('revoke-session', 'not-a-session')).code).toBe(2);
  });

  it('list-sessions shows a session made by signing in; revoke-session ends it', async () => {
    const db = await openDatabase({ DATA_DIR: dataDir });
    const app = await testApp(db);
    const res = await app.inject({
      method: 'POST',
      url: '/auth/sign-in',
      payload: { email: 'dana@contoso.example', password },
      headers: { 'user-agent': 'admin-test' },
    });
    expect(res.statusCode).toBe(200);
    const { accessToken } = res.json<{ accessToken: string }>();
    // While this process holds the data directory, the CLI refuses it (exit 1, not corruption).
    const busy = await adminProcess('list-sessions');
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('in use by process');
    await app.close();
    await db.close();

    const list = await admin('list-sessions', '--org', 'Contoso Partners', '--json');
    expect(list.code).toBe(0);
    const sessions = JSON.parse(list.stdout) as { id: string; user: string; userAgent: string; revoked: string | null }[];
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ user: 'dana@contoso.example', userAgent: 'admin-test', revoked: null });
    const table = await admin('list-sessions');
    expect(table.stdout).toContain(sessions[0]!.id);
    expect(table.stdout).not.toContain(accessToken);

    const revoke = await admin('revoke-session', sessions[0]!.id);
    expect(revoke.code).toBe(0);
    expect(revoke.stdout).toContain('revoked');
    const after = await admin('list-sessions', '--json');
    expect(JSON.parse(after.stdout)).toEqual([]);

    const db2 = await openDatabase({ DATA_DIR: dataDir });
    const app2 = await testApp(db2);
    const me = await app2.inject({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${accessToken}` } });
    expect(me.statusCode).toBe(401);
    await app2.close();
    await db2.close();
  });

  it('maps people to Entra (set-org-tenant, add-entra-user, link-entra); disable-user ends an Entra session (local OpenID provider)', async () => {
    const tenant = crypto.randomUUID();
    const danaOid = crypto.randomUUID();
    const linked = await admin('set-org-tenant', '--org', 'Contoso Partners', '--tenant', tenant.toUpperCase());
    expect(linked.code).toBe(0);
    expect(linked.stdout).toContain(`Contoso Partners is linked to Entra tenant ${tenant}`);

    const kim = await admin('add-entra-user', '--org', orgId, '--upn', 'Kim@Contoso.example', '--name', 'Kim', '--role', 'sales-agent', '--json');
    expect(kim.stderr).toBe('');
    expect(JSON.parse(kim.stdout)).toMatchObject({ email: 'kim@contoso.example', entraUpn: 'kim@contoso.example', entraObjectId: null, role: 'sales-agent' });
    expect((await admin('link-entra', '--email', 'dana@contoso.example', '--oid', danaOid)).stdout).toContain(`dana@contoso.example signs in with Entra as ${danaOid}`);

    const dana = { sub: 'dana', tid: tenant, oid: danaOid, preferredUsername: 'dana@contoso.example', name: 'Dana' };
    const provider = await startLocalOpenIdProvider({ tenantId: tenant, people: [dana], clients: [{ clientId: 'cspw-desktop' }], api: { resource: 'api://cspw', audience: 'api://cspw' } });
    const entraEnv = { ENTRA_TENANT_IDS: tenant, ENTRA_ISSUER: `http://127.0.0.1:${provider.port}/{tenantid}/v2.0`, ENTRA_AUDIENCES: 'cspw-desktop' };
    try {
      const token = (await provider.signIn('cspw-desktop', dana)).id_token;
      const db = await openDatabase({ DATA_DIR: dataDir });
      const app = await testApp(db, entraEnv);
      const res = await app.inject({ method: 'POST', url: '/auth/entra/sign-in', payload: { token } });
      expect(res.statusCode).toBe(200);
      const { accessToken } = res.json<{ accessToken: string }>();
      expect((await app.inject({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${accessToken}` } })).statusCode).toBe(200);
      await app.close();
      await db.close();

      const disabled = await admin('disable-user', '--email', 'dana@contoso.example');
      expect(disabled.code).toBe(0);

      const db2 = await openDatabase({ DATA_DIR: dataDir });
      const app2 = await testApp(db2, entraEnv);
      expect((await app2.inject({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${accessToken}` } })).statusCode).toBe(401);
      const again = await app2.inject({ method: 'POST', url: '/auth/entra/sign-in', payload: { token } });
      expect(again.json()).toMatchObject({ error: { code: 'ACCOUNT_DISABLED' } });
      await app2.close();
      await db2.close();
    } finally {
      await provider.stop();
    }
  });
});
