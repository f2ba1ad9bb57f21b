// ESLint (flat config): typescript-eslint's type-aware rules on every TypeScript file, through the
// TypeScript project service (tsconfig.json), plus ESLint's recommended rules. Formatting is Prettier's
// job (`npm run format`), so no stylistic rules here. `npm run lint` runs this and `prettier --check`.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'dist.next/', 'test-output/', '.neo4j/', 'data/', 'bench-results/', 'test/fixtures/', '.scratch-*/']),
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Counts and sizes go into messages all the time, and a number prints as expected; objects,
      // undefined and null still may not slip into a message.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `(s) => process.stdout.write(s)` as a callback is the usual idiom; returning a void call from a
      // function body or using its value is still reported.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // neo4j-driver declares its option bags (SessionConfig, QueryConfig, Config) as classes, but its
      // API and documentation take object literals; there is no instance to pass instead.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // A leading underscore marks a name that is there on purpose and unused: a loop variable that only
      // counts, a parameter a signature requires, a property left out of a rest copy.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // A test states what it expects with `expect(...)` and may then say "this exists" with `!`.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // afterAll hooks guard what a failed beforeAll left unset (`await store?.close()`), which the
      // declared types cannot say.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Vitest's asymmetric matchers (expect.stringContaining, expect.any) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // The two bin/ launchers and this file are plain JavaScript outside the TypeScript project.
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // The script of kg view pages runs in a browser (it is type-checked against the DOM by its own
    // tsconfig, src/view/browser/).
    files: ['src/view/browser/**/*.js'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly', Element: 'readonly', HTMLElement: 'readonly' } },
  },
);
