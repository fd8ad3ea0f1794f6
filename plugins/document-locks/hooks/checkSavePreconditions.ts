import type { CollectionBeforeChangeHook } from 'payload'

import type { SanitizedDocumentLocksConfig } from '../types'

import {
  entityTagOf,
  isFirstCheck,
  isRouteDocument,
  matchesIfMatch,
  setResponseEntityTag,
} from '../entityTag'
import { contentChangedAtOf } from '../contentChange'
import { PreconditionFailedError, StaleSaveError } from '../errors'

/**
 * Runs under the document's lock, on the stored copy Payload is about to merge the change onto:
 * a REST save whose `If-Match` no longer names that copy answers 412, and a save that sends an
 * `updatedAt` older than the copy's last change of content (the admin's whole form, loaded before
 * someone else changed it; see contentChange.ts) answers 409 instead of writing the form's old values over the other change.
 */
export const checkSavePreconditions =
  (config: SanitizedDocumentLocksConfig): CollectionBeforeChangeHook =>
  ({ collection, data, operation, originalDoc, req }) => {
    if (
      operation !== 'update' ||
      !originalDoc ||
      !isRouteDocument(req, collection.slug, originalDoc.id) ||
      !isFirstCheck(req)
    )
      return data
    const current = entityTagOf(originalDoc)
    const ifMatch = req.headers.get('if-match')
    if (ifMatch !== null && !matchesIfMatch(ifMatch, current)) {
      if (current) setResponseEntityTag(req, current)
      throw new PreconditionFailedError(current)
    }
    const submitted = (data as { updatedAt?: unknown }).updatedAt
    const contentChangedAt = contentChangedAtOf(originalDoc)
    if (
      config.rejectStaleSaves &&
      typeof submitted === 'string' &&
      typeof originalDoc.updatedAt === 'string' &&
      contentChangedAt !== null
    ) {
      const submittedAt = Date.parse(submitted)
      // Against the last change of content: saves since that changed nothing leave the form current.
      if (!Number.isNaN(submittedAt) && submittedAt < contentChangedAt) {
        if (current) setResponseEntityTag(req, current)
        throw new StaleSaveError(originalDoc.updatedAt)
      }
    }
    return data
  }
