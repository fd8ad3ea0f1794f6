import type { CollectionSlug, Endpoint } from 'payload'

import { APIError, commitTransaction, initTransaction, killTransaction } from 'payload'

import type { SanitizedReporterPagesConfig } from '../types'

import { findReferencing } from '../../shared/findReferencing'
import { idOf, sameId } from '../../shared/relationIds'
import { savesKeyOf, withLocks } from '../../shared/documentLock'
import { writeDerivedFields } from '../../shared/writeRelations'
import { composeByline, loadBylineReporters } from '../hooks/setByline'

/**
 * `POST /api/<reporters>/:id/reassign` with `{ "to": <reporter id> }`: moves every article of one
 * reporter to another, keeping each byline's order, so the first can be deleted. All or nothing.
 */
export const reassignArticlesEndpoint = (config: SanitizedReporterPagesConfig): Endpoint => ({
  path: '/:id/reassign',
  method: 'post',
  handler: async (req) => {
    if (!(await config.canReassign({ req })))
      throw new APIError('편집자만 기사를 넘길 수 있습니다 (editors only)', 403, null, true)
    const from = req.routeParams?.id as string
    const body = (req.json ? await req.json().catch(() => ({})) : {}) as { to?: number | string }
    if (body.to === undefined || body.to === null || String(body.to) === String(from)) {
      throw new APIError(
        '넘겨받을 기자(to)를 지정하세요 (body must name another reporter as "to")',
        400,
        null,
        true,
      )
    }
    const target = await req.payload.find({
      collection: config.reporters as CollectionSlug,
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
      where: { id: { equals: body.to } },
    })
    if (target.docs.length === 0)
      throw new APIError(
        `기자 ${body.to}를 찾을 수 없습니다 (no reporter ${body.to})`,
        400,
        null,
        true,
      )

    const source = await req.payload.find({
      collection: config.reporters as CollectionSlug,
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
      where: { id: { equals: from } },
    })
    // For the record of each rewritten story (the audit log): from whom to whom.
    const named = (doc: Record<string, unknown> | undefined, id: number | string) => ({
      id: doc?.id ?? id,
      name: typeof doc?.name === 'string' ? doc.name : null,
    })
    const detail = {
      from: named(source.docs[0] as unknown as Record<string, unknown> | undefined, from),
      to: named(target.docs[0] as unknown as Record<string, unknown>, body.to),
    }

    const shouldCommit = await initTransaction(req)
    try {
      // Many articles are rewritten in one transaction, under the lock their saves take.
      const ids = await withLocks(req, [savesKeyOf(config.articles)], async (req) => {
        const referencing = await findReferencing({
          collection: config.articles,
          field: config.bylineField,
          id: from,
          req,
        })
        for (const articleId of referencing) {
          const article = (await req.payload.findByID({
            collection: config.articles as CollectionSlug,
            depth: 0,
            draft: true,
            id: articleId as never,
            overrideAccess: true,
            req,
          })) as unknown as Record<string, unknown>
          const current = (article[config.bylineField] as unknown[]) ?? []
          const next: string[] = []
          for (const value of current) {
            const id = sameId(value, from) ? String(body.to) : String(idOf(value))
            if (!next.includes(id)) next.push(id)
          }
          const nextIds = next.map((id) =>
            req.payload.db.defaultIDType === 'number' ? Number(id) : id,
          )
          const reporters = await loadBylineReporters(config, nextIds, req)
          await writeDerivedFields({
            collection: config.articles,
            data: {
              [config.bylineField]: nextIds,
              byline: composeByline(reporters, config.titleSuffix),
            },
            detail,
            id: articleId,
            reason: 'reassign',
            req,
          })
        }
        return referencing
      })
      if (shouldCommit) await commitTransaction(req)
      return Response.json({ reassigned: ids.length, from, to: body.to })
    } catch (error) {
      await killTransaction(req)
      throw error
    }
  },
})
