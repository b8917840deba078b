// Lint: typescript-eslint's type-checked recommended rules over sources, tests and scripts
// (`npm run lint`, run by `.ci/run`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'reports/**', 'coverage/**', 'scripts/**', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // The sanitisers match control characters on purpose (escape sequences in hostile text).
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // wink-nlp's typings declare its item functions (its.*, cache methods) as methods; they are
    // plain closures that never use \`this\`, and its generic \`out\` cannot infer the item type.
    files: ['src/nlp/**'],
    rules: { '@typescript-eslint/unbound-method': 'off', '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  {
    // Tests read JSON reports, DOM trees and child-process output whose shape they then assert.
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Tests wrap methods of RegExp objects and mocks to count calls.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
