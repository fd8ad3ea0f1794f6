import type { Config, DatabaseAdapterObj } from 'payload'

import {
  lexicalEditor,
  LinkFeature,
  RelationshipFeature,
  UploadFeature,
} from '@payloadcms/richtext-lexical'
import path from 'node:path'
import sharp from 'sharp'

import type { NewsroomOptions } from './newsroom'

import { databaseAdapter, optimizeDatabase } from './database'
import { bodyLimits } from './http/limits'
import { corsOrigins, trustedOrigins } from './http/origins'
import { redisKVAdapter } from './kv'
import { newsroom } from './newsroom'
import { projectRoot } from './paths'
import { payloadSecret } from './secret'
import { DEMO_PASSWORD_DEFAULT, seedDemo, seedSido } from './seed'
import { seedMode } from './seed/seedMode'

export type AppConfigOptions = {
  db?: DatabaseAdapterObj
  /** `demo` seeds the demo newsroom on an empty database; `off` starts empty. @default seedMode(): NEWSROOM_SEED, else demo except in production */
  seed?: 'demo' | 'off'
  newsroom?: NewsroomOptions
  secret?: string
  serverURL?: string
}

/** The runnable newsroom app's config, shared by `npm start`, the worker, scripts and tests. */
export const newsroomAppConfig = (options: AppConfigOptions = {}): Config => {
  const seed = options.seed ?? seedMode()
  const serverURL = options.serverURL ?? process.env.NEWSROOM_SERVER_URL ?? ''
  const limits = bodyLimits()
  return {
    admin: {
      importMap: { baseDir: path.resolve(projectRoot(), 'src') },
      meta: { titleSuffix: ' — 뉴스룸' },
    },
    // Pages of other origins may read the API (CORS) but never act with a session cookie: Payload
    // honours the cookie only from `csrf` origins (src/http/csrf.ts refuses the rest outright).
    cors: {
      headers: ['If-Match', 'If-None-Match', 'X-Preview-Token', 'X-Reader-Token'],
      origins: corsOrigins(serverURL),
    },
    csrf: trustedOrigins(serverURL),
    db: options.db ?? databaseAdapter(),
    // Rich text may point at articles (relationship blocks, internal links) and media (photos)
    // only: anything else would be stored in a public body although the page renders nothing of it.
    editor: lexicalEditor({
      features: ({ defaultFeatures }) => [
        ...defaultFeatures.filter(
          (feature) => !['link', 'relationship', 'upload'].includes(feature.key),
        ),
        LinkFeature({ enabledCollections: ['articles'] }),
        RelationshipFeature({ enabledCollections: ['articles'] }),
        UploadFeature({ enabledCollections: ['media'] }),
      ],
    }),
    // With several processes, Payload's KV store lives in Redis, shared like the login limits.
    ...(process.env.REDIS_URL?.trim() ? { kv: redisKVAdapter() } : {}),
    graphQL: { schemaOutputFile: path.resolve(projectRoot(), 'src', 'schema.graphql') },
    plugins: [newsroom(options.newsroom)],
    secret: options.secret ?? payloadSecret(),
    serverURL,
    sharp,
    telemetry: false,
    typescript: { outputFile: path.resolve(projectRoot(), 'src', 'payload-types.ts') },
    // The same limits the route handlers' `withBodyLimit` applies before Payload reads a byte.
    upload: { limits: { fileSize: limits.upload }, requestSizeLimit: limits.multipart },
    onInit: async (payload) => {
      await optimizeDatabase(payload)
      if (seed === 'off') return
      const articles = await payload.count({ collection: 'articles', overrideAccess: true })
      if (articles.totalDocs > 0) {
        await seedSido(payload)
        const email = process.env.NEWSROOM_ADMIN_EMAIL || 'admin@newsroom.example'
        payload.logger.info(
          `데모 관리자 로그인: ${email} (비밀번호는 NEWSROOM_ADMIN_PASSWORD, 기본값 ${DEMO_PASSWORD_DEFAULT})`,
        )
        return
      }
      payload.logger.info('빈 데이터베이스: 데모 콘텐츠를 넣습니다 (seeding demo content)…')
      const logins = await seedDemo(payload)
      for (const login of logins) {
        payload.logger.info(`데모 로그인 (${login.role}): ${login.email} / ${login.password}`)
      }
    },
  }
}
