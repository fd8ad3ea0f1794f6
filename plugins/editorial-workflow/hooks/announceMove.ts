import type { CollectionAfterChangeHook } from 'payload'

import type { SanitizedEditorialWorkflowConfig, WorkflowMove } from '../types'
import type { WorkflowState } from '../states'

import { idOf } from '../../shared/relationIds'
import { NOTIFY_TASK } from '../tasks/notifyMove'
import { eventOfMove, workflowStates } from '../states'

type Workflow = {
  changedAt?: null | string
  changedBy?: null | string
  note?: null | string
  state?: unknown
}

const stateOf = (doc: unknown): WorkflowState => {
  const state = ((doc as { workflow?: Workflow } | null | undefined)?.workflow ?? {}).state
  return typeof state === 'string' && (workflowStates as readonly string[]).includes(state)
    ? (state as WorkflowState)
    : 'writing'
}

/**
 * After a save that moved the story (checked and recorded by `enforceWorkflow`), inside the save:
 * hands the move to `onMove` (the newsroom announces it to channels) and queues the email to the
 * people it concerns. Publishing (출고) is the publication hooks' business, not announced here.
 */
export const announceMove =
  (config: SanitizedEditorialWorkflowConfig): CollectionAfterChangeHook =>
  async ({ collection, doc, operation, previousDoc, req }) => {
    if (!config.enabled) return doc
    const from: WorkflowState = operation === 'create' ? 'writing' : stateOf(previousDoc)
    const to = stateOf(doc)
    if (from === to || to === 'published') return doc
    const before = ((previousDoc as { workflow?: Workflow } | undefined)?.workflow ??
      {}) as Workflow
    const after = ((doc as { workflow?: Workflow }).workflow ?? {}) as Workflow
    // A note belongs to the move that wrote it (the reason of a return); an old one is not repeated.
    const note =
      after.note?.trim() && (to === 'returned' || after.note !== before.note) ? after.note : null
    const move: WorkflowMove = {
      by: after.changedBy ?? null,
      byId: idOf((req.user as { id?: unknown } | null)?.id),
      from,
      note: note ?? null,
      to,
    }
    const at = after.changedAt ?? new Date().toISOString()
    await config.onMove?.({ collection: collection.slug, doc, move, req })
    // Emails for the moves someone waits on: 송고 (the desk), 반려 and 승인 (the reporters).
    if (config.notifications && eventOfMove(to))
      await req.payload.jobs.queue({
        task: NOTIFY_TASK,
        input: { at, collection: collection.slug, id: String(doc.id), move },
        req,
      } as never)
    return doc
  }
