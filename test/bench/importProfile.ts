// Not a benchmark: a CPU profile of the import worker during the bench page's import, to see where
// the worker's time goes (DESIGN.md, "Budgets": the import's own overhead over its floor).
//   npm run build:renderer -- --minify false   (function names in the profile)
//   IMPORT_KIND=graph|admin RUNS=3 BENCH_PORT=4381 npx tsx test/bench/importProfile.ts
// Each run writes <PROFILE_DIR>/<kind>-<n>.cpuprofile (Chrome DevTools opens it) and prints the
// functions with the most self time. The worker is a dedicated worker of the page: it is reached by
// auto-attaching to the page's targets over Chromium's own DevTools endpoint (Playwright's CDP
// sessions do not route a worker's flattened session), and its terminate() is held back until its
// profile has been taken.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withBenchBrowser } from './chromium';
import { parseCatalogCsv } from '../../shared/import/index';
import { adminCenterCsv } from './adminCenterWorkload';
import { CATALOG_CSV, workload } from './import.bench';

const PORT = Number(process.env.BENCH_PORT ?? 4191);
const DEVTOOLS_PORT = PORT + 1000;
const KIND = process.env.IMPORT_KIND === 'admin' ? 'admin' : 'graph';
const RUNS = Number(process.env.RUNS ?? 3);
const OUT = process.env.PROFILE_DIR ?? tmpdir();

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}
interface Outcome {
  ms: number;
  parseMs: number;
  writeMs: number;
  floorMs: number;
}
type Message = { id?: number; result?: unknown; error?: unknown; method?: string; params?: { sessionId: string; targetInfo: { type: string } } };

/** The functions with the most self time, and how much of the profile the worker was busy. */
function summarize(p: Profile): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let busy = 0;
  p.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const us = p.timeDeltas[i] ?? 0;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + us);
    if (frame.functionName !== '(idle)' && frame.functionName !== '(program)') busy += us;
  });
  console.error(`  busy ${Math.round(busy / 1000)} ms of ${Math.round((p.endTime - p.startTime) / 1000)} ms profiled`);
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.error(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${key}`);
}

process.env.BENCH_EXTRA_ARGS = `--remote-debugging-port=${DEVTOOLS_PORT}`;
await withBenchBrowser('bench/import.html', PORT, async ({ context, url }) => {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.evaluate(() => {
    Worker.prototype.terminate = () => undefined;
  });
  const { webSocketDebuggerUrl } = (await (await fetch(`http://127.0.0.1:${DEVTOOLS_PORT}/json/version`)).json()) as { webSocketDebuggerUrl: string };
  const socket = new WebSocket(webSocketDebuggerUrl);
  await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
  let lastId = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const send = (method: string, params: object, sessionId?: string) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++lastId;
      waiting.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  const workers: string[] = [];
  socket.addEventListener('message', (event) => {
    const m = JSON.parse(String(event.data)) as Message;
    if (m.id !== undefined) {
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.error) w?.reject(new Error(JSON.stringify(m.error)));
      else w?.resolve(m.result);
    }
    // A worker of the page (the import's, started by prepareImportWorker): profiled from its start.
    if (m.method === 'Target.attachedToTarget' && m.params?.targetInfo.type === 'worker') {
      const session = m.params.sessionId;
      workers.push(session);
      void send('Profiler.enable', {}, session)
        .then(() => send('Profiler.setSamplingInterval', { interval: 200 }, session))
        .then(() => send('Profiler.start', {}, session));
    }
  });
  const { targetInfos } = (await send('Target.getTargets', {})) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const target = targetInfos.find((t) => t.type === 'page' && t.url === url);
  if (!target) throw new Error(`no page target at ${url}`);
  const { sessionId } = (await send('Target.attachToTarget', { targetId: target.targetId, flatten: true })) as { sessionId: string };
  await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true }, sessionId);

  const catalog = { file: 'licensing.csv', text: readFileSync(CATALOG_CSV, 'utf8') };
  const args =
    KIND === 'graph'
      ? { files: workload().files }
      : { files: { adminCenterUsers: { file: 'users_12_6_2026 9_30_12 AM.csv', text: adminCenterCsv(parseCatalogCsv(catalog.text, catalog.file), 50_000) } }, catalog };
  for (let i = 1; i <= RUNS; i++) {
    const out = await page.evaluate(
      async (a) => (window as unknown as { __bench: { importTenant(files: unknown, catalog?: unknown): Promise<Outcome> } }).__bench.importTenant(a.files, 'catalog' in a ? a.catalog : undefined),
      args,
    );
    console.error(`run ${i}: parse ${Math.round(out.parseMs)} ms, write ${Math.round(out.writeMs)} ms, total ${Math.round(out.ms)} ms; floor ${Math.round(out.floorMs)} ms`);
    // The tenant import's worker is the last one started (the catalog's, for the admin center, came before).
    const { profile } = (await send('Profiler.stop', {}, workers.at(-1))) as { profile: Profile };
    const file = path.join(OUT, `${KIND}-${i}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.error(`  ${file}`);
    summarize(profile);
  }
  socket.close();
});
