import type { PayloadRequest, ServerProps } from 'payload'

import { createLocalReq } from 'payload'
import React from 'react'

import { DeskActionsClient } from './DeskActionsClient'

export type DeskActionsServerProps = ServerProps & {
  /** The plugin's `isDesk`, given by the plugin through the component's serverProps. */
  isDesk: (req: PayloadRequest) => boolean
}

/**
 * The edit view's desk controls (collection `admin.components.edit.beforeDocumentControls`): whether
 * the signed-in user is the desk is the plugin's `isDesk` on the server; the buttons are client
 * code. Anyone else who may save the story is offered the writer's moves; the server checks them.
 */
export const DeskActions = async ({ isDesk, payload, user }: DeskActionsServerProps) => {
  if (!user) return null
  const req = await createLocalReq({ user: user as NonNullable<PayloadRequest['user']> }, payload)
  return <DeskActionsClient isDesk={isDesk(req)} />
}
