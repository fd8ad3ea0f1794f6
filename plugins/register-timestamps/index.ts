import type { CollectionConfig, Config, Field, Plugin, SelectField } from 'payload'

import type { RegisterTimestampsOptions, SanitizedRegisterTimestampsConfig } from './types'

import { sanitizeRegisterTimestampsOptions } from './defaults'
import { selectVirtualSources } from '../shared/selectVirtualSources'
import { formatKstList, formatKstRegister } from './formatKst'
import { setRegisteredAt } from './hooks/setRegisteredAt'
import { setRevisedAt } from './hooks/setRevisedAt'
import { dateTimePicker } from '../shared/datePickers'
import { labelFunction } from '../shared/labels'

export type { RegisterTimestampsOptions } from './types'
export { formatKstIso, formatKstList, formatKstRegister } from './formatKst'

const kstTextField = (
  name: string,
  source: string,
  label: { en: string; ko: string },
  format: (value: string | undefined) => null | string = formatKstRegister,
): Field => ({
  name,
  type: 'text',
  virtual: true,
  label,
  // Shown read-only in the edit view. Lists show the date fields themselves in Korea time
  // (KstDateCell), which sort; a virtual column cannot.
  admin: { disableListColumn: true, position: 'sidebar', readOnly: true },
  hooks: {
    afterRead: [({ siblingData }) => format(siblingData?.[source] as string | undefined)],
  },
})

// Payload names the stored zone field after the date field's name (`Registered At`) unless the
// label is a plain string: give it its own (added at sanitize, after plugins/shared/labels.ts
// could turn an object label into a function).
const timezoneLabelled = (label: { en: string; ko: string }) => ({
  override: ({ baseField }: { baseField: SelectField }): Field => ({
    ...baseField,
    label: labelFunction(label),
  }),
})

const KST_DATE_CELL = '/../plugins/register-timestamps/components/KstDateCell#KstDateCell'

const timestampFields = (config: SanitizedRegisterTimestampsConfig): Field[] => [
  {
    name: 'registeredAt',
    type: 'date',
    index: true,
    // Editors see and type Korea time whatever their browser's zone (admin.timezones default).
    timezone: timezoneLabelled({ en: 'Registered time zone', ko: '등록 시간대' }),
    label: { en: 'Registered (first published)', ko: '등록' },
    admin: {
      components: { Cell: KST_DATE_CELL },
      position: 'sidebar',
      date: dateTimePicker,
      description: {
        en: 'Set on first publish. Editors may set it by hand for archive imports.',
        ko: '처음 발행할 때 정해집니다. 과거 기사 이관 때만 데스크가 직접 입력합니다.',
      },
    },
  },
  {
    name: 'revisedAt',
    type: 'date',
    index: true,
    // Only the hook (and archive imports by the desk) may set it: a reporter's draft must not carry a forged value into a publish.
    access: {
      create: ({ req }) => config.canSetRegisteredAt({ req }),
      update: ({ req }) => config.canSetRegisteredAt({ req }),
    },
    timezone: timezoneLabelled({ en: 'Revised time zone', ko: '수정 시간대' }),
    label: { en: 'Revised', ko: '수정' },
    admin: {
      components: { Cell: KST_DATE_CELL },
      position: 'sidebar',
      readOnly: true,
      date: dateTimePicker,
    },
  },
  {
    name: 'registeredAtSource',
    type: 'select',
    access: { create: () => false, update: () => false },
    label: { en: 'Registered by', ko: '등록 방식' },
    options: [
      { label: { en: 'Publish', ko: '발행' }, value: 'publish' },
      { label: { en: 'Set by hand', ko: '직접 입력' }, value: 'manual' },
    ],
    admin: { position: 'sidebar', readOnly: true },
  },
  kstTextField('registeredAtText', 'registeredAt', { en: 'Registered (KST)', ko: '등록 (KST)' }),
  kstTextField('revisedAtText', 'revisedAt', { en: 'Revised (KST)', ko: '수정 (KST)' }),
  // The seed page's previous/next lines (`2020-04-17 13:37:43`), part of the headline shape.
  kstTextField(
    'registeredAtListText',
    'registeredAt',
    { en: 'Registered (KST, list)', ko: '등록 (KST, 목록)' },
    formatKstList,
  ),
]

/**
 * 등록/수정 timestamps for news: `registeredAt` is fixed at first publish, `revisedAt` follows
 * editorial changes of the published document, and both come as KST text for frontends.
 */
export const registerTimestamps =
  (options: RegisterTimestampsOptions): Plugin =>
  (incomingConfig: Config): Config => {
    const config = sanitizeRegisterTimestampsOptions(options)
    const collections = (incomingConfig.collections ?? []).map((collection): CollectionConfig => {
      if (!config.collections.includes(collection.slug)) return collection
      const existingNames = new Set(
        collection.fields.map((field) => ('name' in field ? field.name : '')),
      )
      return {
        ...collection,
        fields: [
          ...collection.fields,
          ...timestampFields(config).filter(
            (field) => !existingNames.has((field as { name: string }).name),
          ),
        ],
        hooks: {
          ...collection.hooks,
          beforeOperation: [
            ...(collection.hooks?.beforeOperation ?? []),
            selectVirtualSources({
              registeredAtText: ['registeredAt'],
              registeredAtListText: ['registeredAt'],
              revisedAtText: ['revisedAt'],
            }),
          ],
          beforeChange: [
            ...(collection.hooks?.beforeChange ?? []),
            setRegisteredAt(config),
            setRevisedAt(config),
          ],
        },
      }
    })
    return { ...incomingConfig, collections }
  }
