import type { Config, Field } from 'payload'

/**
 * The headline shape (headline.ts) in the generated `payload-types.ts`: a relationship field that
 * answers headline objects (`related`, `adjacent.newer/older`) is typed `Headline`, not Payload's
 * `number | Article`. Payload's documented hooks for that: the field's `typescriptSchema` points
 * at a definition that the config's `typescript.schema` adds once.
 */
// Payload's own JSON schema type (json-schema's JSONSchema4), without importing that package.
type JsonSchema = ReturnType<NonNullable<NonNullable<Config['typescript']>['schema']>[number]>

const HEADLINE = 'Headline'
const PUBLIC_IMAGE = 'PublicImage'
const ref = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` })

const text: JsonSchema = { type: 'string' }
const textOrNull: JsonSchema = { type: ['string', 'null'] }
const numberOrNull: JsonSchema = { type: ['number', 'null'] }
const strictObject = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  properties,
  required: Object.keys(properties),
})

const definitions = (idType: 'number' | 'string'): Record<string, JsonSchema> => ({
  [PUBLIC_IMAGE]: strictObject({
    alt: textOrNull,
    caption: textOrNull,
    credit: textOrNull,
    height: numberOrNull,
    id: { type: idType },
    sizes: {
      type: 'object',
      additionalProperties: strictObject({ height: numberOrNull, url: text, width: numberOrNull }),
    },
    srcset: textOrNull,
    url: textOrNull,
    width: numberOrNull,
  }),
  [HEADLINE]: strictObject({
    id: { type: idType },
    title: text,
    subtitle: textOrNull,
    slug: textOrNull,
    url: text,
    regionLabel: textOrNull,
    section: { oneOf: [strictObject({ name: textOrNull, slug: textOrNull }), { type: 'null' }] },
    heroImage: { oneOf: [ref(PUBLIC_IMAGE), { type: 'null' }] },
    registeredAt: textOrNull,
    registeredAtText: textOrNull,
    registeredAtListText: textOrNull,
    byline: textOrNull,
  }),
})

/** Adds the `Headline` definition (with `collection`'s id type) to the generated types, once. */
export const withHeadlineTypes = (config: Config, collection: string): Config => {
  const schemas = config.typescript?.schema ?? []
  return {
    ...config,
    typescript: {
      ...config.typescript,
      schema: [
        ...schemas,
        ({ collectionIDFieldTypes, jsonSchema }) =>
          jsonSchema.definitions?.[HEADLINE]
            ? jsonSchema
            : {
                ...jsonSchema,
                definitions: {
                  ...jsonSchema.definitions,
                  ...definitions(collectionIDFieldTypes[collection] ?? 'number'),
                },
              },
      ],
    },
  }
}

/** `typescriptSchema` for a relationship field read as headline objects (hasMany: a list). */
export const headlineTypescriptSchema = ({
  hasMany,
}: {
  hasMany: boolean
}): NonNullable<Extract<Field, { type: 'relationship' }>['typescriptSchema']> => [
  () =>
    hasMany
      ? { oneOf: [{ type: 'array', items: ref(HEADLINE) }, { type: 'null' }] }
      : { oneOf: [ref(HEADLINE), { type: 'null' }] },
]
