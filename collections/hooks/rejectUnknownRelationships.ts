import type { CollectionBeforeChangeHook, CollectionSlug, Field } from 'payload'

import { ValidationError } from 'payload'

import { idOf } from '../../plugins/shared/relationIds'
import { isWellFormedID } from './isWellFormedID'

type RelationField = { hasMany?: boolean; name: string; relationTo: string }

const topLevelRelationFields = (fields: Field[]): RelationField[] =>
  fields.flatMap((field): RelationField[] => {
    if (
      (field.type === 'relationship' || field.type === 'upload') &&
      typeof field.relationTo === 'string'
    ) {
      return [
        {
          name: field.name,
          hasMany: 'hasMany' in field ? Boolean(field.hasMany) : false,
          relationTo: field.relationTo,
        },
      ]
    }
    // Unnamed layout fields (rows, collapsibles, unnamed tabs) keep their children at the top level.
    if ((field.type === 'row' || field.type === 'collapsible') && 'fields' in field) {
      return topLevelRelationFields(field.fields)
    }
    if (field.type === 'tabs') {
      return field.tabs.flatMap((tab) =>
        'name' in tab && tab.name ? [] : topLevelRelationFields(tab.fields),
      )
    }
    return []
  })

/**
 * Payload only checks that a relationship id has the right shape; on SQL databases an id that does
 * not exist then fails as a foreign-key error (HTTP 500) or, on MongoDB, is stored dangling. This
 * answers 400 naming the field instead, for drafts too (drafts skip field validation).
 */
export const rejectUnknownRelationships: CollectionBeforeChangeHook = async ({
  collection,
  data,
  req,
}) => {
  const errors: { message: string; path: string }[] = []
  for (const field of topLevelRelationFields(collection.fields)) {
    if (!(field.name in data)) continue
    const values =
      field.hasMany && Array.isArray(data[field.name])
        ? (data[field.name] as unknown[])
        : [data[field.name]]
    const requested = [
      ...new Set(values.map(idOf).filter((id): id is number | string => id !== null)),
    ]
    // An id of the wrong shape cannot exist; asking the database would fail with a type error.
    const target = req.payload.collections[field.relationTo as CollectionSlug]?.config
    const ids = requested.filter((id) => !target || isWellFormedID(id, target, req.payload))
    if (requested.length === 0) continue
    const found =
      ids.length === 0
        ? { docs: [] }
        : await req.payload.find({
            collection: field.relationTo as CollectionSlug,
            depth: 0,
            limit: ids.length,
            overrideAccess: true,
            pagination: false,
            req,
            select: {},
            where: { id: { in: ids } },
          })
    const foundIds = new Set(found.docs.map((doc) => String(doc.id)))
    const missing = requested.filter((id) => !foundIds.has(String(id)))
    if (missing.length > 0) {
      errors.push({
        path: field.name,
        message: `${field.name}: no ${field.relationTo} document with id ${missing.join(', ')}`,
      })
    }
  }
  if (errors.length > 0) {
    throw new ValidationError({ collection: collection.slug, errors, req })
  }
  return data
}
