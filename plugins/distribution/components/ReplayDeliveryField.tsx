import type { UIFieldServerProps } from 'payload'

import React from 'react'

import { canReadDistribution } from '../access'
import { ReplayDelivery } from './ReplayDelivery'

/** Server side of the replay panel: shown only to whom the replay endpoint's access allows. */
export const ReplayDeliveryField = async ({ data, id, req }: UIFieldServerProps) => {
  if (id === undefined || id === null || id === '' || !data?.webhookId) return null
  if ((await canReadDistribution({ req })) !== true) return null
  return (
    <ReplayDelivery
      deliveryId={String(id)}
      hasChannel={data.channel !== null && data.channel !== undefined}
      webhookId={String(data.webhookId)}
    />
  )
}
