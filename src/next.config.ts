import type { NextConfig } from 'next'

import { withPayload } from '@payloadcms/next/withPayload'
import path from 'node:path'

// The Next.js project lives in src/ so that the repository's top level stays the package's;
// collections/ and plugins/ sit beside it, so the bundler's root is the repository.
const repositoryRoot = path.resolve(import.meta.dirname, '..')

const nextConfig: NextConfig = {
  // CI type-checks the whole repository with tsc; checking again here would double `npm start`'s build time.
  typescript: { tsconfigPath: '../tsconfig.json', ignoreBuildErrors: true },
  outputFileTracingRoot: repositoryRoot,
  turbopack: { root: repositoryRoot },
  images: { localPatterns: [{ pathname: '/api/media/file/**' }] },
  webpack: (webpackConfig) => {
    webpackConfig.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return webpackConfig
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
