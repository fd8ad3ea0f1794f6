'use client'

import type { DefaultCellComponentProps } from 'payload'

import { useFormFields } from '@payloadcms/ui'
import React from 'react'

import type { ChannelHealthInput } from './health'

import { StatusBadge } from './Badge'
import { channelHealth } from './health'

/** The channel list's health column: one coloured badge from active / lastStatus / consecutiveFailures / disabledReason. */
export const ChannelHealthCell: React.FC<DefaultCellComponentProps> = ({ rowData }) => (
  <StatusBadge badge={channelHealth(rowData as ChannelHealthInput)} />
)

/** The same badge at the top of the channel's health panel, with why a disabled channel stopped. */
export const ChannelHealthField: React.FC = () => {
  const active = useFormFields(([fields]) => fields.active?.value) as boolean | undefined
  const consecutiveFailures = useFormFields(([fields]) => fields.consecutiveFailures?.value) as
    number | undefined
  const disabledReason = useFormFields(([fields]) => fields.disabledReason?.value) as
    string | undefined
  const lastStatus = useFormFields(([fields]) => fields.lastStatus?.value) as string | undefined
  const health: ChannelHealthInput = { active, consecutiveFailures, disabledReason, lastStatus }
  return (
    <div className="field-type distribution-health" style={{ marginBottom: 'var(--base)' }}>
      <StatusBadge badge={channelHealth(health)} showDetail />
    </div>
  )
}
