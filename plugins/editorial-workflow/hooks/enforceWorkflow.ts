import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'

import type { SanitizedEditorialWorkflowConfig } from '../types'
import type { Actor, WorkflowState } from '../states'

import { mayMove, stateLabels, workflowStates } from '../states'

type Workflow = {
  changedAt?: null | string
  changedBy?: null | string
  note?: null | string
  state?: WorkflowState
}

const isState = (value: unknown): value is WorkflowState =>
  typeof value === 'string' && (workflowStates as readonly string[]).includes(value)

const named = (state: WorkflowState) => `${stateLabels[state].ko} (${state})`

const refuse = (from: WorkflowState, to: WorkflowState, why: string, status: 400 | 403) =>
  new APIError(
    `허용되지 않은 상태 변경입니다: ${named(from)} → ${named(to)}. ${why}`,
    status,
    { code: status === 403 ? 'FORBIDDEN' : 'VALIDATION', from, to },
    true,
  )

const requestKey = (collection: string, id: unknown) =>
  `editorialWorkflow:${collection}:${String(id)}`

/**
 * Remembers the state a create or update asked for, as the client sent it: by `beforeChange`
 * Payload has filled the data from defaults and the stored document, so a save that never named a
 * state could not be told from one that asked for 작성중.
 */
export const captureRequestedState: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update') return args
  const { data, id } = args as { data?: { workflow?: { state?: unknown } }; id?: unknown }
  const requested = data?.workflow?.state
  const target = operation === 'create' ? 'new' : (id ?? 'bulk')
  // Unknown values are kept as sent: `enforceWorkflow` answers them with a 400.
  ;(req.context as Record<string, unknown>)[requestKey(collection.slug, target)] = requested ?? null
  return args
}

/**
 * Checks and records a move of the story's desk state on every save (any path: REST, GraphQL,
 * the admin, jobs, the Local API). Without a user (server code with overrideAccess) any move goes;
 * publishing sets 출고 whoever publishes (who may publish is the access rules' business).
 */
export const enforceWorkflow =
  (config: SanitizedEditorialWorkflowConfig): CollectionBeforeChangeHook =>
  ({ collection, data, originalDoc, req }) => {
    if (!config.enabled) return data
    const before = (originalDoc?.workflow ?? {}) as Workflow
    const incoming = (data.workflow ?? {}) as Workflow
    const from: WorkflowState = isState(before.state) ? before.state : 'writing'
    const isPublishing = data._status === 'published'
    const context = req.context as Record<string, unknown>
    const asked =
      context[requestKey(collection.slug, originalDoc?.id ?? 'new')] ??
      (originalDoc ? context[requestKey(collection.slug, 'bulk')] : undefined) ??
      null
    if (asked !== null && !isState(asked))
      throw new APIError(
        `알 수 없는 진행 상태입니다: ${String(asked)} (unknown workflow state; one of ${workflowStates.join(', ')})`,
        400,
        { code: 'VALIDATION' },
        true,
      )
    let to: WorkflowState = asked ?? from

    // Taken down (a non-draft save leaving a live story unpublished): back in the desk's hands,
    // not 출고 any more, unless the save named another state.
    const isUnpublishing =
      !isPublishing &&
      data._status === 'draft' &&
      req.context.isDraftSave === false &&
      from === 'published'
    if (isPublishing) {
      to = 'published'
    } else if (isUnpublishing && asked === null) {
      to = 'inReview'
    } else if (to === 'published' && from !== 'published') {
      throw refuse(from, to, '출고는 발행할 때 정해집니다 (published is set by publishing).', 400)
    }

    if (req.user && to !== from && !isPublishing) {
      const doc = { ...(originalDoc ?? {}), ...data } as Record<string, unknown>
      const actor: Actor | null = config.isDesk(req)
        ? 'desk'
        : config.isWriter(req, doc)
          ? 'writer'
          : null
      if (actor === null)
        throw refuse(
          from,
          to,
          '이 기사의 기자나 데스크만 상태를 바꿀 수 있습니다 (only the story’s reporters and the desk).',
          403,
        )
      if (!mayMove(actor, from, to))
        throw refuse(
          from,
          to,
          actor === 'writer'
            ? '기자는 송고와 회수만 할 수 있습니다; 검토·반려·승인은 데스크가 합니다 (reporters file and withdraw; the desk reviews, returns and approves).'
            : '이 단계에서는 그렇게 옮길 수 없습니다 (not a move the desk makes from this state).',
          actor === 'writer' ? 403 : 400,
        )
      if (to === 'returned' && !(incoming.note ?? before.note)?.trim())
        throw refuse(from, to, '반려할 때는 사유를 메모에 적으세요 (returning needs a note).', 400)
    }

    const workflow: Workflow = { ...before, ...incoming, state: to }
    if (to !== from) {
      workflow.changedAt = new Date().toISOString()
      workflow.changedBy =
        (req.user as { email?: string; name?: string } | null)?.name ||
        (req.user as { email?: string } | null)?.email ||
        null
    } else {
      // Exactly as stored: a value MongoDB never stored stays absent, not null, so that a save
      // that changed nothing compares equal (revisedAt, channel events).
      for (const key of ['changedAt', 'changedBy'] as const) {
        if (key in before) workflow[key] = before[key]
        else delete workflow[key]
      }
    }
    return { ...data, workflow }
  }
