import type { CollectionSlug, PayloadRequest } from 'payload'

import { APIError } from 'payload'

/** The document named by the endpoint's `:id`, read past access (the endpoint checked the caller); 404 when there is none. */
export const findRouteDocument = async <T>(
  req: PayloadRequest,
  collection: string,
  options: { showHiddenFields?: boolean } = {},
): Promise<T> => {
  const doc = await req.payload.findByID({
    collection: collection as CollectionSlug,
    id: req.routeParams?.id as never,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
    showHiddenFields: options.showHiddenFields,
  })
  if (!doc) throw new APIError('Not Found', 404, null, true)
  return doc as unknown as T
}
