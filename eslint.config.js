// Lint: typescript-eslint (with the type-checked rules that catch real bugs), no import
// circles, and the layer rule: src/model imports nothing of ours. Style is prettier's job.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';

// The layers of docs/architecture.md, top to bottom: a folder imports only from the layers below it.
const LAYERS = [
  ['cli'],
  ['report'],
  ['runner', 'audit', 'mapping', 'provision', 'record'],
  ['suite', 'checks', 'schema', 'profile', 'audience'],
  ['http', 'scim', 'server', 'util'],
];

const MODEL_ZONE = {
  target: './src/model',
  from: './src',
  except: ['./model'],
  message: 'src/model imports nothing of ours',
};

function layerZones() {
  return LAYERS.flatMap((layer, i) =>
    LAYERS.slice(i + 1)
      .flat()
      .map((below) => ({
        target: `./src/${below}`,
        from: layer.map((dir) => `./src/${dir}`),
        message: `src/${below} is below ${layer.join('/')} (docs/architecture.md): it may not import from there`,
      })),
  );
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'reports/**', 'coverage/**', 'bench/**', 'fixtures/**', 'templates/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.eslint.json', tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.eslint.json' })],
    },
    rules: {
      // type-checked: a promise nobody awaits hides failures (and exit codes)
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // no import circles, type-only imports included
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // the model layer is the bottom: it imports nothing of ours
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [MODEL_ZONE, ...layerZones()],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrors: 'none',
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      // a command talks to its own streams and environment (src/util/process-io.ts), which the
      // e2e tests give every in-process CLI call; a direct process.stdout write would escape them
      'no-restricted-properties': [
        'error',
        ...['stdout', 'stderr', 'env'].map((property) => ({
          object: 'process',
          property,
          message: 'use processIo() from src/util/process-io.ts',
        })),
      ],
      'no-control-regex': 'off', // we match control characters on purpose, to make them visible
    },
  },
  {
    // the process itself: its entry point, the io default, the reference server, the build step
    files: ['src/util/process-io.ts', 'src/cli/main.ts', 'src/server/**/*.ts', 'src/prebuilt/generate.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // tests may reach across layers (a runner test renders a report); the model stays at the bottom
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      'no-restricted-properties': 'off',
      'import-x/no-restricted-paths': ['error', { zones: [MODEL_ZONE] }],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
