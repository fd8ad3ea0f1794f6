import type { Actor, WorkflowState } from './states'

import { mayMove } from './states'

type Text = { en: string; ko: string }

/** A move the edit view offers as a button. */
export type MoveAction = {
  /** The toast after the move was saved. */
  done: Text
  label: Text
  /** Returning a story asks for the reason first. */
  needsNote: boolean
  to: WorkflowState
}

const action = (to: WorkflowState, label: Text, done: Text): MoveAction => ({
  done,
  label,
  needsNote: to === 'returned',
  to,
})

const file = action('filed', { en: 'File', ko: '송고' }, { en: 'Filed', ko: '송고했습니다' })
const withdraw = action(
  'writing',
  { en: 'Withdraw', ko: '송고 취소' },
  { en: 'Withdrawn', ko: '송고를 취소했습니다' },
)
const review = action(
  'inReview',
  { en: 'Start review', ko: '검토 시작' },
  { en: 'Review started', ko: '검토를 시작했습니다' },
)
const reviewAgain = action(
  'inReview',
  { en: 'Review again', ko: '다시 검토' },
  { en: 'Back in review', ko: '다시 검토합니다' },
)
const giveBack = action(
  'returned',
  { en: 'Return', ko: '반려' },
  { en: 'Returned', ko: '반려했습니다' },
)
const approve = action(
  'approved',
  { en: 'Approve', ko: '승인' },
  { en: 'Approved', ko: '승인했습니다' },
)

/**
 * The buttons the edit view shows for a story in `from`: the writer files (from 작성중 or 반려)
 * and withdraws (from 송고); the desk starts the review, returns and approves, and files its own
 * new stories. Every one is also a move `mayMove` allows; the server checks it again on save.
 */
export const movesFor = (actor: Actor, from: WorkflowState): MoveAction[] => {
  const offered =
    actor === 'writer'
      ? [from === 'filed' ? withdraw : file]
      : [
          ...(from === 'writing' ? [file] : []),
          from === 'approved' || from === 'published' ? reviewAgain : review,
          giveBack,
          ...(from === 'published' ? [] : [approve]),
        ]
  return offered.filter((move) => move.to !== from && mayMove(actor, from, move.to))
}
