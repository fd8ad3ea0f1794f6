import type { LexicalRichTextAdapter } from '@payloadcms/richtext-lexical'
import type {
  CollectionBeforeChangeHook,
  CollectionSlug,
  Field,
  PayloadRequest,
  RichTextField,
  SanitizedConfig,
} from 'payload'

import { ValidationError } from 'payload'

import { isAllowedLinkUrl } from '../../plugins/shared/sanitizeHtml'

type ID = number | string
type LexicalNode = { [key: string]: unknown; children?: unknown; type?: unknown }
type Reference = { collection: string; id: ID; path: string }
type Problem = { message: string; path: string }
type Target = { relationTo?: unknown; value?: unknown }

/** The collections each kind of node may point at, as the field's Lexical editor was configured. */
type Allowed = { link: string[]; relationship: string[]; upload: string[] }

const allowedCollections = (field: RichTextField): Allowed | null => {
  const features = (field.editor as LexicalRichTextAdapter | undefined)?.editorConfig
    ?.resolvedFeatureMap
  if (!features) return null
  const slugsOf = (key: string) =>
    (
      features.get(key)?.sanitizedServerFeatureProps as
        { enabledCollectionSlugs?: string[] } | undefined
    )?.enabledCollectionSlugs ?? []
  const linkFields =
    (features.get('link')?.sanitizedServerFeatureProps as { fields?: Field[] } | undefined)
      ?.fields ?? []
  const docField = linkFields.find((linkField) => 'name' in linkField && linkField.name === 'doc')
  const linkTargets = docField && 'relationTo' in docField ? docField.relationTo : []
  return {
    link: ([] as string[]).concat(linkTargets),
    relationship: slugsOf('relationship'),
    upload: slugsOf('upload'),
  }
}

type Found = { allowed: Allowed; path: string; value: { root: LexicalNode } }

/** Every Lexical value in `data` with its path, through groups, arrays, blocks, rows and tabs. */
const findRichText = (
  config: SanitizedConfig,
  fields: Field[],
  data: unknown,
  prefix: string,
): Found[] => {
  if (typeof data !== 'object' || data === null) return []
  const record = data as Record<string, unknown>
  return fields.flatMap((field): Found[] => {
    const path = 'name' in field && field.name ? `${prefix}${field.name}` : prefix
    if (field.type === 'richText') {
      const value = record[field.name]
      const allowed = allowedCollections(field)
      const isLexical =
        typeof value === 'object' &&
        value !== null &&
        typeof (value as { root?: unknown }).root === 'object'
      return allowed && isLexical ? [{ allowed, path, value: value as Found['value'] }] : []
    }
    if (field.type === 'group')
      return 'name' in field && field.name
        ? findRichText(config, field.fields, record[field.name], `${path}.`)
        : findRichText(config, field.fields, data, prefix)
    if (field.type === 'row' || field.type === 'collapsible')
      return findRichText(config, field.fields, data, prefix)
    if (field.type === 'tabs') {
      return field.tabs.flatMap((tab) =>
        'name' in tab && tab.name
          ? findRichText(config, tab.fields, record[tab.name], `${prefix}${tab.name}.`)
          : findRichText(config, tab.fields, data, prefix),
      )
    }
    if (field.type === 'array') {
      const rows = record[field.name]
      return Array.isArray(rows)
        ? rows.flatMap((row, index) => findRichText(config, field.fields, row, `${path}.${index}.`))
        : []
    }
    if (field.type === 'blocks') {
      const rows = record[field.name]
      const blocks = [
        ...(field.blocks ?? []),
        ...(field.blockReferences ?? []).map((block) =>
          typeof block === 'string' ? config.blocks?.find(({ slug }) => slug === block) : block,
        ),
      ]
      if (!Array.isArray(rows)) return []
      return rows.flatMap((row, index) => {
        const block = blocks.find(
          (candidate) => candidate?.slug === (row as { blockType?: unknown } | null)?.blockType,
        )
        return block ? findRichText(config, block.fields, row, `${path}.${index}.`) : []
      })
    }
    return []
  })
}

/** The bare id a node's value stands for, in the target collection's id type; null when it has none. */
const bareId = (req: PayloadRequest, collection: string, value: unknown): ID | null => {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value
  const idType =
    req.payload.collections[collection as CollectionSlug]?.customIDType ??
    req.payload.db.defaultIDType
  if (idType === 'number') {
    const number = typeof id === 'string' && id.trim() !== '' ? Number(id) : id
    return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : null
  }
  if (typeof id !== 'string' || id === '') return null
  return req.payload.db.name === 'mongoose' &&
    !req.payload.collections[collection as CollectionSlug]?.customIDType &&
    !/^[0-9a-f]{24}$/i.test(id)
    ? null
    : id
}

/**
 * A client may put whole documents into rich text: an upload node whose `value` carries its own
 * `url`, a relationship or internal link whose `value` carries a title. Payload stores them as sent
 * and anything rendering from them (bodyHtml, feeds, webhooks) would trust them. On every save,
 * drafts included (drafts skip validation), this reduces upload and relationship node values and
 * internal links' `doc.value` to the bare id, and answers 400 naming the field when the id does
 * not exist or the collection is not one the editor allows. A link or autolink whose `url` has a
 * scheme other than http, https, mailto or tel is refused the same way (not silently dropped), so
 * the editor sees why; relative URLs pass.
 */
export const reduceRichTextRelations: CollectionBeforeChangeHook = async ({
  collection,
  data,
  req,
}) => {
  const found = findRichText(req.payload.config, collection.fields, data, '')
  if (found.length === 0) return data
  const problems: Problem[] = []
  const references: Reference[] = []
  const reduce = (path: string, kind: string, allowed: string[], target: Target) => {
    const relationTo = typeof target.relationTo === 'string' ? target.relationTo : ''
    if (!allowed.includes(relationTo)) {
      problems.push({
        path,
        message: `${path}: a ${kind} may not point at ${relationTo ? `"${relationTo}"` : 'no collection'}`,
      })
      return
    }
    const id = bareId(req, relationTo, target.value)
    if (id === null) {
      problems.push({ path, message: `${path}: a ${kind} to ${relationTo} needs a document id` })
      return
    }
    target.value = id
    references.push({ collection: relationTo, id, path })
  }
  const visit = (path: string, allowed: Allowed, node: LexicalNode) => {
    if (node.type === 'upload') reduce(path, 'upload node', allowed.upload, node as Target)
    if (node.type === 'relationship')
      reduce(path, 'relationship node', allowed.relationship, node as Target)
    if (node.type === 'link' || node.type === 'autolink') {
      const fields = (
        typeof node.fields === 'object' && node.fields !== null ? node.fields : {}
      ) as { doc?: unknown; linkType?: unknown; url?: unknown }
      if (
        fields.linkType === 'internal' ||
        (typeof fields.doc === 'object' && fields.doc !== null)
      ) {
        const doc = (
          typeof fields.doc === 'object' && fields.doc !== null ? fields.doc : {}
        ) as Target
        const reduced: Target = { relationTo: doc.relationTo, value: doc.value }
        fields.doc = reduced
        reduce(path, 'link', allowed.link, reduced)
      }
      // Checked on internal links too: a frontend of its own may still read `url` there.
      if (typeof fields.url === 'string' && fields.url !== '' && !isAllowedLinkUrl(fields.url)) {
        problems.push({
          path,
          message: `${path}: a link may only use http, https, mailto or tel URLs, or relative ones`,
        })
      }
    }
    if (Array.isArray(node.children)) {
      for (const child of node.children) {
        if (typeof child === 'object' && child !== null) visit(path, allowed, child as LexicalNode)
      }
    }
  }
  for (const { allowed, path, value } of found) visit(path, allowed, value.root)

  const byCollection = new Map<string, Set<ID>>()
  for (const { collection: slug, id } of references)
    byCollection.set(slug, (byCollection.get(slug) ?? new Set()).add(id))
  const existing = new Set<string>()
  for (const [slug, ids] of byCollection) {
    const { docs } = await req.payload.find({
      collection: slug as CollectionSlug,
      depth: 0,
      limit: ids.size,
      overrideAccess: true,
      pagination: false,
      req,
      select: {},
      where: { id: { in: [...ids] } },
    })
    for (const doc of docs) existing.add(`${slug}\n${String(doc.id)}`)
  }
  for (const { collection: slug, id, path } of references) {
    if (!existing.has(`${slug}\n${String(id)}`))
      problems.push({ path, message: `${path}: no ${slug} document with id ${id}` })
  }
  if (problems.length > 0) {
    // One entry per field and reason is enough to fix it; a forged body can repeat one a thousand times.
    const distinct = [
      ...new Map(problems.map((problem) => [problem.message, problem])).values(),
    ].slice(0, 20)
    throw new ValidationError({ collection: collection.slug, errors: distinct, req })
  }
  return data
}
