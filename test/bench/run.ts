// `npm run bench [name]`: runs every test/bench/*.bench.ts whose figures match the name prefix and
// prints one JSON line per figure (DESIGN.md, "Budgets"). After every figure is printed, one line per
// missed budget or ratio (verdict.ts), and the exit code is 1 when any was missed or a benchmark
// failed, so a regression is visible in CI logs and scripts, not only to a reader.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './types';
import { verdict, type Failure } from './verdict';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv[2];

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();

// A bench file is named after its figures' prefix (plan.bench.ts -> plan.*), so a filter by name
// skips the setup of every other benchmark.
const selected = wanted ? files.filter((f) => wanted.startsWith(f.replace(/\.bench\.ts$/, ''))) : files;
if (selected.length === 0) {
  console.error(`no benchmark matches "${wanted}"; known: ${files.map((f) => f.replace(/\.bench\.ts$/, '')).join(', ')}`);
  process.exit(2);
}

/** Runs one benchmark file here: its figures (those the filter asks for). */
async function runFile(file: string): Promise<BenchResult[]> {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run: (filter?: string) => Promise<BenchResult[]> };
  return (await mod.run(wanted)).filter((r) => !wanted || r.bench.startsWith(wanted));
}

// One file per process when there are several: what one benchmark leaves in the heap must not slow
// the next. After the dashboard's (its seeded workspace kept ~400 MB live), plan.10k-tenants took
// 469 ms in the same process and 246-282 ms in a fresh one: the figure was the collector's.
const child = process.env.BENCH_CHILD_FILE;
if (child) {
  const lines = (await runFile(child)).map((r) => `${JSON.stringify(r)}\n`).join('');
  // Exits once the lines are out: writes to a pipe may still be pending when exit is called (macOS).
  await new Promise((resolve) => process.stdout.write(lines, resolve));
  process.exit(0);
}

const printed: BenchResult[] = [];
const failures: Failure[] = [];
for (const file of selected) {
  try {
    const results =
      selected.length === 1
        ? await runFile(file)
        : await new Promise<BenchResult[]>((resolve, reject) => {
            // The same node and loader (tsx) as this process; its progress lines go straight to stderr.
            const proc = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...(wanted ? [wanted] : [])], {
              env: { ...process.env, BENCH_CHILD_FILE: file },
              stdio: ['ignore', 'pipe', 'inherit'],
            });
            let out = '';
            proc.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
            proc.on('error', reject);
            proc.on('close', (code) => {
              if (code !== 0) return reject(new Error(`${file} exited with code ${code}`));
              resolve(out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as BenchResult));
            });
          });
    for (const r of results) {
      console.log(JSON.stringify(r));
      printed.push(r);
    }
  } catch (error) {
    // The other benchmarks still run: one broken page should not hide every other figure.
    console.error(error);
    failures.push({ file, error });
  }
}
const { lines, exitCode } = verdict(printed, failures);
for (const line of lines) console.error(line);
process.exit(exitCode);
