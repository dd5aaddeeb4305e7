// Electronegativity (Doyensec's security linter for Electron apps) over what the app is made of:
// the main/preload sources (electron/, TypeScript; its parser cannot read the esbuild bundle's modern
// syntax and would silently skip it) and the built renderer (dist/renderer, as shipped). It runs
// with the Electron version pinned (-e) and offline (offline-got.cjs). Any HIGH finding fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');

interface Finding {
  issue: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
}

/** The report is CSV with quoted fields ("" escapes a quote). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

let work: string;
let findings: Finding[];
/** The files the linter was given, relative to its input folder. */
let scanned: string[];
/** What the linter printed: a run that ended early leaves a report with no findings. */
let linterSaid = '';

beforeAll(() => {
  if (!existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
    execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts'], { cwd: root, stdio: 'pipe' });
  }
  work = mkdtempSync(path.join(tmpdir(), 'csp-electronegativity-'));
  const input = path.join(work, 'app');
  cpSync(path.join(root, 'electron'), path.join(input, 'electron'), {
    recursive: true,
    filter: (src) => !src.endsWith('.test.ts') && !src.endsWith('.mjs'),
  });
  cpSync(path.join(root, 'dist', 'renderer'), path.join(input, 'renderer'), { recursive: true, filter: (src) => !src.endsWith('.map') });
  scanned = readdirSync(input, { recursive: true, encoding: 'utf8' });
  const report = path.join(work, 'report.csv');
  const run = spawnSync(process.execPath, ['-r', path.join(import.meta.dirname, 'offline-got.cjs'), cli, '-i', input, '-e', '45.0.0', '-o', report, '-v', 'false'], {
    cwd: work,
    encoding: 'utf8',
    timeout: 120_000,
  });
  linterSaid = `exit ${run.status}${run.signal ? ` (${run.signal})` : ''}; stdout: ${run.stdout.slice(-2000)}; stderr: ${run.stderr.slice(-2000)}`;
  expect(run.status, linterSaid).toBe(0);
  const [header, ...rows] = parseCsv(readFileSync(report, 'utf8')).filter((r) => r.length > 1);
  expect(header?.map((h) => h.trim()).slice(0, 5)).toEqual(['issue', 'severity', 'confidence', 'filename', 'location']);
  findings = rows.map((r) => ({ issue: r[0]!, severity: r[1]!, confidence: r[2]!, file: path.relative(input, r[3]!), location: r[4]! }));
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('Electronegativity (Electron 45)', () => {
  it('reads the app: its global checks find our CSP, navigation limits and permission handler', () => {
    // Had the sources not been parsed, these global checks would report the protections as missing.
    expect(findings.filter((f) => f.issue === 'LIMIT_NAVIGATION_GLOBAL_CHECK')).toEqual([]);
    expect(findings.filter((f) => f.issue === 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK')).toEqual([]);
    // On a failure, say what the linter did see: a CI run once missed this finding and its report
    // could not be read afterwards.
    const seen = JSON.stringify({ findings: findings.length, csp: findings.filter((f) => f.issue === 'CSP_GLOBAL_CHECK'), html: scanned.filter((f) => f.endsWith('.html')), linterSaid });
    expect(findings.some((f) => f.issue === 'CSP_GLOBAL_CHECK' && f.severity !== 'HIGH' && f.file.endsWith('index.html')), seen).toBe(true);
    expect(findings.some((f) => f.file.startsWith('electron/'))).toBe(true);
  });

  it('reports no high-severity finding', () => {
    expect(findings.filter((f) => f.severity === 'HIGH')).toEqual([]);
  });
});
