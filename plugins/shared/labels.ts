import type { Config, Field, LabelFunction, Plugin } from 'payload'

import { getTranslation } from '@payloadcms/translations'

type Bilingual = { en: string; ko: string }
type Translations = Record<string, string>

/**
 * A label function (Payload's documented `LabelFunction`) answering in the reader's language.
 * Payload resolves label functions to plain strings for the admin, per language; `{ en, ko }`
 * objects reach some of its components as they are and print `[object Object]`. Server code
 * reads labels with `getTranslation`, which calls functions (without an i18n instance they answer
 * in Korean, the admin's language).
 */
export const labelFunction =
  (text: Translations): LabelFunction =>
  ({ i18n }) =>
    i18n ? getTranslation(text, i18n) : (text.ko ?? Object.values(text)[0] ?? '')

/**
 * A collection's `labels` as label functions: Payload's document drawer toggler and dashboard
 * cards put `labels.singular` into a sentence without translating it (`새로운 [object Object] 추가`).
 */
export const collectionLabels = (
  singular: Bilingual,
  plural: Bilingual,
): { plural: LabelFunction; singular: LabelFunction } => ({
  singular: labelFunction(singular),
  plural: labelFunction(plural),
})

const isTranslations = (label: unknown): label is Translations =>
  typeof label === 'object' &&
  label !== null &&
  !Array.isArray(label) &&
  Object.keys(label).length > 0 &&
  Object.values(label).every((value) => typeof value === 'string')

/** `fields` with every `{ en, ko }` label (nested fields, tabs and blocks too) as a label function. */
export const withLabelFunctions = (fields: Field[]): Field[] =>
  fields.map((field) => {
    const next = { ...field } as Record<string, unknown>
    if (isTranslations(next.label)) next.label = labelFunction(next.label)
    if (Array.isArray(next.fields)) next.fields = withLabelFunctions(next.fields as Field[])
    if (Array.isArray(next.tabs))
      next.tabs = (next.tabs as Record<string, unknown>[]).map((tab) => ({
        ...tab,
        ...(isTranslations(tab.label) ? { label: labelFunction(tab.label) } : {}),
        fields: withLabelFunctions(tab.fields as Field[]),
      }))
    if (Array.isArray(next.blocks))
      next.blocks = (next.blocks as unknown[]).map((block) =>
        typeof block === 'object' && block !== null && 'fields' in block
          ? { ...block, fields: withLabelFunctions((block as { fields: Field[] }).fields) }
          : block,
      )
    return next as Field
  })

/**
 * Field labels (and a host collection's own `{ en, ko }` collection labels, see
 * `collectionLabels`) as label functions in every collection and global. Payload's list view puts a
 * column's label into its sort buttons' names without translating it (`[object Object]
 * 오름차순으로 정렬`, @payloadcms/ui buildColumnState → SortColumn); a function reaches it as the
 * reader's string. Runs after the plugins that add fields.
 */
export const labelFunctions =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: config.collections?.map((collection) => ({
      ...collection,
      ...(collection.labels && {
        labels: {
          singular: isTranslations(collection.labels.singular)
            ? labelFunction(collection.labels.singular)
            : collection.labels.singular,
          plural: isTranslations(collection.labels.plural)
            ? labelFunction(collection.labels.plural)
            : collection.labels.plural,
        },
      }),
      fields: withLabelFunctions(collection.fields),
    })),
    globals: config.globals?.map((global) => ({
      ...global,
      fields: withLabelFunctions(global.fields),
    })),
  })
