import type { CollectionBeforeChangeHook } from 'payload'

/**
 * The first account created on an empty newsroom becomes its admin: otherwise nobody could ever
 * manage users. Every later account keeps the roles an admin gave it.
 */
export const makeFirstUserAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const existing = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  if (existing.totalDocs === 0) data.roles = ['admin']
  return data
}
