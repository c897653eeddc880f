import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', '.next-*/', 'data/', '.e2e-data/', 'test-results/', 'playwright-report/', 'next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: globals.node } },
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  // Tests poke at raw vendor JSON; typing every probe would hide what they check.
  { files: ['**/*.test.ts', 'e2e/**', 'bench/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  {
    // The three zones: lib/ is isomorphic and never reaches into server/.
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@/server/*', '**/server/*'], message: 'lib/ must not import server/' }] }] },
  },
  {
    // App code never imports the emulators.
    files: ['app/**', 'components/**', 'lib/**', 'server/adapters/**', 'server/services/**', 'server/actions/**', 'server/live/**', 'server/auth/**', 'server/db/**'],
    ignores: ['**/*.test.ts', 'server/adapters/contract.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@/server/emulators/*', '**/emulators/*'], message: 'emulators are test and demo infrastructure, never app code' }] }] },
  },
);
