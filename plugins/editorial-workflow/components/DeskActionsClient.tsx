'use client'

import {
  Button,
  toast,
  useConfig,
  useDocumentInfo,
  useForm,
  useFormProcessing,
  useTranslation,
} from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useRouter } from 'next/navigation'
import React, { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react'

import type { MoveAction } from '../moves'
import type { WorkflowState } from '../states'

import { movesFor } from '../moves'
import { stateLabels, workflowStates } from '../states'
import { inLanguage } from './text'

const stateOf = (data: unknown): WorkflowState => {
  const state = (data as { workflow?: { state?: unknown } } | undefined)?.workflow?.state
  return typeof state === 'string' && (workflowStates as readonly string[]).includes(state)
    ? (state as WorkflowState)
    : 'writing'
}

type SavedMove = { state: WorkflowState; updatedAt: number }
/**
 * The last move saved from this tab, per document (see `saved` below), as a small external store:
 * the view that shows the badge may be a newer mount than the one whose button saved the move.
 */
const savedMoves = new Map<string, SavedMove>()
const savedMoveListeners = new Set<() => void>()
const subscribeToSavedMoves = (listener: () => void) => {
  savedMoveListeners.add(listener)
  return () => {
    savedMoveListeners.delete(listener)
  }
}
const rememberMove = (key: string, move: SavedMove) => {
  savedMoves.set(key, move)
  for (const listener of savedMoveListeners) listener()
}

/** The state and time of the story's latest draft, as stored (the form's answer is consumed). */
const readSaved = async (
  api: string,
  collectionSlug: string,
  id: number | string,
  fallback: WorkflowState,
): Promise<SavedMove> => {
  try {
    const response = await fetch(
      formatAdminURL({
        apiRoute: api,
        path: `/${collectionSlug}/${id}?draft=true&depth=0&select[workflow]=true&select[updatedAt]=true`,
      }),
      { cache: 'no-store', credentials: 'include' },
    )
    if (!response.ok) throw new Error(String(response.status))
    const doc = (await response.json()) as { updatedAt?: string }
    return { state: stateOf(doc), updatedAt: Date.parse(doc.updatedAt ?? '') || Date.now() }
  } catch {
    return { state: fallback, updatedAt: Date.now() }
  }
}

const badgeColours: Record<WorkflowState, string> = {
  writing: 'var(--theme-elevation-150)',
  filed: 'var(--theme-warning-150, #ffe9b3)',
  inReview: 'var(--theme-warning-150, #ffe9b3)',
  approved: 'var(--theme-success-150, #c6f0cf)',
  returned: 'var(--theme-error-150, #ffd0cc)',
  published: 'var(--theme-success-150, #c6f0cf)',
}

/**
 * 송고 / 송고 취소 / 검토 시작 / 반려 / 승인 beside Save and Publish. A move is a draft save of the
 * whole form — the text on screen, unsaved edits included, goes with it — with the new state (and
 * the note of a return) set over the form's `workflow`. The server checks the move; its refusal
 * (403, 400, or 409 when someone saved the story since it was opened) is shown as the error toast.
 */
export const DeskActionsClient: React.FC<{ isDesk: boolean }> = ({ isDesk }) => {
  const { collectionSlug, data, hasSavePermission, id } = useDocumentInfo()
  const { getData, submit } = useForm()
  const isProcessing = useFormProcessing()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const { i18n } = useTranslation()
  const t = (text: { en: string; ko: string }) => inLanguage(text, i18n.language)

  // The story as the server answered right after our last move. The badge shows whichever copy is
  // newer, that one or the document's data: right after an edit-lock takeover Payload refreshes
  // the view, and a refresh that left before the move landed hands back the older copy — and may
  // remount this component, so the answer is kept per document outside it, for this tab.
  const key = `${collectionSlug}:${String(id)}`
  const saved = useSyncExternalStore(
    subscribeToSavedMoves,
    () => savedMoves.get(key),
    () => undefined,
  )
  const dataUpdatedAt = Date.parse(String((data as { updatedAt?: unknown })?.updatedAt ?? ''))
  const state = saved && !(dataUpdatedAt > saved.updatedAt) ? saved.state : stateOf(data)
  // A view older than the saved move holds a stale form too (its next autosave would send the old
  // state back): reload it from the server once, as Payload's own stale-data dialog does.
  const router = useRouter()
  const refreshedFor = useRef<number>(0)
  const isStale = Boolean(saved && dataUpdatedAt < saved.updatedAt)
  useEffect(() => {
    if (!isStale || !saved || refreshedFor.current === saved.updatedAt) return
    refreshedFor.current = saved.updatedAt
    router.refresh()
  }, [isStale, router, saved])
  const moves = hasSavePermission ? movesFor(isDesk ? 'desk' : 'writer', state) : []

  const move = async (action: MoveAction, note?: string) => {
    if (!collectionSlug) return
    const workflow = ((getData() as { workflow?: Record<string, unknown> }).workflow ??
      {}) as Record<string, unknown>
    const result = await submit({
      action: formatAdminURL({
        apiRoute: api,
        path: `/${collectionSlug}${id ? `/${id}` : ''}?depth=0&fallback-locale=null&draft=true`,
      }),
      method: id ? 'PATCH' : 'POST',
      overrides: {
        _status: 'draft',
        workflow: { ...workflow, state: action.to, ...(note === undefined ? {} : { note }) },
      },
      // Drafts are not validated on the server either (versions.drafts.validate: false).
      skipValidation: true,
      disableSuccessStatus: true,
    })
    // A refusal was shown by the form, with the server's message. (`res` is Payload's documented,
    // experimental return of `submit`; without it only the toast would be missing.)
    if (result?.res?.ok) {
      toast.success(t(action.done))
      if (id) rememberMove(key, await readSaved(api, collectionSlug, id, action.to))
    }
  }

  const dialog = useRef<HTMLDialogElement>(null)
  const noteId = useId()
  const [returning, setReturning] = useState<MoveAction | null>(null)
  const [note, setNote] = useState('')
  const openNote = (action: MoveAction) => {
    setReturning(action)
    setNote('')
    dialog.current?.showModal()
  }
  const closeNote = () => {
    dialog.current?.close()
    setReturning(null)
  }
  const confirmReturn = () => {
    if (!returning || !note.trim()) return
    const action = returning
    closeNote()
    void move(action, note.trim())
  }

  return (
    <div
      className="desk-actions"
      data-state={state}
      style={{ alignItems: 'center', display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}
    >
      <span
        className="desk-actions__state"
        style={{
          background: badgeColours[state],
          borderRadius: 'var(--style-radius-s, 4px)',
          fontSize: '0.85em',
          padding: '0.15rem 0.5rem',
          whiteSpace: 'nowrap',
        }}
        title={t({ en: 'Desk state', ko: '데스크 진행 상태' })}
      >
        {t(stateLabels[state])}
      </span>
      {moves.map((action) => (
        <Button
          buttonStyle={action.to === 'filed' || action.to === 'approved' ? 'primary' : 'secondary'}
          className={`desk-actions__move desk-actions__move--${action.to}`}
          disabled={isProcessing}
          key={action.to}
          margin={false}
          onClick={() => (action.needsNote ? openNote(action) : void move(action))}
          size="medium"
          type="button"
        >
          {t(action.label)}
        </Button>
      ))}
      <dialog
        aria-labelledby={`${noteId}-title`}
        className="desk-actions__dialog"
        onClose={() => setReturning(null)}
        ref={dialog}
        style={{
          background: 'var(--theme-elevation-0)',
          border: '1px solid var(--theme-elevation-150)',
          borderRadius: 'var(--style-radius-m, 6px)',
          color: 'var(--theme-text)',
          maxWidth: '32rem',
          padding: '1.25rem',
          width: '90vw',
        }}
      >
        <h3 id={`${noteId}-title`} style={{ marginTop: 0 }}>
          {t({ en: 'Return to the reporter', ko: '기사 반려' })}
        </h3>
        <label htmlFor={noteId} style={{ display: 'block', marginBottom: '0.5rem' }}>
          {t({
            en: 'What should the reporter fix? (required)',
            ko: '기자에게 전할 반려 사유를 적으세요 (필수)',
          })}
        </label>
        <textarea
          id={noteId}
          maxLength={2000}
          onChange={(event) => setNote(event.target.value)}
          rows={5}
          style={{ boxSizing: 'border-box', padding: '0.5rem', width: '100%' }}
          value={note}
        />
        <div
          style={{ display: 'flex', gap: '0.5rem', justifyContent: 'flex-end', marginTop: '1rem' }}
        >
          <Button
            buttonStyle="secondary"
            margin={false}
            onClick={closeNote}
            size="medium"
            type="button"
          >
            {t({ en: 'Cancel', ko: '취소' })}
          </Button>
          <Button
            buttonStyle="primary"
            className="desk-actions__confirm-return"
            disabled={!note.trim()}
            margin={false}
            onClick={confirmReturn}
            size="medium"
            type="button"
          >
            {t({ en: 'Return', ko: '반려하기' })}
          </Button>
        </div>
      </dialog>
    </div>
  )
}
