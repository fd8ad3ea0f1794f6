import type { IOptions } from 'sanitize-html'

import sanitize from 'sanitize-html'

/** URL schemes a link may use; relative and protocol-relative URLs have none and are allowed too. */
export const allowedLinkSchemes = ['http', 'https', 'mailto', 'tel']

const blockTags = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'li']

/**
 * What rendered rich text may contain: the tags the Lexical converters write for the editor's
 * features, and nothing that runs script or loads from elsewhere than http(s). Styles are only the
 * alignment and indent the converters write; classes only those of Lexical lists.
 */
export const richTextHtmlOptions: IOptions = {
  allowedTags: [
    ...blockTags,
    'strong',
    'em',
    'u',
    's',
    'sub',
    'sup',
    'code',
    'a',
    'br',
    'hr',
    'figure',
    'figcaption',
    'img',
  ],
  allowedAttributes: {
    ...Object.fromEntries(blockTags.map((tag) => [tag, ['style']])),
    ul: ['class', 'style'],
    ol: ['class', 'style'],
    li: ['class', 'style', 'value'],
    a: ['href', 'target', 'rel'],
    img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading'],
  },
  allowedClasses: {
    ul: ['list-bullet', 'list-check', 'list-number'],
    ol: ['list-bullet', 'list-check', 'list-number'],
    li: [
      'nestedListItem',
      'list-item-checkbox',
      'list-item-checkbox-checked',
      'list-item-checkbox-unchecked',
    ],
  },
  allowedStyles: {
    '*': {
      'text-align': [/^(?:left|right|center|justify)$/],
      'padding-inline-start': [/^\d{1,4}px$/],
      'list-style-type': [/^none$/],
    },
  },
  allowedSchemes: allowedLinkSchemes,
  // Images load without a click: only from the web, never mailto:/tel: (or data:).
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: true,
  disallowedTagsMode: 'discard',
  transformTags: {
    // A new tab opened by a link must not get a handle on this page (window.opener).
    a: (tagName, attribs) => {
      const { rel: _rel, target, ...rest } = attribs
      return {
        tagName,
        attribs: target === '_blank' ? { ...rest, target, rel: 'noopener noreferrer' } : rest,
      }
    },
  },
}

/** Rendered rich text made safe to embed in a page, a feed or a webhook: the one place HTML is sanitised. */
export const sanitizeRichTextHtml = (html: string): string => sanitize(html, richTextHtmlOptions)

const keepsHref = (attributeValue: string): boolean =>
  /\shref="/.test(
    sanitize(`<a href="${attributeValue}">x</a>`, {
      allowedTags: ['a'],
      allowedAttributes: { a: ['href'] },
      allowedSchemes: allowedLinkSchemes,
      allowProtocolRelative: true,
    }),
  )

/**
 * Whether a link URL passes the same scheme rule as rendered HTML (sanitize-html's: control
 * characters and whitespace are ignored, case does not matter). Read both as typed and with HTML
 * entities decoded, so that `&#106;avascript:` counts as the `javascript:` it spells wherever it
 * ends up in markup.
 */
export const isAllowedLinkUrl = (url: string): boolean =>
  keepsHref(url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')) &&
  keepsHref(url.replace(/"/g, '&quot;'))

/** Text (or an attribute value) made safe to put into HTML. */
export const escapeHtml = (value: unknown): string =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  )
