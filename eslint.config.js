import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'artifacts/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-globals': ['error', 'eval'],
    },
  },
  {
    // lib/ runs in Node too: no extension APIs in it.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'wxt/browser', message: 'lib/ must not use extension APIs; pass them in.' }] }],
    },
  },
);
