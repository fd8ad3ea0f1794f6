import type { HTMLConverters } from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { CollectionBeforeChangeHook, CollectionSlug, PayloadRequest } from 'payload'

import { convertLexicalToHTML, defaultHTMLConverters } from '@payloadcms/richtext-lexical/html'

import {
  absoluteUrl as absoluteUrlAt,
  publicOrigin,
  publicSizes,
  srcsetOf,
} from '../../../plugins/shared/headline'
import { idOf } from '../../../plugins/shared/relationIds'
import { escapeHtml, sanitizeRichTextHtml } from '../../../plugins/shared/sanitizeHtml'
import {
  defaultArticlePath,
  defaultReporterPath,
  resolveSiteUrl,
} from '../../../plugins/shared/siteLinks'

type Doc = Record<string, unknown> & { id: number | string }
type Node = { [key: string]: unknown; children?: unknown; type?: unknown }
type Target = { relationTo?: unknown; value?: unknown }
type ImageSize = { height?: null | number; url?: null | string; width?: null | number }
type MediaDoc = Doc &
  ImageSize & {
    alt?: null | string
    caption?: null | string
    credit?: null | string
    filename?: null | string
    mimeType?: null | string
    sizes?: Record<string, ImageSize | null>
  }

/** What the body points at, read from the database: never the copies a client sent along. */
type Linked = Map<string, Doc>

const keyOf = (relationTo: unknown, id: unknown) => `${String(relationTo)}\n${String(idOf(id))}`

/** Every upload, relationship and internal-link target in the body, by collection. */
const targetsOf = (
  node: Node,
  into: Map<string, Set<string>> = new Map(),
): Map<string, Set<string>> => {
  const add = ({ relationTo, value }: Target) => {
    const id = idOf(value)
    if (typeof relationTo === 'string' && id !== null)
      into.set(relationTo, (into.get(relationTo) ?? new Set()).add(String(id)))
  }
  if (node.type === 'upload' || node.type === 'relationship') add(node as Target)
  if (node.type === 'link' || node.type === 'autolink') {
    const fields = node.fields as { doc?: Target; linkType?: string } | undefined
    if (fields?.linkType === 'internal' && fields.doc) add(fields.doc)
  }
  if (Array.isArray(node.children))
    for (const child of node.children)
      if (child && typeof child === 'object') targetsOf(child as Node, into)
  return into
}

const loadTargets = async (
  req: PayloadRequest,
  targets: Map<string, Set<string>>,
): Promise<Linked> => {
  const linked: Linked = new Map()
  for (const [relationTo, ids] of targets) {
    const collection = req.payload.collections[relationTo as CollectionSlug]
    if (!collection) continue
    // Same transaction as the save; depth 0, so an upload's `url` and sizes are Payload's own.
    const { docs } = await req.payload.find({
      collection: relationTo as CollectionSlug,
      depth: 0,
      limit: ids.size,
      overrideAccess: true,
      pagination: false,
      req,
      where: { id: { in: [...ids] } },
    })
    for (const doc of docs as unknown as Doc[]) linked.set(keyOf(relationTo, doc.id), doc)
  }
  return linked
}

/** Public image URLs are absolute (DESIGN: images). */
const absoluteUrl = (req: PayloadRequest, url: string): string =>
  absoluteUrlAt(publicOrigin(req), url) ?? url

/** Where a link to a document goes on the public site; null when readers cannot see it there. */
const publicHref = (
  req: PayloadRequest,
  relationTo: unknown,
  doc: Doc | undefined,
): null | string => {
  if (!doc) return null
  const site = resolveSiteUrl(undefined, req.payload.config.serverURL || undefined)
  if (relationTo === 'articles') {
    // A draft's slug and title are not public yet: its link renders as plain text.
    return doc._status === 'published'
      ? `${site}${defaultArticlePath({ id: doc.id, slug: doc.slug as null | string })}`
      : null
  }
  if (relationTo === 'reporters' && doc.slug)
    return `${site}${defaultReporterPath({ slug: doc.slug as string })}`
  return null
}

const figure = (req: PayloadRequest, media: MediaDoc): string => {
  if (!media.url) return ''
  const src = absoluteUrl(req, media.url)
  if (!String(media.mimeType ?? '').startsWith('image/'))
    return `<p><a href="${escapeHtml(src)}">${escapeHtml(media.filename ?? src)}</a></p>`
  // The same srcset as the media's own (plugins/shared/headline.ts): sizes of the original's shape.
  const srcset = srcsetOf(
    { url: src, width: media.width ?? null, height: media.height ?? null },
    publicSizes(publicOrigin(req), media as Record<string, unknown>),
  )
  const caption = [media.caption?.trim(), media.credit?.trim() ? `사진=${media.credit.trim()}` : '']
    .filter(Boolean)
    .join(' ')
  const attributes = [
    `src="${escapeHtml(src)}"`,
    srcset?.includes(',') ? `srcset="${escapeHtml(srcset)}" sizes="100vw"` : '',
    `alt="${escapeHtml(media.alt ?? '')}"`,
    media.width ? `width="${media.width}"` : '',
    media.height ? `height="${media.height}"` : '',
    'loading="lazy"',
  ].filter(Boolean)
  return `<figure><img ${attributes.join(' ')} />${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>`
}

const converters = (req: PayloadRequest, linked: Linked): HTMLConverters => ({
  ...defaultHTMLConverters,
  // Plain tags instead of inline styles: the sanitiser then needs no text-decoration styles.
  text: ({ node }) => {
    const format = Number(node.format) || 0
    let text = escapeHtml(node.text)
    if (format & 1) text = `<strong>${text}</strong>`
    if (format & 2) text = `<em>${text}</em>`
    if (format & 4) text = `<s>${text}</s>`
    if (format & 8) text = `<u>${text}</u>`
    if (format & 16) text = `<code>${text}</code>`
    if (format & 32) text = `<sub>${text}</sub>`
    if (format & 64) text = `<sup>${text}</sup>`
    return text
  },
  // Payload's check-list item writes a form control and a label; a class carries the state instead.
  listitem: ({ node, nodesToHTML, parent, providedCSSString }) => {
    const children = node.children as Node[]
    const hasSubLists = children.some((child) => child.type === 'list')
    const isCheck = (parent as { listType?: unknown }).listType === 'check'
    const classes = [
      isCheck && !hasSubLists
        ? `list-item-checkbox list-item-checkbox-${node.checked ? 'checked' : 'unchecked'}`
        : '',
      hasSubLists ? 'nestedListItem' : '',
    ].filter(Boolean)
    const style = `${hasSubLists ? 'list-style-type: none;' : ''}${providedCSSString}`
    const value = Number.isInteger(node.value) ? ` value="${node.value}"` : ''
    return `<li${classes.length ? ` class="${classes.join(' ')}"` : ''}${style ? ` style="${style}"` : ''}${value}>${nodesToHTML({ nodes: node.children }).join('')}</li>`
  },
  upload: ({ node }) => {
    const media = linked.get(keyOf(node.relationTo, node.value)) as MediaDoc | undefined
    return media ? figure(req, media) : ''
  },
  relationship: ({ node }) => {
    const doc = linked.get(keyOf(node.relationTo, node.value))
    const href = publicHref(req, node.relationTo, doc)
    return href && doc
      ? `<p><a href="${escapeHtml(href)}">${escapeHtml(doc.title ?? doc.name ?? href)}</a></p>`
      : ''
  },
  link: ({ node, nodesToHTML }) => {
    const children = nodesToHTML({ nodes: node.children }).join('')
    const fields = node.fields as {
      doc?: Target
      linkType?: string
      newTab?: boolean
      url?: string
    }
    const href =
      fields.linkType === 'internal'
        ? publicHref(
            req,
            fields.doc?.relationTo,
            linked.get(keyOf(fields.doc?.relationTo, fields.doc?.value)),
          )
        : fields.url
    if (!href) return children
    return `<a href="${escapeHtml(href)}"${fields.newTab ? ' target="_blank" rel="noopener noreferrer"' : ''}>${children}</a>`
  },
  autolink: ({ node, nodesToHTML }) => {
    const children = nodesToHTML({ nodes: node.children }).join('')
    const fields = node.fields as { newTab?: boolean; url?: string }
    if (!fields.url) return children
    return `<a href="${escapeHtml(fields.url)}"${fields.newTab ? ' target="_blank" rel="noopener noreferrer"' : ''}>${children}</a>`
  },
  // A node type the editor does not have (a forged one) renders as nothing, not as "unknown node".
  unknown: () => '',
})

/**
 * Rendered at save for frontends that do not render Lexical. Uploads, relationships and internal
 * links are rendered from the documents they point at, read in this save's transaction (never
 * from what the client sent in the node), and the result passes the rich-text sanitiser, so the
 * stored HTML is safe to embed in pages, feeds and webhooks.
 */
export const renderBodyHtml: CollectionBeforeChangeHook = async ({ data, req }) => {
  if (!('body' in data)) return data
  const body = data.body as null | SerializedEditorState | undefined
  if (!body?.root) {
    data.bodyHtml = ''
    return data
  }
  const linked = await loadTargets(req, targetsOf(body.root as unknown as Node))
  data.bodyHtml = sanitizeRichTextHtml(
    convertLexicalToHTML({
      converters: converters(req, linked),
      data: body,
      disableContainer: true,
    }),
  )
  return data
}
