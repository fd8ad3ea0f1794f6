import type { PayloadRequest, Where } from 'payload'

import type { WorkflowState } from './states'

/** One move of a story's desk state, as it was saved. */
export type WorkflowMove = {
  /** Who moved it: the user's name, else their email; null for server code without a user. */
  by: null | string
  /** The moving user's id (not announced: for leaving the mover out of notifications). */
  byId: null | number | string
  from: WorkflowState
  /** The desk's note saved with this move (반려 사유), or null when the move left it unchanged. */
  note: null | string
  to: WorkflowState
}

export type WorkflowMoveArgs = {
  collection: string
  /** The story as saved (a draft, usually). */
  doc: Record<string, unknown> & { id: number | string }
  move: WorkflowMove
  /** The saving request: queue with it, so a rolled-back save announces nothing. */
  req: PayloadRequest
}

export type WorkflowNotificationOptions = {
  /**
   * Who is told of a move, by email. @default 송고 (filed) → the desk: users with role `editor` or
   * `admin`; 반려 (returned) and 승인 (approved) → the users of the byline's active reporters (a
   * user's `reporter`, a reporter's `user`); other moves → nobody. The mover is always left out.
   */
  recipients?: (args: WorkflowMoveArgs) => Promise<string[]>
  /** The admin's origin for the links in the emails. @default serverURL, else NEWSROOM_PUBLIC_URL */
  adminOrigin?: string
}

export type EditorialWorkflowOptions = {
  /** Collections whose stories go through the desk. @default ['articles'] */
  collections?: string[]
  /** Who reviews, returns and approves (the desk). @default users with role admin or editor */
  isDesk?: (req: PayloadRequest) => boolean
  /**
   * Who writes the story: may file it and withdraw it. @default the desk, or a user whose
   * `reporter` is on the story's `reporters`
   */
  isWriter?: (req: PayloadRequest, doc: Record<string, unknown>) => boolean
  /**
   * Called inside the save after each move (not for publishing): e.g. announce it to channels.
   * Queue slow work (with `req`), never send from here: a failure fails the save.
   */
  onMove?: (args: WorkflowMoveArgs) => Promise<void> | void
  /** Emails for the people a move concerns, sent by a queued job; false for none. @default on */
  notifications?: false | WorkflowNotificationOptions
  /**
   * The signed-in user's own stories (the dashboard's 내 기사, the list's filter), or null when
   * they have none. @default the stories whose `reporters` include the user's `reporter`
   */
  ownStories?: (user: PayloadRequest['user']) => null | Where
  /**
   * The admin: 송고/반려/승인 buttons in the edit view, the state column and quick filters in the
   * list, and the desk's panel on the dashboard. @default true
   */
  admin?: boolean
  /** When false the fields stay (stable schema) and nothing is enforced. @default true */
  enabled?: boolean
}

export type SanitizedEditorialWorkflowConfig = Required<
  Omit<EditorialWorkflowOptions, 'notifications' | 'onMove'>
> & {
  notifications: false | WorkflowNotificationOptions
  onMove?: EditorialWorkflowOptions['onMove']
}
