import { createRequire } from 'node:module'
import path from 'node:path'
import { defineConfig } from 'vitest/config'

const root = path.resolve(import.meta.dirname, '..')

export default defineConfig({
  root,
  resolve: {
    alias: [
      { find: '@payload-config', replacement: path.join(root, 'src/payload.config.ts') },
      // `graphql` has no exports map: Node (and so Payload's packages, and the app at run time)
      // loads its CommonJS main, Vite its `module` file, a second graphql whose validate refuses
      // the schemas of the first. The tests get the one the app gets.
      { find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') },
    ],
  },
  test: {
    environment: 'node',
    // On PostgreSQL: drops the databases earlier runs left behind.
    globalSetup: ['test/helpers/dropStaleDatabases.ts'],
    include: [
      'test/**/*.spec.ts',
      'collections/**/*.spec.ts',
      'plugins/**/*.spec.ts',
      'src/**/*.spec.ts',
    ],
    exclude: ['test/e2e/**', 'test/topology/**', 'node_modules/**'],
    // Each suite boots its own Payload on its own database; two at a time fit the 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Uploads and secrets of the suites stay out of the demo's ./data.
    env: { NEWSROOM_RUN_JOBS: 'off', NEWSROOM_DATA_DIR: 'test/.tmp/data' },
  },
})
