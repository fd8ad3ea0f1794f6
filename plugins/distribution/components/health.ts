/** Text in both admin languages; components pick one with `inLanguage`. */
export type Bilingual = { en: string; ko: string }

export type Tone = 'error' | 'neutral' | 'success' | 'warning'

export type Badge = { detail?: string; label: Bilingual; tone: Tone }

export type ChannelHealthInput = {
  active?: boolean | null
  consecutiveFailures?: null | number
  disabledReason?: null | string
  lastStatus?: null | string
}

export const inLanguage = (text: Bilingual, language: string): string =>
  language === 'ko' ? text.ko : text.en

const failuresText = (failures: number): Bilingual => ({
  ko: `연속 실패 ${failures}회`,
  en: `${failures} consecutive failure${failures === 1 ? '' : 's'}`,
})

/**
 * One badge for a channel's health, from the fields the delivery task keeps up to date:
 * `active` + `disabledReason` (410 Gone turns a channel off), `lastStatus`, `consecutiveFailures`.
 */
export const channelHealth = (channel: ChannelHealthInput): Badge => {
  const failures = channel.consecutiveFailures ?? 0
  if (channel.active === false) {
    return channel.disabledReason
      ? {
          tone: 'error',
          label: { ko: '자동 중지됨', en: 'Disabled' },
          detail: channel.disabledReason,
        }
      : { tone: 'neutral', label: { ko: '꺼짐', en: 'Off' } }
  }
  switch (channel.lastStatus) {
    case undefined:
    case null:
    case '':
      return { tone: 'neutral', label: { ko: '전송 기록 없음', en: 'No deliveries yet' } }
    case 'succeeded':
      return { tone: 'success', label: { ko: '정상', en: 'Healthy' } }
    case 'retrying': {
      const text = failuresText(failures)
      return {
        tone: 'warning',
        label: { ko: `재시도 중 · ${text.ko}`, en: `Retrying · ${text.en}` },
      }
    }
    case 'failed': {
      const text = failuresText(failures)
      return { tone: 'error', label: { ko: `실패 · ${text.ko}`, en: `Failing · ${text.en}` } }
    }
    case 'refused':
      return {
        tone: 'error',
        label: { ko: '거부됨 (허용되지 않은 주소)', en: 'Refused (address not allowed)' },
      }
    default:
      return { tone: 'neutral', label: { ko: channel.lastStatus, en: channel.lastStatus } }
  }
}

export const deliveryStatusLabels: Record<string, Bilingual> = {
  pending: { ko: '보내는 중', en: 'Pending' },
  retrying: { ko: '재시도 예정', en: 'Retrying' },
  succeeded: { ko: '성공', en: 'Succeeded' },
  failed: { ko: '실패', en: 'Failed' },
  refused: { ko: '거부됨', en: 'Refused' },
}

const deliveryTones: Record<string, Tone> = {
  pending: 'neutral',
  retrying: 'warning',
  succeeded: 'success',
  failed: 'error',
  refused: 'error',
}

/** The badge of one delivery attempt: its status, with the HTTP status or error as detail. */
export const deliveryBadge = (delivery: {
  error?: null | string
  httpStatus?: null | number
  status?: null | string
}): Badge => {
  const status = delivery.status ?? 'pending'
  const detail = [
    delivery.httpStatus ? `HTTP ${delivery.httpStatus}` : '',
    delivery.error && delivery.error !== `HTTP ${delivery.httpStatus}` ? delivery.error : '',
  ]
    .filter(Boolean)
    .join(' · ')
  return {
    tone: deliveryTones[status] ?? 'neutral',
    label: deliveryStatusLabels[status] ?? { ko: status, en: status },
    detail: detail || undefined,
  }
}
