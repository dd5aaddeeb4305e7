// `npm run bench [name]`: runs every test/bench/*.bench.ts whose figures match the name prefix and
// prints one JSON line per figure (DESIGN.md, "Budgets"). After every figure is printed, one line per
// missed budget or ratio (verdict.ts), and the exit code is 1 when any was missed or a benchmark
// failed, so a regression is visible in CI logs and scripts, not only to a reader.
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

const printed: BenchResult[] = [];
const failures: Failure[] = [];
for (const file of selected) {
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { run: (filter?: string) => Promise<BenchResult[]> };
    const results = await mod.run(wanted);
    for (const r of results) {
      if (wanted && !r.bench.startsWith(wanted)) continue;
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
