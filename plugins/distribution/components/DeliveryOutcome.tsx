'use client'

import { Link, useConfig, useTranslation } from '@payloadcms/ui'
import React from 'react'

import type { DeliveryRow } from './api'

import { StatusBadge } from './Badge'
import { deliveryBadge } from './health'

export type Outcome =
  | { kind: 'error'; message: string }
  | { kind: 'queued'; webhookId: string }
  | { kind: 'timeout'; webhookId: string }
  | { kind: 'logged'; row: DeliveryRow }

/** What became of a queued delivery: waiting for the job runner, the attempt's result, or the endpoint's error. */
export const DeliveryOutcome: React.FC<{ outcome: Outcome }> = ({ outcome }) => {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const isKorean = i18n.language === 'ko'
  const deliveriesUrl = `${config.routes.admin}/collections/webhook-deliveries`
  const box: React.CSSProperties = {
    display: 'flex',
    flexDirection: 'column',
    gap: '0.35rem',
    marginTop: '0.5rem',
  }

  if (outcome.kind === 'error') {
    return (
      <div
        className="distribution-outcome"
        data-outcome="error"
        role="alert"
        style={{ ...box, color: 'var(--theme-error-700)' }}
      >
        {isKorean ? '실패: ' : 'Failed: '}
        {outcome.message}
      </div>
    )
  }
  if (outcome.kind === 'queued' || outcome.kind === 'timeout') {
    const listUrl = `${deliveriesUrl}?${new URLSearchParams({ 'where[or][0][and][0][webhookId][equals]': outcome.webhookId })}`
    return (
      <div className="distribution-outcome" data-outcome={outcome.kind} style={box}>
        <span>
          {outcome.kind === 'queued'
            ? isKorean
              ? '대기열에 넣었습니다. 작업 실행기가 보내기를 기다리는 중…'
              : 'Queued. Waiting for the job runner to send it…'
            : isKorean
              ? '아직 보내지 않았습니다. 작업 실행기(worker)가 돌고 있는지 확인하세요.'
              : 'Not sent yet. Check that the job runner (worker) is running.'}
        </span>
        <small style={{ overflowWrap: 'anywhere' }}>webhook-id: {outcome.webhookId}</small>
        <Link href={listUrl}>{isKorean ? '전송 기록 보기' : 'View deliveries'}</Link>
      </div>
    )
  }
  const { row } = outcome
  return (
    <div className="distribution-outcome" data-outcome={row.status ?? 'pending'} style={box}>
      <StatusBadge badge={deliveryBadge(row)} showDetail />
      <small>
        {isKorean ? `시도 ${row.attempt ?? '?'}회차` : `Attempt ${row.attempt ?? '?'}`}
        {typeof row.durationMs === 'number' ? ` · ${row.durationMs} ms` : ''}
        {' · ID '}
        {String(row.id)}
      </small>
      <Link
        className="distribution-outcome__link"
        href={`${deliveriesUrl}/${encodeURIComponent(String(row.id))}`}
      >
        {isKorean ? '이 전송 기록 열기' : 'Open this delivery'}
      </Link>
    </div>
  )
}
