import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  root: path.resolve(import.meta.dirname, '..', '..'),
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.spec.ts'],
    fileParallelism: false,
    // The first run builds the admin (about a minute on two cores).
    hookTimeout: 600_000,
    testTimeout: 120_000,
  },
})
