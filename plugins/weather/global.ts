import type {
  Field,
  FieldAccess,
  GlobalAfterChangeHook,
  GlobalBeforeChangeHook,
  GlobalBeforeReadHook,
  GlobalConfig,
  PayloadRequest,
} from 'payload'

import type { SanitizedWeatherConfig } from './types'

import { publishGlobalInstants } from '../shared/globalTimes'
import { isStaffRequest } from '../shared/staffUser'
import { globalKey } from '../shared/surrogateKeys'
import { isSkyCode, precipitationOptions, skyCodes, skyOptions } from './codes'
import { refreshEndpoint } from './endpoints'
import { publicWeather } from './publicShape'

const staffOnly: FieldAccess = ({ req }) => isStaffRequest(req)
const nobody: FieldAccess = () => false
const dayAndTime = {
  date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'yyyy-MM-dd HH:mm' },
}

const MIN_TEMPERATURE = -60
const MAX_TEMPERATURE = 60

/** The provider's last good reading: written by the refresh job only. */
const observationField: Field = {
  name: 'observation',
  type: 'group',
  label: { en: 'Last reading', ko: '최근 관측값' },
  access: { read: staffOnly, update: nobody },
  admin: { readOnly: true },
  fields: [
    { name: 'sky', type: 'select', options: skyOptions, label: { en: 'Sky', ko: '하늘상태' } },
    {
      name: 'precipitation',
      type: 'select',
      options: precipitationOptions,
      label: { en: 'Precipitation', ko: '강수형태' },
    },
    { name: 'temperature', type: 'number', label: { en: 'Temperature (°C)', ko: '기온 (°C)' } },
    {
      name: 'observedAt',
      type: 'date',
      label: { en: 'Observed at', ko: '관측 시각' },
      admin: dayAndTime,
    },
    { name: 'locationLabel', type: 'text', label: { en: 'Location', ko: '지역' } },
    { name: 'provider', type: 'text', label: { en: 'Provider', ko: '제공처' } },
    {
      name: 'fetchedAt',
      type: 'date',
      label: { en: 'Fetched at', ko: '받은 시각' },
      admin: dayAndTime,
    },
  ],
}

/** How the last refresh went: the desk's, never the readers'. */
const refreshField: Field = {
  name: 'refresh',
  type: 'group',
  label: { en: 'Refresh status', ko: '갱신 상태' },
  access: { read: staffOnly, update: nobody },
  admin: { readOnly: true },
  fields: [
    {
      name: 'lastAttemptAt',
      type: 'date',
      label: { en: 'Last attempt', ko: '마지막 시도' },
      admin: dayAndTime,
    },
    { name: 'lastError', type: 'textarea', label: { en: 'Last error', ko: '마지막 오류' } },
    {
      name: 'lastErrorAt',
      type: 'date',
      label: { en: 'Last error at', ko: '마지막 오류 시각' },
      admin: dayAndTime,
    },
  ],
}

const whenActive = (siblingData: unknown): boolean =>
  Boolean((siblingData as { active?: boolean } | undefined)?.active)

/** The desk's own line, shown instead of the provider's while on (and before `until`). */
const overrideField: Field = {
  name: 'override',
  type: 'group',
  label: { en: 'Manual override', ko: '수동 입력' },
  access: { read: staffOnly },
  admin: {
    description: {
      en: 'While on (and until the time, if set), readers see this instead of the provider’s reading.',
      ko: '켜져 있는 동안(종료 시각이 있으면 그때까지) 독자에게 기상청 값 대신 이 값이 보입니다.',
    },
  },
  fields: [
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: false,
      label: { en: 'On', ko: '수동 입력 사용' },
    },
    {
      name: 'sky',
      type: 'select',
      options: skyOptions,
      label: { en: 'Sky', ko: '하늘상태' },
      // Replaces Payload's own check of the options, so it makes that check too.
      validate: (value: unknown, { siblingData }: { siblingData: unknown }) => {
        if (value === null || value === undefined || value === '')
          return whenActive(siblingData) ? '수동 입력을 켜면 하늘상태가 필요합니다.' : true
        return isSkyCode(value) ? true : `하늘상태는 ${skyCodes.join(', ')} 중 하나여야 합니다.`
      },
    },
    {
      name: 'precipitation',
      type: 'select',
      options: precipitationOptions,
      defaultValue: 'none',
      label: { en: 'Precipitation', ko: '강수형태' },
    },
    {
      name: 'temperature',
      type: 'number',
      min: MIN_TEMPERATURE,
      max: MAX_TEMPERATURE,
      label: { en: 'Temperature (°C)', ko: '기온 (°C)' },
      validate: (value: unknown, { siblingData }: { siblingData: unknown }) => {
        if (value === null || value === undefined || value === '')
          return whenActive(siblingData) ? '수동 입력을 켜면 기온이 필요합니다.' : true
        if (typeof value !== 'number' || !Number.isFinite(value)) return '기온은 숫자여야 합니다.'
        if (value < MIN_TEMPERATURE || value > MAX_TEMPERATURE)
          return `기온은 ${MIN_TEMPERATURE}에서 ${MAX_TEMPERATURE} 사이여야 합니다.`
        return true
      },
    },
    {
      name: 'locationLabel',
      type: 'text',
      maxLength: 40,
      label: { en: 'Location label', ko: '지역 이름' },
      admin: {
        description: { en: 'Empty: the configured location.', ko: '비우면 설정된 지역 이름' },
      },
    },
    {
      name: 'until',
      type: 'date',
      label: { en: 'Until', ko: '종료 시각' },
      admin: {
        ...dayAndTime,
        description: { en: 'Empty: until switched off.', ko: '비우면 끌 때까지 유지됩니다.' },
      },
    },
    // When the desk last changed the override: the `observedAt` readers get for it.
    { name: 'setAt', type: 'date', admin: { hidden: true }, access: { update: nobody } },
  ],
}

const virtualText = (name: string, ko: string): Field => ({
  name,
  type: 'text',
  virtual: true,
  label: { en: name, ko },
  admin: { readOnly: true },
})

/** Readers' fields: computed on every read from what is stored, never stored. */
const publicFields: Field = {
  type: 'collapsible',
  label: { en: 'What readers see', ko: '독자에게 보이는 값' },
  admin: { initCollapsed: true },
  fields: [
    virtualText('location', '지역'),
    virtualText('summary', '날씨 (한 단어)'),
    virtualText('sky', '하늘상태'),
    virtualText('skyCode', '하늘상태 코드'),
    virtualText('precipitation', '강수형태'),
    virtualText('precipitationCode', '강수형태 코드'),
    {
      name: 'temperature',
      type: 'number',
      virtual: true,
      label: { en: 'Temperature (°C)', ko: '기온 (°C)' },
      admin: { readOnly: true },
    },
    {
      name: 'observedAt',
      type: 'date',
      virtual: true,
      label: { en: 'Observed at', ko: '관측 시각' },
      admin: { readOnly: true, ...dayAndTime },
    },
    virtualText('source', '출처 (kma, manual)'),
    {
      name: 'stale',
      type: 'checkbox',
      virtual: true,
      label: { en: 'Stale', ko: '오래된 값' },
      admin: { readOnly: true },
    },
  ],
}

const fillPublicFields =
  (config: SanitizedWeatherConfig): GlobalBeforeReadHook =>
  ({ doc }) =>
    Object.assign(doc, publicWeather(doc as never, config, new Date()))

const OVERRIDE_KEYS = ['active', 'sky', 'precipitation', 'temperature', 'locationLabel', 'until']

/** Stamps `override.setAt` when the desk changes the override. */
const stampOverride: GlobalBeforeChangeHook = ({ data, originalDoc }) => {
  const next = (data as { override?: Record<string, unknown> }).override
  const before = (originalDoc as { override?: Record<string, unknown> } | undefined)?.override
  if (!next) return data
  const hasChanged = OVERRIDE_KEYS.some(
    (key) => JSON.stringify(next[key] ?? null) !== JSON.stringify(before?.[key] ?? null),
  )
  if (hasChanged) next.setAt = new Date().toISOString()
  return data
}

/**
 * Tells a change readers can see once, so caches drop their copies: the public shape before and
 * after the save, at the same instant, differ. The job runs every 30 minutes and KMA observes
 * hourly, so half its saves (and every failed refresh after the first) change nothing readers get.
 */
const tellChange =
  (config: SanitizedWeatherConfig): GlobalAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    if (!config.enabled || !config.onChange) return doc
    const now = new Date()
    const before = JSON.stringify(publicWeather((previousDoc ?? {}) as never, config, now))
    if (JSON.stringify(publicWeather(doc as never, config, now)) !== before)
      await config.onChange({ req, keys: [globalKey(config.slug)], reason: 'weather.changed' })
    return doc
  }

/** 날씨: the site's weather line (DESIGN.md's global `weather`). */
export const weatherGlobal = (config: SanitizedWeatherConfig): GlobalConfig => {
  const desk = ({ req }: { req: PayloadRequest }) => config.isDesk(req)
  return {
    slug: config.slug,
    label: { en: 'Weather', ko: '날씨' },
    admin: {
      group: { en: 'Site', ko: '사이트' },
      description: {
        en: 'The site’s weather line, refreshed by a job from the provider; readers read GET /api/globals/weather or GraphQL.',
        ko: '사이트 상단의 날씨 줄입니다. 작업(job)이 기상청에서 주기적으로 받아 저장하며, 수동 입력이 켜져 있으면 그 값이 보입니다.',
      },
    },
    access: { read: () => true, update: desk },
    endpoints: config.enabled ? [refreshEndpoint(config)] : [],
    hooks: {
      beforeRead: [fillPublicFields(config)],
      beforeChange: [stampOverride],
      afterChange: [tellChange(config)],
      afterRead: [publishGlobalInstants(['createdAt', 'updatedAt'])],
    },
    fields: [
      publicFields,
      overrideField,
      observationField,
      refreshField,
      {
        // Asks the provider now (POST /api/globals/<slug>/refresh); UI only, nothing stored.
        name: 'refreshNow',
        type: 'ui',
        label: { en: 'Refresh now', ko: '지금 새로 고침' },
        admin: {
          position: 'sidebar',
          components: {
            Field: {
              path: '/../plugins/weather/components/RefreshWeather#RefreshWeather',
              clientProps: { slug: config.slug },
            },
          },
        },
      },
    ],
  }
}
