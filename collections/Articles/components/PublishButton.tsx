'use client'

import type { PublishButtonClientProps } from 'payload'

import { PublishButton as PayloadPublishButton, useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect } from 'react'

/**
 * Payload's publish button, with its schedule drawer preselecting 게시 (publish) on a story that
 * was never published. Payload counts unpublished versions only against a published one, so a
 * never-published draft reloaded in the editor counted 0 and the drawer offered 게시 해제
 * (unpublish) instead: an editor who did not look scheduled an unpublish, and nothing went live.
 * The draft itself is the unpublished version; saying so changes nothing else (the status and
 * the publish button read `hasPublishedDoc`). Server side, collections/Articles/hooks/
 * dropStaleUnpublishJobs makes an unpublish scheduled while unpublished void at publication.
 */
export const PublishButton: React.FC<PublishButtonClientProps> = (props) => {
  const { hasPublishedDoc, setUnpublishedVersionCount, unpublishedVersionCount } = useDocumentInfo()
  useEffect(() => {
    if (!hasPublishedDoc && unpublishedVersionCount < 1) setUnpublishedVersionCount(1)
  }, [hasPublishedDoc, setUnpublishedVersionCount, unpublishedVersionCount])
  return <PayloadPublishButton {...props} />
}
