// Types of eslint/i18nKeys.js, for its test.
import type { ESLint, Rule } from 'eslint';

export const validKeysRule: Rule.RuleModule;
export const i18nPlugin: ESLint.Plugin;
