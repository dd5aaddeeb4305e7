// The literal-keys rule (eslint/i18nKeys.js) on offenders and on the calls it allows, with ESLint's
// RuleTester; and the repo's config really applies it to the renderer.
import { ESLint, RuleTester } from 'eslint';
import { resolve } from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { validKeysRule } from '../../eslint/i18nKeys.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' } });

tester.run('i18n/valid-keys', validKeysRule, {
  valid: [
    "t('customers.stage.done');",
    't(`customers.stage.done`);',
    "t('caseFile.users.count', { users: n });",
    "t(ok ? 'offerMatching.kind.same' : 'offerMatching.kind.equivalent');",
    "i18n.t('nav.settings');",
    "emailT('caseFile.estEmail.subjectLine', { subject });",
    // Another function named differently, and a Dexie table accessor not named t.
    'table(name).get(id);',
    'translate(key);',
  ],
  invalid: [
    { code: 't(`customers.stage.${stage}`);', errors: [{ messageId: 'literal' }] },
    { code: 't(route.labelKey);', errors: [{ messageId: 'literal' }] },
    { code: "t('pcCaseFile.blocked.' + reason);", errors: [{ messageId: 'literal' }] },
    { code: 'i18n.t(key, { n: 1 });', errors: [{ messageId: 'literal' }] },
    { code: "t(ok ? 'a.b' : `c.${d}`);", errors: [{ messageId: 'literal' }] },
    { code: 't(KEYS[code]);', errors: [{ messageId: 'literal' }] },
    // A fixed-language t (i18n.getFixedT) is a t too.
    { code: 'emailT(`caseFile.estEmail.${part}`);', errors: [{ messageId: 'literal' }] },
  ],
});

describe('the repo config', () => {
  it('applies the rule to renderer files', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintText("import { useTranslation } from 'react-i18next';\nexport function useWord(stage: string): string {\n  const { t } = useTranslation();\n  return t(`customers.stage.${stage}`);\n}\n", {
      filePath: resolve(root, 'renderer/features/customers/offender.ts'),
    });
    expect((result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId)).toContain('i18n/valid-keys');
  });
});
