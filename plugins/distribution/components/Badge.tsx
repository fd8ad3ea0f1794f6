'use client'

import { Pill, useTranslation } from '@payloadcms/ui'
import React from 'react'

import type { Badge, Tone } from './health'

import { inLanguage } from './health'

type PillStyle = NonNullable<React.ComponentProps<typeof Pill>['pillStyle']>

const pillStyles: Record<Tone, PillStyle> = {
  error: 'error',
  neutral: 'light-gray',
  success: 'success',
  warning: 'warning',
}

/** A coloured pill; the detail (HTTP status, error, why a channel stopped) is its tooltip and, when asked, its second line. */
export const StatusBadge: React.FC<{ badge: Badge; showDetail?: boolean }> = ({
  badge,
  showDetail = false,
}) => {
  const { i18n } = useTranslation()
  return (
    <span
      className="distribution-badge"
      data-tone={badge.tone}
      style={{
        alignItems: 'flex-start',
        display: 'inline-flex',
        flexDirection: 'column',
        gap: '0.25rem',
      }}
      title={badge.detail}
    >
      <Pill pillStyle={pillStyles[badge.tone]} size="small">
        {inLanguage(badge.label, i18n.language)}
      </Pill>
      {showDetail && badge.detail ? (
        <small style={{ opacity: 0.8, overflowWrap: 'anywhere' }}>{badge.detail}</small>
      ) : null}
    </span>
  )
}
