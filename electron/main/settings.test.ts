// The settings logic on plain `conf` (what electron-store extends) in a real temporary folder, so the
// JSON schema validation and the atomic write are conf's real ones, not a fake's.
import Conf from 'conf';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings, Settings } from '../../shared/ipc/contract';
import { createSettingsService, settingsJsonSchema, settingsStoreOptions, type SettingsBackend } from './settings';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'csp-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const openConf = () => new Conf<Record<string, unknown>>({ ...settingsStoreOptions(), cwd: dir, projectName: 'csp-migration-workspace-test' });
const file = () => path.join(dir, 'settings.json');

describe('settings store (conf in a tmp dir)', () => {
  it('has one JSON-schema property per Settings field, with the same enums', () => {
    const schema = settingsJsonSchema();
    expect(Object.keys(schema).sort()).toEqual(Object.keys(Settings.shape).sort());
    expect(schema.language).toMatchObject({ enum: ['system', 'en', 'ja'] });
    expect(schema.theme).toMatchObject({ enum: ['system', 'light', 'dark'] });
    expect(schema.checkForUpdatesOnStart).toMatchObject({ type: 'boolean' });
  });

  it('reads the contract defaults from an empty folder', () => {
    expect(createSettingsService(openConf()).get()).toEqual(defaultSettings);
  });

  it('persists a patch across a reopen, and tells who listens what changed', () => {
    const onChange = vi.fn();
    const service = createSettingsService(openConf(), onChange);
    const next = service.set({ language: 'ja', backendUrl: 'https://sync.example.com' });
    expect(next).toEqual({ ...defaultSettings, language: 'ja', backendUrl: 'https://sync.example.com' });
    expect(onChange).toHaveBeenCalledWith(next, defaultSettings);
    expect(createSettingsService(openConf()).get()).toEqual(next);
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toMatchObject({ language: 'ja' });
  });

  it('writes atomically: each write replaces the file by rename (a new inode), never in place', () => {
    const service = createSettingsService(openConf());
    service.set({ theme: 'dark' });
    const before = statSync(file()).ino;
    service.set({ theme: 'light' });
    const after = statSync(file()).ino;
    expect(after).not.toBe(before);
    expect(statSync(file()).mode & 0o777).toBe(0o600);
  });

  it('lets conf refuse a write that breaks the JSON schema (the store checks, not only zod)', () => {
    const conf = openConf();
    expect(() => conf.set({ language: 'klingon' })).toThrow(/language/);
    expect(() => conf.set({ backendUrl: 'not a url' })).toThrow(/backendUrl/);
    expect(createSettingsService(conf).get()).toEqual(defaultSettings);
  });

  it('refuses an invalid patch through zod before anything is written', () => {
    const service = createSettingsService(openConf());
    expect(() => service.set({ backendUrl: 'ftp://x.example' } as never)).toThrow();
    expect(service.get()).toEqual(defaultSettings);
  });

  it('reads a file that breaks the schema, or is not JSON, as the defaults instead of failing to start', () => {
    writeFileSync(file(), JSON.stringify({ language: 'tlh', theme: 'dark' }));
    expect(createSettingsService(openConf()).get()).toEqual(defaultSettings);
    writeFileSync(file(), '{"language": "ja",');
    const service = createSettingsService(openConf());
    expect(service.get()).toEqual(defaultSettings);
    service.set({ theme: 'dark' });
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual({ ...defaultSettings, theme: 'dark' });
  });

  it("keeps the Graph and Partner Center addresses a person set (https, or http to this computer), and refuses plain http elsewhere", () => {
    const service = createSettingsService(openConf());
    const next = service.set({ graphBaseUrl: 'http://127.0.0.1:4381', partnerCenterBaseUrl: 'http://localhost:4382/' });
    expect(next).toMatchObject({ graphBaseUrl: 'http://127.0.0.1:4381', partnerCenterBaseUrl: 'http://localhost:4382/' });
    expect(createSettingsService(openConf()).get()).toMatchObject({ graphBaseUrl: 'http://127.0.0.1:4381', partnerCenterBaseUrl: 'http://localhost:4382/' });
    expect(() => service.set({ graphBaseUrl: 'http://graph.example.com' })).toThrow(/https/);
    expect(() => service.set({ partnerCenterBaseUrl: 'http://partnercenter.example.com' })).toThrow(/https/);
    // A file edited by hand to send the token over plain http elsewhere reads as Microsoft's address.
    const backend: SettingsBackend = { store: { graphBaseUrl: 'http://graph.example.com', partnerCenterBaseUrl: 'http://pc.example.com' }, set: () => undefined };
    expect(createSettingsService(backend).get()).toMatchObject({ graphBaseUrl: defaultSettings.graphBaseUrl, partnerCenterBaseUrl: defaultSettings.partnerCenterBaseUrl });
  });

  it('reads an unknown or invalid field as its default (in-memory backend)', () => {
    const backend: SettingsBackend = { store: { language: 'ja', theme: 42, extra: true }, set: () => undefined };
    expect(createSettingsService(backend).get()).toEqual({ ...defaultSettings, language: 'ja' });
  });
});
