'use client'

import { getTranslation } from '@payloadcms/translations'
import { useTranslation } from '@payloadcms/ui'

type Props = {
  comparisonValue?: unknown
  field?: { label?: unknown; name?: string }
  versionValue?: unknown
}

const yesNo = (value: unknown, isKorean: boolean): string =>
  value === true ? (isKorean ? '예' : 'Yes') : isKorean ? '아니오' : 'No'

/**
 * The version view's diff of a checkbox in words of the admin's language: Payload's own prints
 * `true`/`false` (in English whatever the language).
 */
export const YesNoDiff = ({ comparisonValue, field, versionValue }: Props) => {
  const { i18n } = useTranslation()
  const isKorean = i18n.language === 'ko'
  const label = field?.label
    ? getTranslation(field.label as Record<string, string>, i18n)
    : (field?.name ?? '')
  const from = yesNo(comparisonValue, isKorean)
  const to = yesNo(versionValue, isKorean)
  return (
    <div className="field-diff yes-no-diff">
      <div className="field-diff-label">{label}</div>
      <p>{from === to ? to : `${from} → ${to}`}</p>
    </div>
  )
}
