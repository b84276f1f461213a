import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import storybook from 'eslint-plugin-storybook';

export default tseslint.config(
  { ignores: ['dist', 'storybook-static', 'node_modules', 'reports', 'bench/results', '!.storybook'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['scripts/**', 'bench/**', '*.config.{js,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', performance: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // the core must stay framework-free
    files: ['src/core/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'react/*', '@tanstack/*', '@tencentcloud/*', '@openim/*'] }] },
  },
  {
    files: ['src/adapters/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'react/*', '**/react/**', '**/components/**'] }] },
  },
  {
    files: ['src/react/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/components/**', '**/adapters/tencent/**', '**/adapters/openim/**'] }] },
  },
  reactHooks.configs.flat.recommended,
  ...storybook.configs['flat/recommended'],
);
