import type { PayloadRequest } from 'payload'

/** The request is signed in to the readers' collection (not staff, not anonymous). */
export const isReader = (req: Pick<PayloadRequest, 'user'>, readersSlug: string): boolean =>
  Boolean(req.user) && req.user?.collection === readersSlug
