import path from 'node:path'
import { defineConfig } from 'vitest/config'

const root = path.resolve(import.meta.dirname, '..', '..')

// `npm run test:topology`: the production topology (deploy/local-cluster.sh) brought up for real
// and exercised through nginx. Not part of `npm test`: it needs nginx, redis-server, PostgreSQL
// and a production build.
export default defineConfig({
  root,
  test: {
    environment: 'node',
    include: ['test/topology/**/*.spec.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    // `up` may build the app first (a few minutes on 2 cores).
    hookTimeout: 900_000,
  },
})
