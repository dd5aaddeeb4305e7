// Lint, including the layer rules of DESIGN.md ("The house"): imports only go downward.
//   Every product folder's allowed imports: eslint/layers.js (an allow-list; an undeclared folder fails).
//   shared/   runtime-neutral: no DOM, no Node built-ins, no electron, no React/Dexie, no clock
//   renderer/ no electron, no Node built-ins
//   server/, cli/ no electron
// Translation keys are literal strings (eslint/i18nKeys.js; test/lint/i18nKeys.test.ts proves it).
// test/lint/boundaries.test.ts proves each rule fires on a deliberate violation; test/lint/cycles.test.ts
// that no product file imports itself through others (type imports included).
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import { layersPlugin } from './eslint/layers.js';
import { i18nPlugin } from './eslint/i18nKeys.js';

const nodeBuiltins = [...builtinModules.filter((m) => !m.startsWith('_')), ...builtinModules.map((m) => `node:${m}`)];

const layer = (name) => ({
  regex: `^(\\.\\./)+${name}(/|$)`,
  message: `the ${name}/ layer cannot be imported from here (DESIGN.md: imports only go downward)`,
});
const electronPackage = {
  regex: '^electron(/|$)',
  message: 'only electron/ may import Electron; reach the host through shared/ipc',
};
const nodeBuiltinRule = {
  paths: nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not available in this layer' })),
};

const sharedGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB',
  'location', 'fetch', 'process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'self',
].map((name) => ({ name, message: `${name} is a DOM or Node global; shared/ must run in every runtime` }));

const noClock = 'shared/ reads no clock: take the date as an argument (the rules are pure functions of their inputs)';
const sharedSyntax = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: noClock },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: noClock },
];

export default tseslint.config(
  {
    ignores: ['dist/**', 'release/**', '.tsbuild/**', 'node_modules/**', 'test-results/**', 'playwright-report/**',
      '.cache/**', '.bench/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts', 'server/**/*.ts', 'cli/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}', '**/*.d.ts'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/allowed-imports': 'error' },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        ...nodeBuiltinRule,
        patterns: [electronPackage, layer('renderer'), layer('electron'), layer('server'), layer('cli'), layer('test'),
          { regex: '^(react|react-dom|dexie|dexie-react-hooks|zustand|@fluentui/.*)(/|$)', message: 'shared/ holds no UI or storage library' }],
      }],
      'no-restricted-globals': ['error', ...sharedGlobals],
      'no-restricted-syntax': ['error', ...sharedSyntax],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        ...nodeBuiltinRule,
        patterns: [electronPackage, layer('electron'), layer('server'), layer('cli')],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'shared/domain/**/*.ts', 'shared/import/**/*.ts', 'shared/words/**/*.ts', 'cli/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}'],
    plugins: { i18n: i18nPlugin },
    rules: { 'i18n/valid-keys': 'error' },
  },
  {
    files: ['electron/**/*.{ts,cts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [layer('renderer'), layer('server'), layer('cli')] }],
    },
  },
  {
    files: ['server/**/*.ts', 'cli/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronPackage, layer('renderer'), layer('electron')] }],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', '**/*.test.{ts,tsx}', '*.config.{ts,js}', 'renderer/vite.config.ts', 'build/**/*.{js,cjs,mjs}',
      'electron/build.mjs', '.ci/**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    // Tests, benchmarks and build configs run on Node beside the product: the layer rules are for
    // product code only.
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off', 'no-restricted-syntax': 'off' },
  },
);
