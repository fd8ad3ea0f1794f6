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

const withAdmin = withPayload(nextConfig, { devBundleServerPackages: false })

type HeaderRule = Awaited<ReturnType<NonNullable<NextConfig['headers']>>>[number]
const isClientHintHeader = (header: { key: string }) =>
  ['accept-ch', 'critical-ch', 'vary'].includes(header.key.toLowerCase())

/**
 * Payload asks every browser for its colour scheme (`Accept-CH`/`Critical-CH:
 * Sec-CH-Prefers-Color-Scheme`, `Vary` on it) on every path, for the admin's theme. On the API
 * that `Vary` would make shared caches keep one copy of each response per colour scheme, for a
 * hint nothing there uses: those three headers go to the admin only, the rest everywhere.
 */
const clientHintsForAdminOnly = async (): Promise<HeaderRule[]> => {
  const rules = (await withAdmin.headers?.()) ?? []
  return rules.flatMap((rule): HeaderRule[] => {
    if (rule.source !== '/:path*' || !rule.headers.some(isClientHintHeader)) return [rule]
    const hints = rule.headers.filter(isClientHintHeader)
    const rest = rule.headers.filter((header) => !isClientHintHeader(header))
    return [
      ...(rest.length ? [{ ...rule, headers: rest }] : []),
      { ...rule, source: '/admin', headers: hints },
      { ...rule, source: '/admin/:path*', headers: hints },
    ]
  })
}

export default { ...withAdmin, headers: clientHintsForAdminOnly } satisfies NextConfig
