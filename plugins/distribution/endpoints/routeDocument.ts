import type { CollectionSlug, PayloadRequest } from 'payload'

/** The document named by the endpoint's `:id`, read past access (the endpoint checked the caller), or null. */
export const findRouteDocument = async <T>(req: PayloadRequest, collection: string, options: { showHiddenFields?: boolean } = {}): Promise<null | T> =>
  (await req.payload.findByID({
    collection: collection as CollectionSlug,
    id: req.routeParams?.id as never,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
    showHiddenFields: options.showHiddenFields,
  })) as unknown as null | T
