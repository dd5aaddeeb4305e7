// The layer rules of DESIGN.md ("imports only go downward") are only worth having if the lint
// really fails on a violation: each case lints a deliberate offender with the repo's own config.
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer boundaries (eslint.config.js)', () => {
  const violations: [string, string, string, RegExp][] = [
    ['shared imports a Node built-in', 'shared/domain/offender.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n", /no-restricted-imports.*Node built-ins/],
    ['shared imports a bare Node built-in', 'shared/import/offender.ts', "import path from 'path';\nexport const p = path.sep;\n", /no-restricted-imports/],
    ['shared imports electron', 'shared/ipc/offender.ts', "import { app } from 'electron';\nexport const a = app;\n", /only electron\/ may import Electron/],
    ['shared uses the DOM', 'shared/domain/offender.ts', 'export const w = window.innerWidth + document.title.length;\n', /no-restricted-globals.*window/],
    ['shared reads the clock', 'shared/domain/offender.ts', 'export const now = Date.now();\n', /reads no clock/],
    ['shared imports the renderer', 'shared/domain/offender.ts', "import { x } from '../../renderer/app/x';\nexport const y = x;\n", /renderer\/ layer/],
    ['shared imports React', 'shared/domain/offender.ts', "import { useState } from 'react';\nexport const u = useState;\n", /no UI or storage library/],
    ['renderer imports electron', 'renderer/app/offender.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n", /only electron\/ may import Electron/],
    ['renderer imports the electron layer', 'renderer/features/offender.ts', "import { x } from '../../electron/main/x';\nexport const y = x;\n", /electron\/ layer/],
    ['renderer imports the server', 'renderer/app/offender.ts', "import { x } from '../../server/x';\nexport const y = x;\n", /server\/ layer/],
    ['renderer imports a Node built-in', 'renderer/app/offender.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n", /Node built-ins/],
    ['electron imports the renderer', 'electron/main/offender.ts', "import { x } from '../../renderer/app/x';\nexport const y = x;\n", /renderer\/ layer/],
    ['server imports electron', 'server/offender.ts', "import { app } from 'electron';\nexport const a = app;\n", /only electron\/ may import Electron/],
    ['a screen imports another screen', 'renderer/features/customers/offender.ts', "import { x } from '../invite/x';\nexport const y = x;\n", /renderer\/features\/customers may not import renderer\/features\/invite\/x/],
    ['a screen imports the app shell', 'renderer/features/dashboard/offender.ts', "import { x } from '../../app/x';\nexport const y = x;\n", /may not import renderer\/app\/x/],
    ['the domain imports the mutators', 'shared/domain/offender.ts', "import { x } from '../mutators/x';\nexport const y = x;\n", /shared\/domain may not import shared\/mutators\/x/],
    ['the workspace tables import the sync protocol', 'shared/workspace/offender.ts', "import { x } from '../sync/x';\nexport const y = x;\n", /shared\/workspace may not import shared\/sync\/x/],
    ['the sync client imports the renderer workspace', 'renderer/sync/offender.ts', "import { x } from '../workspace/x';\nexport const y = x;\n", /renderer\/sync may not import renderer\/workspace\/x/],
    ['a type import goes upward too', 'shared/domain/offender.ts', "import type { X } from '../sync/x';\nexport type Y = X;\n", /shared\/domain may not import shared\/sync\/x/],
    ['a file in an undeclared folder', 'renderer/widgets/offender.ts', "import { x } from '../ui/x';\nexport const y = x;\n", /renderer\/widgets\/offender\.ts is in no folder of the layer table/],
  ];

  for (const [name, file, code, expected] of violations) {
    it(`fails when ${name}`, async () => {
      const errors = await errorsFor(file, code);
      expect(errors.some((e) => expected.test(e)), errors.join('\n') || 'no errors at all').toBe(true);
    });
  }

  it('accepts the allowed direction: renderer, electron and server import shared', async () => {
    for (const file of ['renderer/app/ok.ts', 'electron/main/ok.ts', 'server/http/ok.ts']) {
      const errors = await errorsFor(file, "import { contract } from '../../shared/ipc/contract';\nexport const c = contract;\n");
      expect(errors, file).toEqual([]);
    }
  });

  it('accepts a screen importing the lower renderer folders and its own files', async () => {
    const code = "import { a } from '../../ui/viewStore';\nimport { b } from '../../workspace/workspace';\nimport { c } from './own';\nexport const d = [a, b, c];\n";
    expect(await errorsFor('renderer/features/customers/ok.ts', code)).toEqual([]);
  });

  it('accepts shared code that parses a given date without reading the clock', async () => {
    const errors = await errorsFor('shared/domain/ok.ts', "export const t = (iso: string) => new Date(iso).getTime() + Date.UTC(2020, 0, 1);\n");
    expect(errors).toEqual([]);
  });
});
