// ESLint 9 flat config: typescript-eslint's recommended rules (not type-aware: the type-aware set
// took over 2 minutes on the 2-core CI machine), React's hook rules for the admin components, and
// eslint-config-prettier last so that formatting is left to Prettier alone.
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import prettier from 'eslint-config-prettier/flat'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  globalIgnores([
    // generated (payload generate:types / generate:importmap / migrate:create, next)
    'src/payload-types.ts',
    'src/app/(payload)/admin/importMap.js',
    'src/migrations/**',
    'src/next-env.d.ts',
    // build output, run-time data, test and cluster state
    'src/.next/**',
    '.next/**',
    'data/**',
    'test/.tmp/**',
    'test/bench/results/**',
    '.cluster/**',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.tsx'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    // Plain JavaScript here (this file, bench helpers) runs on Node.
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      // A leading underscore marks a value left out on purpose (`const { id: _id, ...rest } = doc`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          varsIgnorePattern: '^_',
        },
      ],
    },
  },
  {
    files: ['test/**', '**/*.spec.ts'],
    rules: {
      // Tests assert on JSON parsed from real HTTP answers; `any` is the honest type of that body.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  prettier,
)
