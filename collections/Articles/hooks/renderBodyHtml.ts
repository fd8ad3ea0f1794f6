import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { CollectionBeforeChangeHook } from 'payload'

import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'

/**
 * Rendered once at save for frontends that do not render Lexical. Payload's converter escapes
 * text and sanitises link URLs, and the body has no raw-HTML node, so the output is safe to embed.
 */
export const renderBodyHtml: CollectionBeforeChangeHook = ({ data }) => {
  if (!('body' in data)) return data
  const body = data.body as null | SerializedEditorState | undefined
  data.bodyHtml = body?.root ? convertLexicalToHTML({ data: body, disableContainer: true }) : ''
  return data
}
