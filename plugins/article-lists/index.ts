import type { GraphQLFieldConfig, GraphQLFieldResolver } from 'graphql'
import type { Config, Plugin, PayloadRequest, Where } from 'payload'

import type { ArticleScopeCollections, ArticleScopeKind } from '../shared/articleScopes'

import { resolveArticleScope } from '../shared/articleScopes'
import { withInputErrorsAsInfo } from '../shared/inputError'

export type ArticleListsOptions = {
  /** Collection slugs. @default articles, sections, regions, reporters */
  collections?: Partial<ArticleScopeCollections & { articles: string }>
  /** The GraphQL query's name. @default 'articlesBy' */
  queryName?: string
  /** When false the query is not added. @default true */
  enabled?: boolean
}

type ScopeArgs = { region?: null | string; reporter?: null | string; section?: null | string }

const scopeArguments: [keyof ScopeArgs, ArticleScopeKind][] = [
  ['section', 'sections'],
  ['region', 'regions'],
  ['reporter', 'reporters'],
]

/**
 * GraphQL `articlesBy(section, region, reporter, where, limit, page, sort, select, draft)`: the
 * article lists of a site's pages by slug, in one query — what REST reads with nested paths
 * (`where[section.slug][equals]=…`), which Payload's GraphQL `where` inputs do not offer. A
 * region is a 시도 with its 시군구, as in the feeds. It answers the `Articles` type, through
 * Payload's own `Articles` resolver (access, drafts, `select`, pagination and limits as there);
 * slugs left out do not narrow, an unknown one is `NOT_FOUND`.
 */
export const articleLists =
  (incoming: ArticleListsOptions = {}): Plugin =>
  (config: Config): Config => {
    if (incoming.enabled === false) return config
    const collections = {
      regions: incoming.collections?.regions ?? 'regions',
      reporters: incoming.collections?.reporters ?? 'reporters',
      sections: incoming.collections?.sections ?? 'sections',
    }
    const articlesSlug = incoming.collections?.articles ?? 'articles'
    const queryName = incoming.queryName ?? 'articlesBy'
    const previous = config.graphQL?.queries
    return {
      ...config,
      loggingLevels: withInputErrorsAsInfo(config),
      graphQL: {
        ...config.graphQL,
        queries: (GraphQL, context) => {
          const queries = previous?.(GraphQL, context) ?? {}
          const listName = context.collections[articlesSlug]?.config.graphQL
          const pluralName =
            listName && typeof listName === 'object' && listName.pluralName
              ? listName.pluralName
              : 'Articles'
          const list = context.Query.fields[pluralName] as GraphQLFieldConfig<
            unknown,
            { req: PayloadRequest }
          >
          if (!list?.resolve) return queries
          const listResolver = list.resolve as GraphQLFieldResolver<
            unknown,
            { req: PayloadRequest },
            ScopeArgs & { where?: Where }
          >
          const slugArgument = (description: string) => ({
            type: GraphQL.GraphQLString,
            description,
          })
          return {
            ...queries,
            [queryName]: {
              type: list.type,
              description:
                '기사 목록: 섹션·지역(시도는 시군구 포함)·기자 slug로 (articles of a section, region — a 시도 with its 시군구 — or reporter, by slug)',
              args: {
                ...list.args,
                section: slugArgument('섹션 slug (section slug)'),
                region: slugArgument(
                  '지역 slug; 시도는 시군구 포함 (region slug; a 시도 includes its 시군구)',
                ),
                reporter: slugArgument('기자 slug (reporter slug)'),
              },
              resolve: (async (source, args, ctx, info) => {
                const { region, reporter, section, where, ...rest } = args
                const given = { region, reporter, section }
                // At once; an error names the first unknown slug in argument order, as one by one.
                const resolved = await Promise.allSettled(
                  scopeArguments.flatMap(([argument, kind]) => {
                    const slug = given[argument]
                    if (typeof slug !== 'string' || slug === '') return []
                    return [resolveArticleScope(ctx.req, collections, kind, slug)]
                  }),
                )
                const scoped: Where[] = resolved.map((result) => {
                  if (result.status === 'rejected') throw result.reason
                  return result.value.where
                })
                const all = [...(where ? [where] : []), ...scoped]
                return listResolver(
                  source,
                  { ...rest, ...(all.length > 0 ? { where: { and: all } } : {}) },
                  ctx,
                  info,
                )
              }) as typeof listResolver,
            },
          }
        },
      },
    }
  }
