'use client'

import { Button, Link, toast, useConfig, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useRef, useState } from 'react'

import type { Outcome } from './DeliveryOutcome'

import { latestAttempt, postJson, waitForAttempt } from './api'
import { DeliveryOutcome } from './DeliveryOutcome'
import { deliveryBadge, inLanguage } from './health'

export type ReplayDeliveryProps = {
  deliveryId: string
  hasChannel: boolean
  webhookId: string
}

/** "Replay": the same body again under the same webhook-id, as the next attempt; shows that attempt's result. */
export const ReplayDelivery: React.FC<ReplayDeliveryProps> = ({
  deliveryId,
  hasChannel,
  webhookId,
}) => {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const isKorean = i18n.language === 'ko'
  const api = `${config.serverURL}${config.routes.api}`
  const [outcome, setOutcome] = useState<null | Outcome>(null)
  const [isBusy, setIsBusy] = useState(false)
  const isUnmounted = useRef(false)
  useEffect(() => {
    isUnmounted.current = false
    return () => {
      isUnmounted.current = true
    }
  }, [])

  const replay = async () => {
    setIsBusy(true)
    setOutcome(null)
    // The endpoint queues attempt (latest + 1); remember the latest to know which row is ours.
    let before = 0
    try {
      before = await latestAttempt(api, webhookId)
    } catch {
      // the endpoint below reports what is wrong
    }
    const queued = await postJson<{ queued: string }>(
      `${api}/webhook-deliveries/${encodeURIComponent(deliveryId)}/replay`,
    )
    if (!queued.ok) {
      setOutcome({ kind: 'error', message: queued.error })
      toast.error(queued.error)
      setIsBusy(false)
      return
    }
    setOutcome({ kind: 'queued', webhookId })
    const row = await waitForAttempt({
      afterAttempt: before,
      api,
      webhookId,
      isCancelled: () => isUnmounted.current,
      onUpdate: (update) => setOutcome({ kind: 'logged', row: update }),
    })
    if (isUnmounted.current) return
    setIsBusy(false)
    if (!row) {
      setOutcome({ kind: 'timeout', webhookId })
      return
    }
    if (row.status === 'pending') return
    const badge = deliveryBadge(row)
    const message = `${isKorean ? '다시 보내기' : 'Replay'}: ${inLanguage(badge.label, i18n.language)}${badge.detail ? ` (${badge.detail})` : ''}`
    if (row.status === 'succeeded') toast.success(message)
    else toast.error(message)
  }

  const allAttemptsUrl = `${config.routes.admin}/collections/webhook-deliveries?${new URLSearchParams({ 'where[or][0][and][0][webhookId][equals]': webhookId })}`
  return (
    <div className="field-type distribution-replay" style={{ marginBottom: 'var(--base)' }}>
      <label className="field-label">{isKorean ? '다시 보내기' : 'Replay'}</label>
      {hasChannel ? (
        <>
          <Button
            buttonStyle="secondary"
            disabled={isBusy}
            margin={false}
            onClick={() => void replay()}
            size="small"
          >
            {isKorean ? '다시 보내기' : 'Replay'}
          </Button>
          <p style={{ margin: '0.5rem 0 0', opacity: 0.8 }}>
            <small>
              {isKorean
                ? '같은 본문을 같은 webhook-id로 한 번 더 보냅니다 (수신 측은 같은 메시지로 처리).'
                : 'Sends the same body again under the same webhook-id (receivers treat it as the same message).'}
            </small>
          </p>
        </>
      ) : (
        <p style={{ margin: 0, opacity: 0.8 }}>
          {isKorean
            ? '채널이 삭제되어 다시 보낼 수 없습니다.'
            : 'The channel was deleted; this delivery cannot be replayed.'}
        </p>
      )}
      {outcome ? <DeliveryOutcome outcome={outcome} /> : null}
      <div style={{ marginTop: '0.5rem' }}>
        <Link href={allAttemptsUrl}>
          {isKorean ? '이 메시지의 모든 시도 보기' : 'All attempts of this message'}
        </Link>
      </div>
    </div>
  )
}
