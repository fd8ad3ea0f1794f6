/** The desk's states of a story, beside Payload's draft/published. */
export const workflowStates = [
  'writing',
  'filed',
  'inReview',
  'approved',
  'returned',
  'published',
] as const
export type WorkflowState = (typeof workflowStates)[number]

export const stateLabels: Record<WorkflowState, { en: string; ko: string }> = {
  writing: { en: 'Writing', ko: '작성중' },
  filed: { en: 'Filed to the desk', ko: '송고' },
  inReview: { en: 'In review', ko: '데스크 검토중' },
  approved: { en: 'Approved', ko: '승인' },
  returned: { en: 'Returned', ko: '반려' },
  published: { en: 'Published', ko: '출고' },
}

export type Actor = 'desk' | 'writer'

/**
 * Who may move a story from one state to another. The writer is a reporter on the byline; the
 * desk (editors, admins) may do what the writer may, and review. `published` is reached only by
 * publishing (Payload's `_status`), never set by hand.
 */
const writerMoves: Readonly<Record<WorkflowState, readonly WorkflowState[]>> = {
  writing: ['filed'],
  filed: ['writing'],
  inReview: [],
  approved: [],
  returned: ['filed', 'writing'],
  published: [],
}

const deskMoves: Readonly<Record<WorkflowState, readonly WorkflowState[]>> = {
  writing: ['filed', 'inReview', 'approved'],
  filed: ['writing', 'inReview', 'approved', 'returned'],
  inReview: ['filed', 'approved', 'returned'],
  approved: ['inReview', 'returned'],
  returned: ['filed', 'writing', 'inReview'],
  // A published story that is taken down or reworked goes back to the desk's hands.
  published: ['writing', 'inReview', 'approved'],
}

export const mayMove = (actor: Actor, from: WorkflowState, to: WorkflowState): boolean =>
  from === to ||
  writerMoves[from].includes(to) ||
  (actor === 'desk' && deskMoves[from].includes(to))

/** The channel event a move announces, if any. */
export const eventOfMove = (to: WorkflowState): null | string =>
  to === 'filed'
    ? 'article.filed'
    : to === 'returned'
      ? 'article.returned'
      : to === 'approved'
        ? 'article.approved'
        : null
