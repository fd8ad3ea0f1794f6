export type DocumentLocksOptions = {
  /** Collections whose saves are serialised per document and answer `If-Match` / stale saves. */
  collections: string[]
  /** When false, the hooks are left out. @default true */
  enabled?: boolean
  /**
   * Answer 409 when a save sends an `updatedAt` older than the stored document's (the admin's
   * full-form save of a document someone changed meanwhile). @default true
   */
  rejectStaleSaves?: boolean
}

export type SanitizedDocumentLocksConfig = {
  collections: string[]
  enabled: boolean
  rejectStaleSaves: boolean
}
