'use client'

import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React from 'react'

import { formatKstList } from '../../register-timestamps/formatKst'
import { inLanguage } from './text'

type Workflow = {
  changedAt?: null | string
  changedBy?: null | string
  note?: null | string
  state?: string
}

/**
 * Above the story (a `ui` field: nothing stored): a returned story shows the desk's reason, who
 * returned it and when (KST), as saved — the reporter reads it where they fix the story.
 */
export const DeskNotice: React.FC = () => {
  const { data } = useDocumentInfo()
  const { i18n } = useTranslation()
  const workflow = ((data as { workflow?: Workflow } | undefined)?.workflow ?? {}) as Workflow
  if (workflow.state !== 'returned') return null
  const at = formatKstList(workflow.changedAt)?.slice(0, 16)
  return (
    <div
      className="desk-notice"
      role="status"
      style={{
        background: 'var(--theme-error-100, #ffe5e2)',
        border: '1px solid var(--theme-error-300, #f5a39b)',
        borderRadius: 'var(--style-radius-m, 6px)',
        marginBottom: 'var(--base)',
        padding: '0.75rem 1rem',
      }}
    >
      <strong>
        {inLanguage(
          { en: 'Returned by the desk', ko: '데스크가 반려한 기사입니다' },
          i18n.language,
        )}
      </strong>
      {workflow.changedBy || at ? (
        <span style={{ marginLeft: '0.5rem', opacity: 0.8 }}>
          ({[workflow.changedBy, at && `${at} KST`].filter(Boolean).join(', ')})
        </span>
      ) : null}
      <p className="desk-notice__note" style={{ margin: '0.5rem 0 0', whiteSpace: 'pre-wrap' }}>
        {inLanguage({ en: 'Note: ', ko: '반려 사유: ' }, i18n.language)}
        {workflow.note}
      </p>
      <p style={{ margin: '0.5rem 0 0', opacity: 0.8 }}>
        <small>
          {inLanguage(
            {
              en: 'Fix the story, then file it again with the 송고 button.',
              ko: '고친 뒤 송고 버튼으로 다시 송고하세요.',
            },
            i18n.language,
          )}
        </small>
      </p>
    </div>
  )
}
