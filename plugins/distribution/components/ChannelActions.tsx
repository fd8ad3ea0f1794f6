'use client'

import { Button, Link, toast, useConfig, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useRef, useState } from 'react'

import type { Outcome } from './DeliveryOutcome'

import { postJson, waitForAttempt } from './api'
import { DeliveryOutcome } from './DeliveryOutcome'
import { deliveryBadge, inLanguage } from './health'

export type ChannelActionsProps = {
  canRotate: boolean
  canTest: boolean
  channelId: string
  isIndexNow: boolean
}

const section: React.CSSProperties = {
  borderTop: '1px solid var(--theme-elevation-100)',
  paddingTop: '0.75rem',
  marginTop: '0.75rem',
}

/** "Send test event" and "Rotate secret" on a saved channel, each shown to whom its endpoint allows. */
export const ChannelActions: React.FC<ChannelActionsProps> = ({
  canRotate,
  canTest,
  channelId,
  isIndexNow,
}) => {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const isKorean = i18n.language === 'ko'
  const api = `${config.serverURL}${config.routes.api}`
  const channelUrl = `${api}/distribution-channels/${encodeURIComponent(channelId)}`
  const isUnmounted = useRef(false)
  useEffect(() => {
    isUnmounted.current = false
    return () => {
      isUnmounted.current = true
    }
  }, [])

  const [testOutcome, setTestOutcome] = useState<null | Outcome>(null)
  const [isTesting, setIsTesting] = useState(false)
  const sendTest = async () => {
    setIsTesting(true)
    setTestOutcome(null)
    const queued = await postJson<{ queued: string }>(`${channelUrl}/test`)
    if (!queued.ok) {
      setTestOutcome({ kind: 'error', message: queued.error })
      toast.error(queued.error)
      setIsTesting(false)
      return
    }
    const webhookId = queued.data.queued
    setTestOutcome({ kind: 'queued', webhookId })
    const row = await waitForAttempt({
      api,
      webhookId,
      isCancelled: () => isUnmounted.current,
      onUpdate: (update) => setTestOutcome({ kind: 'logged', row: update }),
    })
    if (isUnmounted.current) return
    setIsTesting(false)
    if (!row || row.status === 'pending') {
      if (!row) setTestOutcome({ kind: 'timeout', webhookId })
      return
    }
    const badge = deliveryBadge(row)
    const message = `${isKorean ? '테스트 이벤트' : 'Test event'}: ${inLanguage(badge.label, i18n.language)}${badge.detail ? ` (${badge.detail})` : ''}`
    if (row.status === 'succeeded') toast.success(message)
    else toast.error(message)
  }

  const [isRotateOpen, setIsRotateOpen] = useState(false)
  const [overlapHours, setOverlapHours] = useState('24')
  const [isRotating, setIsRotating] = useState(false)
  const [rotateError, setRotateError] = useState<null | string>(null)
  const [newSecret, setNewSecret] = useState<null | { overlapHours: number; secret: string }>(null)
  const [isCopied, setIsCopied] = useState(false)
  const hours = Number(overlapHours)
  const isHoursValid =
    overlapHours.trim() !== '' && Number.isFinite(hours) && hours >= 0 && hours <= 720
  const rotate = async () => {
    if (!isHoursValid) return
    setIsRotating(true)
    setRotateError(null)
    const rotated = await postJson<{ overlapHours: number; secret: string }>(
      `${channelUrl}/rotate-secret`,
      { overlapHours: hours },
    )
    setIsRotating(false)
    if (!rotated.ok) {
      setRotateError(rotated.error)
      toast.error(rotated.error)
      return
    }
    setNewSecret(rotated.data)
    setIsRotateOpen(false)
    setIsCopied(false)
    toast.success(isKorean ? '비밀키를 교체했습니다' : 'Secret rotated')
  }
  const copySecret = async () => {
    if (!newSecret) return
    try {
      await navigator.clipboard.writeText(newSecret.secret)
      setIsCopied(true)
    } catch {
      toast.error(
        isKorean
          ? '복사하지 못했습니다. 직접 선택해 복사하세요.'
          : 'Could not copy; select the text and copy it.',
      )
    }
  }

  const deliveriesUrl = `${config.routes.admin}/collections/webhook-deliveries?${new URLSearchParams({ 'where[or][0][and][0][channel][equals]': channelId })}`

  return (
    <div
      className="field-type distribution-channel-actions"
      style={{ marginBottom: 'var(--base)' }}
    >
      <label className="field-label">{isKorean ? '채널 작업' : 'Channel actions'}</label>
      <Link href={deliveriesUrl}>
        {isKorean ? '이 채널의 전송 기록 보기' : "View this channel's deliveries"}
      </Link>

      {canTest && !isIndexNow ? (
        <div className="distribution-channel-actions__test" style={section}>
          <Button
            buttonStyle="secondary"
            disabled={isTesting}
            margin={false}
            onClick={() => void sendTest()}
            size="small"
          >
            {isKorean ? '테스트 이벤트 보내기' : 'Send test event'}
          </Button>
          {testOutcome ? <DeliveryOutcome outcome={testOutcome} /> : null}
        </div>
      ) : null}

      {canRotate && !isIndexNow ? (
        <div className="distribution-channel-actions__rotate" style={section}>
          {!isRotateOpen ? (
            <Button
              buttonStyle="secondary"
              margin={false}
              onClick={() => {
                setIsRotateOpen(true)
                setRotateError(null)
              }}
              size="small"
            >
              {isKorean ? '비밀키 교체' : 'Rotate secret'}
            </Button>
          ) : null}
          {!isRotateOpen && !newSecret ? (
            <p style={{ margin: '0.5rem 0 0', opacity: 0.8 }}>
              <small>
                {isKorean
                  ? '서명 비밀키는 만들 때 한 번만 보입니다. 관리 화면에서 만든 채널은 여기서 새 키를 받으세요.'
                  : 'The signing secret is shown only when it is created. For a channel created here, get a new one with this button.'}
              </small>
            </p>
          ) : null}
          {isRotateOpen ? (
            <div style={{ display: 'flex', flexDirection: 'column', gap: '0.5rem' }}>
              <label htmlFor="distribution-overlap-hours">
                {isKorean
                  ? '이전 비밀키를 함께 쓸 시간 (0–720시간)'
                  : 'Keep signing with the old secret for (0–720 hours)'}
              </label>
              <input
                id="distribution-overlap-hours"
                max={720}
                min={0}
                onChange={(event) => setOverlapHours(event.target.value)}
                onKeyDown={(event) => {
                  // Enter here must not submit the channel form around it.
                  if (event.key === 'Enter') {
                    event.preventDefault()
                    void rotate()
                  }
                }}
                step={1}
                style={{ maxWidth: '8rem', padding: '0.25rem 0.5rem' }}
                type="number"
                value={overlapHours}
              />
              <small style={{ opacity: 0.8 }}>
                {isKorean
                  ? '이 시간 동안은 모든 전송에 새 키와 이전 키의 서명이 함께 붙어, 수신 측이 천천히 키를 바꿀 수 있습니다.'
                  : 'During this time every delivery carries signatures with both secrets, so receivers can switch without missing a message.'}
              </small>
              {!isHoursValid ? (
                <small style={{ color: 'var(--theme-error-700)' }}>
                  {isKorean ? '0에서 720 사이의 숫자를 넣으세요.' : 'Enter a number from 0 to 720.'}
                </small>
              ) : null}
              <div style={{ display: 'flex', gap: '0.5rem' }}>
                <Button
                  buttonStyle="primary"
                  disabled={isRotating || !isHoursValid}
                  margin={false}
                  onClick={() => void rotate()}
                  size="small"
                >
                  {isKorean ? '새 비밀키 만들기' : 'Create new secret'}
                </Button>
                <Button
                  buttonStyle="secondary"
                  disabled={isRotating}
                  margin={false}
                  onClick={() => setIsRotateOpen(false)}
                  size="small"
                >
                  {isKorean ? '취소' : 'Cancel'}
                </Button>
              </div>
            </div>
          ) : null}
          {rotateError ? (
            <div role="alert" style={{ color: 'var(--theme-error-700)', marginTop: '0.5rem' }}>
              {rotateError}
            </div>
          ) : null}
          {newSecret ? (
            <div
              className="distribution-new-secret"
              style={{
                background: 'var(--theme-warning-100)',
                borderRadius: 'var(--style-radius-s)',
                display: 'flex',
                flexDirection: 'column',
                gap: '0.5rem',
                marginTop: '0.75rem',
                padding: '0.75rem',
              }}
            >
              <strong>
                {isKorean
                  ? '새 비밀키는 지금 한 번만 보입니다. 복사해 수신 측에 저장하세요.'
                  : 'The new secret is shown only this once. Copy it to the receiver now.'}
              </strong>
              <input
                aria-label={isKorean ? '새 비밀키' : 'New secret'}
                className="distribution-new-secret__value"
                onFocus={(event) => event.target.select()}
                readOnly
                style={{ fontFamily: 'monospace', padding: '0.25rem 0.5rem', width: '100%' }}
                value={newSecret.secret}
              />
              <div style={{ alignItems: 'center', display: 'flex', gap: '0.5rem' }}>
                <Button
                  buttonStyle="secondary"
                  margin={false}
                  onClick={() => void copySecret()}
                  size="small"
                >
                  {isCopied ? (isKorean ? '복사됨' : 'Copied') : isKorean ? '복사' : 'Copy'}
                </Button>
                <small>
                  {newSecret.overlapHours > 0
                    ? isKorean
                      ? `이전 비밀키는 ${newSecret.overlapHours}시간 뒤에 만료됩니다.`
                      : `The old secret expires in ${newSecret.overlapHours} hours.`
                    : isKorean
                      ? '이전 비밀키는 바로 만료되었습니다.'
                      : 'The old secret expired immediately.'}
                </small>
              </div>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
