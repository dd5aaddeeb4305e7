// Translation keys are literal strings (as Signal Desktop's `valid-i18n-keys`): a key built from a
// code (t(`customers.stage.${stage}`)) hides from renderer/app/i18n/i18n.test.ts, which checks that
// every key the renderer asks for exists in the catalogs, and breaks silently when a code gains a
// value. Name a code's words through a map of literal calls (renderer/words/labels.ts) instead.
// A conditional between literal keys is allowed. test/lint/i18nKeys.test.ts runs the rule on
// offenders and on allowed calls (ESLint's RuleTester).

/** A literal key: a string literal, a template without expressions, or a choice between literal keys. */
function isLiteralKey(node) {
  if (!node) return false;
  if (node.type === 'Literal') return typeof node.value === 'string';
  if (node.type === 'TemplateLiteral') return node.expressions.length === 0;
  if (node.type === 'ConditionalExpression') return isLiteralKey(node.consequent) && isLiteralKey(node.alternate);
  if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression') return isLiteralKey(node.expression);
  return false;
}

/** A translate function's name: `t`, or one ending in T (`emailT = i18n.getFixedT(language)`). */
const TRANSLATE = /^(t|[a-zA-Z]*[a-z]T)$/;

/** `t(...)`, `emailT(...)`, or `i18n.t(...)` / `instance.t(...)`. */
function isTranslateCall(callee) {
  if (callee.type === 'Identifier') return TRANSLATE.test(callee.name);
  if (callee.type === 'MemberExpression' && !callee.computed) return callee.property.type === 'Identifier' && callee.property.name === 't';
  return false;
}

export const validKeysRule = {
  meta: {
    type: 'problem',
    docs: { description: 'translation keys passed to t() are literal strings' },
    messages: {
      literal: 't() takes a literal key, so the catalogs test sees it: name a code\'s words through a map of literal t() calls (renderer/words/labels.ts)',
    },
    schema: [],
  },
  create(context) {
    return {
      CallExpression(node) {
        if (!isTranslateCall(node.callee)) return;
        const [first] = node.arguments;
        if (!first || isLiteralKey(first)) return;
        context.report({ node: first, messageId: 'literal' });
      },
    };
  },
};

export const i18nPlugin = { rules: { 'valid-keys': validKeysRule } };
