// Layers as an allow-list, VS Code's way (its `code-import-patterns` rule): every product folder
// declares the folders it may import, and a file in a folder the table does not declare fails the
// lint. The shared floor is ordered domain < workspace < mutators < sync (ipc beside, import on
// domain); a screen (renderer/features/<name>) imports the renderer's lower folders, never another
// screen; only the app shell composes the screens. test/lint/boundaries.test.ts lints a deliberate
// offender for each rule; test/lint/cycles.test.ts proves no file imports itself through others.
import path from 'node:path';

const SHARED = ['shared/domain', 'shared/import', 'shared/workspace', 'shared/ipc', 'shared/mutators', 'shared/sync', 'shared/connectors'];
const RENDERER_LOW = ['renderer/host', 'renderer/ui', 'renderer/output', 'renderer/db', 'renderer/sync', 'renderer/workspace', 'renderer/engine', 'renderer/import', 'renderer/words'];

/** Importer (a folder, or one file) -> what it may import ('$self': its own folder, for each screen). */
export const LAYERS = [
  // The words both sides say (finding texts, region names, rule titles, counted nouns, the plan
  // command's report): JSON and their one interpolator, importing nothing of the product; the engine
  // and the plan command word with them and the renderer's app merges them into its catalogs.
  { from: 'shared/words', may: ['shared/words'] },
  { from: 'shared/domain', may: ['shared/words', 'shared/domain'] },
  { from: 'shared/import', may: ['shared/words', 'shared/domain', 'shared/import'] },
  { from: 'shared/workspace', may: ['shared/domain', 'shared/workspace'] },
  { from: 'shared/ipc', may: ['shared/domain', 'shared/ipc'] },
  { from: 'shared/mutators', may: ['shared/domain', 'shared/workspace', 'shared/mutators'] },
  // Microsoft's services read live (Graph, later Partner Center): into what the importers take.
  { from: 'shared/connectors', may: ['shared/domain', 'shared/import', 'shared/mutators', 'shared/connectors'] },
  { from: 'shared/sync', may: ['shared/domain', 'shared/workspace', 'shared/mutators', 'shared/ipc', 'shared/sync'] },
  { from: 'renderer/host', may: ['shared/ipc', 'renderer/host'] },
  { from: 'renderer/ui', may: ['shared/ipc', 'shared/domain', 'renderer/host', 'renderer/ui'] },
  { from: 'renderer/output', may: ['shared/domain', 'renderer/output'] },
  { from: 'renderer/db', may: [...SHARED, 'renderer/db'] },
  { from: 'renderer/sync', may: [...SHARED, 'renderer/db', 'renderer/host', 'renderer/sync'] },
  // The workspace's singletons (the database and its changes) and who may make a change.
  { from: 'renderer/workspace', may: [...SHARED, 'renderer/db', 'renderer/sync', 'renderer/host', 'renderer/words', 'renderer/workspace'] },
  // The engine over the stored workspace: one customer's plan as every screen about a customer reads it.
  { from: 'renderer/engine', may: [...SHARED, 'renderer/db', 'renderer/workspace', 'renderer/engine'] },
  // The words of the workspace's codes (stages, terms, statuses, activity entries), each a literal catalog key.
  { from: 'renderer/words', may: [...SHARED, 'renderer/db', 'renderer/words'] },
  // Files and Microsoft's lists into the workspace: the import worker and what the screens start it with.
  { from: 'renderer/import', may: [...SHARED, 'renderer/db', 'renderer/sync', 'renderer/host', 'renderer/ui', 'renderer/workspace', 'renderer/words', 'renderer/import'] },
  { from: 'renderer/features/*', may: [...SHARED, ...RENDERER_LOW, '$self'] },
  { from: 'renderer/app', may: [...SHARED, 'shared/words', ...RENDERER_LOW, 'renderer/features', 'renderer/app'] },
  { from: 'renderer/main.tsx', may: ['renderer/app', 'renderer/host'] },
  // Benchmark and test pages built beside the app, never linked from it: above the app, like it.
  { from: 'renderer/bench', may: [...SHARED, 'renderer'] },
  { from: 'renderer/testpages', may: [...SHARED, 'renderer'] },
  // The main process talks to Microsoft's services (the token never leaves it) through the connectors.
  { from: 'electron/main', may: ['shared/ipc', 'shared/domain', 'shared/connectors', 'electron/main'] },
  { from: 'electron/preload', may: ['shared/ipc', 'electron/preload'] },
  { from: 'server', may: [...SHARED, 'server'] },
  // The plan command words its report with the shared words (cli.*), as the engine its findings.
  { from: 'cli', may: [...SHARED, 'shared/words', 'cli'] },
];

const under = (file, folder) => file === folder || file.startsWith(`${folder}/`) || file.startsWith(`${folder}.`);

/** The table entry of a file, with `$self` made concrete ('renderer/features/customers'). */
function entryOf(file) {
  let best = null;
  for (const entry of LAYERS) {
    const star = entry.from.endsWith('/*');
    const base = star ? entry.from.slice(0, -2) : entry.from;
    if (!under(file, base)) continue;
    const own = star ? file.split('/').slice(0, base.split('/').length + 1).join('/') : base;
    if (star && own === file) continue; // a file directly in the parent folder is not in a screen
    if (!best || own.length > best.own.length) best = { entry, own };
  }
  return best;
}

export const layersPlugin = {
  rules: {
    'allowed-imports': {
      meta: { type: 'problem', schema: [], messages: { undeclared: '{{file}} is in no folder of the layer table (eslint/layers.js): declare what its folder may import', denied: '{{from}} may not import {{to}} (eslint/layers.js allows: {{allowed}})' } },
      create(context) {
        const root = context.cwd;
        const file = path.relative(root, context.filename).split(path.sep).join('/');
        const mine = entryOf(file);
        const check = (node, source) => {
          if (typeof source !== 'string' || !source.startsWith('.')) return;
          if (!mine) {
            context.report({ node, messageId: 'undeclared', data: { file } });
            return;
          }
          const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), source));
          const allowed = mine.entry.may.map((m) => (m === '$self' ? mine.own : m));
          if (allowed.some((folder) => under(target, folder))) return;
          context.report({ node, messageId: 'denied', data: { from: mine.own, to: target, allowed: allowed.join(', ') } });
        };
        return {
          ImportDeclaration: (node) => check(node, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
          ExportAllDeclaration: (node) => check(node, node.source.value),
          ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
        };
      },
    },
  },
};
