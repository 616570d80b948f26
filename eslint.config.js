// npm run lint: type-aware rules, the import direction (harness/ never imports src/, Azure or
// Actions packages) and no import cycles, checked by tools instead of by memory.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

export default tseslint.config(
  { ignores: ['dist/**', 'lib/**', 'node_modules/**', 'examples/*/dist/**', '__tests__/fixtures/**', '.tools/**', 'coverage/**'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // A leading underscore says "deliberately unused" (a parameter an interface requires, a skipped element).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'import-x/no-cycle': 'error',
      // A switch over a union (event types, action types, verdicts, outcomes) names every member:
      // adding one is an error until each switch says what it does with it, never a silent default.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false }],
      'max-len': ['error', { code: 200, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true }],
    },
  },
  {
    // The example apps are written as users write them: the SDK's generators yield `any`.
    files: ['examples/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
    },
  },
  {
    // The lint's switches over ESTree node types (some sixty) name the ones they handle; the rest share a default.
    files: ['harness/lint/**/*.ts'],
    rules: { '@typescript-eslint/switch-exhaustiveness-check': 'off' },
  },
  {
    // Stand-ins implement async interfaces with answers they already hold.
    files: ['__tests__/**/*.ts'],
    // Tests destructure stand-ins' methods (close, join) that never use `this`.
    rules: { '@typescript-eslint/require-await': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
  {
    files: ['harness/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/**', '../src/*', '../../src/*'],
              message: 'harness/ never imports src/: the library and the replay worker stand alone (ARCHITECTURE.md).',
            },
            {
              group: ['@azure/*', '!@azure/functions', '@actions/*'],
              message: "harness/ never imports Azure SDKs or Actions packages: it runs in the user's app.",
            },
          ],
        },
      ],
    },
  },
);
