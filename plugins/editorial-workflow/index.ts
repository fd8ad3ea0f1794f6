import type { CollectionConfig, Config, Field, PayloadRequest, Plugin, Where } from 'payload'

import type { WorkflowState } from './states'
import type { EditorialWorkflowOptions, SanitizedEditorialWorkflowConfig } from './types'

import { markDraftSave } from '../shared/markDraftSave'
import { idOf, idsOf, sameId } from '../shared/relationIds'
import { announceMove } from './hooks/announceMove'
import { captureRequestedState, enforceWorkflow } from './hooks/enforceWorkflow'
import { stateLabels, workflowStates } from './states'
import { notifyMoveTask } from './tasks/notifyMove'

export { eventOfMove, mayMove, stateLabels, workflowStates } from './states'
export type { WorkflowState } from './states'
export { movesFor } from './moves'
export { defaultRecipients, NOTIFY_TASK } from './tasks/notifyMove'
export type {
  EditorialWorkflowOptions,
  SanitizedEditorialWorkflowConfig,
  WorkflowMove,
  WorkflowMoveArgs,
  WorkflowNotificationOptions,
} from './types'

export const WORKFLOW_FIELD = 'workflow'

const COMPONENTS = '/../plugins/editorial-workflow/components'

const roles = (req: PayloadRequest): string[] =>
  ((req.user as { roles?: null | string[] } | null)?.roles ?? []) as string[]

const defaultIsDesk = (req: PayloadRequest): boolean =>
  roles(req).some((role) => role === 'admin' || role === 'editor')

const defaultIsWriter = (req: PayloadRequest, doc: Record<string, unknown>): boolean => {
  const reporter = idOf((req.user as { reporter?: unknown } | null)?.reporter)
  return reporter !== null && idsOf(doc.reporters).some((value) => sameId(value, reporter))
}

const defaultOwnStories = (user: PayloadRequest['user']): null | Where => {
  const reporter = idOf((user as { reporter?: unknown } | null)?.reporter)
  return reporter === null ? null : { reporters: { in: [reporter] } }
}

const workflowField = (): Field => ({
  name: WORKFLOW_FIELD,
  type: 'group',
  label: { en: 'Desk', ko: '데스크' },
  admin: { position: 'sidebar' },
  fields: [
    {
      name: 'state',
      type: 'select',
      // Not `required`: that would make the whole group a required GraphQL input. The workflow
      // hook gives every saved story a state.
      defaultValue: 'writing' satisfies WorkflowState,
      index: true,
      label: { en: 'State', ko: '진행 상태' },
      options: workflowStates.map((value) => ({ label: stateLabels[value], value })),
      admin: {
        description: {
          en: 'Reporters file (송고) and withdraw; the desk reviews, returns and approves. Publishing sets 출고.',
          ko: '기자는 송고하고 회수합니다. 데스크가 검토·반려·승인하고, 발행하면 출고가 됩니다.',
        },
      },
    },
    {
      name: 'note',
      type: 'textarea',
      maxLength: 2000,
      label: { en: 'Note to the reporter', ko: '데스크 메모 (반려 사유)' },
    },
    {
      name: 'changedAt',
      type: 'date',
      label: { en: 'State changed', ko: '상태 변경 시각' },
      // Written by the workflow hook on every save, whatever a client sends.
      admin: {
        readOnly: true,
        date: {
          pickerAppearance: 'dayAndTime',
          displayFormat: 'yyyy-MM-dd HH:mm',
          timeFormat: 'HH:mm',
        },
      },
    },
    {
      name: 'changedBy',
      type: 'text',
      label: { en: 'Changed by', ko: '변경한 사람' },
      admin: { readOnly: true },
    },
  ],
})

/** The reason of a return, above the story (nothing stored). */
const deskNoticeField = (): Field => ({
  name: 'deskNotice',
  type: 'ui',
  label: { en: 'Desk notice', ko: '데스크 알림' },
  admin: {
    disableListColumn: true,
    components: { Field: `${COMPONENTS}/DeskNotice#DeskNotice` },
  },
})

/** The list shows the desk state after Payload's draft/published status (or last). */
const withStateColumn = (columns: string[] | undefined): string[] | undefined => {
  const column = `${WORKFLOW_FIELD}.state`
  if (!columns || columns.includes(column)) return columns
  const at = columns.indexOf('_status')
  return at === -1
    ? [...columns, column]
    : [...columns.slice(0, at + 1), column, ...columns.slice(at + 1)]
}

/**
 * The desk's review workflow — 작성중 → 송고 → 데스크 검토중 → 승인 → 출고, and 반려 with a note —
 * beside Payload's draft/published. Every move is checked on the server for every path (REST,
 * GraphQL, the admin, the Local API with a user): a writer files and withdraws, only the desk
 * reviews, returns and approves, and 출고 follows publishing. Moves are handed to `onMove` and
 * emailed to the people they concern (a queued job); the admin gets the buttons, list filters and
 * a dashboard panel.
 */
export const editorialWorkflow =
  (options: EditorialWorkflowOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config: SanitizedEditorialWorkflowConfig = {
      collections: options.collections ?? ['articles'],
      isDesk: options.isDesk ?? defaultIsDesk,
      isWriter: options.isWriter ?? defaultIsWriter,
      ownStories: options.ownStories ?? defaultOwnStories,
      onMove: options.onMove,
      notifications: options.notifications ?? {},
      admin: options.admin ?? true,
      enabled: options.enabled ?? true,
    }
    const hasAdmin = config.admin && config.enabled
    const collections = (incomingConfig.collections ?? []).map((collection): CollectionConfig => {
      if (!config.collections.includes(collection.slug)) return collection
      const components = collection.admin?.components ?? {}
      return {
        ...collection,
        admin: hasAdmin
          ? {
              ...collection.admin,
              defaultColumns: withStateColumn(collection.admin?.defaultColumns),
              components: {
                ...components,
                beforeListTable: [
                  ...(components.beforeListTable ?? []),
                  {
                    path: `${COMPONENTS}/DeskFilters#DeskFilters`,
                    serverProps: { collectionSlug: collection.slug, ownStories: config.ownStories },
                  },
                ],
                edit: {
                  ...components.edit,
                  beforeDocumentControls: [
                    ...(components.edit?.beforeDocumentControls ?? []),
                    {
                      path: `${COMPONENTS}/DeskActions#DeskActions`,
                      serverProps: { isDesk: config.isDesk },
                    },
                  ],
                },
              },
            }
          : collection.admin,
        // The notice is a `ui` field: with the admin off it is simply not added (nothing stored).
        fields: [...(hasAdmin ? [deskNoticeField()] : []), ...collection.fields, workflowField()],
        hooks: {
          ...collection.hooks,
          beforeOperation: [
            ...(collection.hooks?.beforeOperation ?? []),
            // Tells an unpublish from a draft save of a live story (enforceWorkflow).
            markDraftSave,
            captureRequestedState,
          ],
          beforeChange: [...(collection.hooks?.beforeChange ?? []), enforceWorkflow(config)],
          afterChange: [...(collection.hooks?.afterChange ?? []), announceMove(config)],
        },
      }
    })
    const adminComponents = incomingConfig.admin?.components ?? {}
    return {
      ...incomingConfig,
      admin: hasAdmin
        ? {
            ...incomingConfig.admin,
            components: {
              ...adminComponents,
              beforeDashboard: [
                ...(adminComponents.beforeDashboard ?? []),
                {
                  path: `${COMPONENTS}/DeskDashboard#DeskDashboard`,
                  serverProps: {
                    collections: config.collections,
                    isDesk: config.isDesk,
                    ownStories: config.ownStories,
                  },
                },
              ],
            },
          }
        : incomingConfig.admin,
      collections,
      jobs: {
        ...incomingConfig.jobs,
        // Registered even with notifications off: the task list is part of the jobs schema.
        tasks: [...(incomingConfig.jobs?.tasks ?? []), notifyMoveTask(config)],
      },
    }
  }
