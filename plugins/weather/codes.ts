/**
 * 하늘상태 (KMA `SKY`): 1 맑음, 3 구름많음, 4 흐림 (2 구름조금 was retired in 2019). The codes are the
 * public contract's; the Korean words are what the seed page prints.
 */
export const skyCodes = ['clear', 'mostlyCloudy', 'overcast'] as const
export type SkyCode = (typeof skyCodes)[number]

export const skyText: Record<SkyCode, string> = {
  clear: '맑음',
  mostlyCloudy: '구름많음',
  overcast: '흐림',
}

/** 강수형태 (KMA `PTY`): 0 없음, 1 비, 2 비/눈, 3 눈, 4 소나기, 5 빗방울, 6 빗방울눈날림, 7 눈날림. */
export const precipitationCodes = [
  'none',
  'rain',
  'rainSnow',
  'snow',
  'shower',
  'drizzle',
  'drizzleSnow',
  'snowFlurry',
] as const
export type PrecipitationCode = (typeof precipitationCodes)[number]

export const precipitationText: Record<PrecipitationCode, string> = {
  none: '없음',
  rain: '비',
  rainSnow: '비/눈',
  snow: '눈',
  shower: '소나기',
  drizzle: '빗방울',
  drizzleSnow: '빗방울눈날림',
  snowFlurry: '눈날림',
}

export const isSkyCode = (value: unknown): value is SkyCode =>
  typeof value === 'string' && (skyCodes as readonly string[]).includes(value)

export const isPrecipitationCode = (value: unknown): value is PrecipitationCode =>
  typeof value === 'string' && (precipitationCodes as readonly string[]).includes(value)

/** Select options with Korean labels, for the admin. */
export const skyOptions = skyCodes.map((value) => ({
  value,
  label: { en: value, ko: skyText[value] },
}))
export const precipitationOptions = precipitationCodes.map((value) => ({
  value,
  label: { en: value, ko: precipitationText[value] },
}))
