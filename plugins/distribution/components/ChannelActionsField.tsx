import type { UIFieldServerProps } from 'payload'

import React from 'react'

import { canManageChannels, canReadDistribution } from '../access'
import { ChannelActions } from './ChannelActions'

/**
 * Server side of the channel's action panel: asks the endpoints' own access functions who may
 * send a test event (the desk) and rotate the secret (admins), so the buttons match the API.
 */
export const ChannelActionsField = async ({ data, id, req }: UIFieldServerProps) => {
  if (id === undefined || id === null || id === '') return null
  const [canTest, canRotate] = await Promise.all([
    canReadDistribution({ req }),
    canManageChannels({ req }),
  ])
  if (canTest !== true && canRotate !== true) return null
  return (
    <ChannelActions
      canRotate={canRotate === true}
      canTest={canTest === true}
      channelId={String(id)}
      isIndexNow={data?.kind === 'indexnow'}
    />
  )
}
