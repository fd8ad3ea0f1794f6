import type { DocumentLocksOptions, SanitizedDocumentLocksConfig } from './types'

export const sanitizeDocumentLocksOptions = (
  options: DocumentLocksOptions,
): SanitizedDocumentLocksConfig => ({
  collections: [...options.collections],
  enabled: options.enabled ?? true,
  rejectStaleSaves: options.rejectStaleSaves ?? true,
})
