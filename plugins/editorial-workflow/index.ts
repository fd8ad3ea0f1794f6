import type { CollectionConfig, Config, Field, PayloadRequest, Plugin } from 'payload'

import type { WorkflowState } from './states'

import { idOf, idsOf, sameId } from '../shared/relationIds'
import { captureRequestedState, enforceWorkflow } from './hooks/enforceWorkflow'
import { stateLabels, workflowStates } from './states'

export { mayMove, stateLabels, workflowStates } from './states'
export type { WorkflowState } from './states'

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
  /** When false the fields stay (stable schema) and nothing is enforced. @default true */
  enabled?: boolean
}

export type SanitizedEditorialWorkflowConfig = Required<EditorialWorkflowOptions>

export const WORKFLOW_FIELD = 'workflow'

const roles = (req: PayloadRequest): string[] =>
  ((req.user as { roles?: null | string[] } | null)?.roles ?? []) as string[]

const defaultIsDesk = (req: PayloadRequest): boolean =>
  roles(req).some((role) => role === 'admin' || role === 'editor')

const defaultIsWriter = (req: PayloadRequest, doc: Record<string, unknown>): boolean => {
  const reporter = idOf((req.user as { reporter?: unknown } | null)?.reporter)
  return reporter !== null && idsOf(doc.reporters).some((value) => sameId(value, reporter))
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
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'changedBy',
      type: 'text',
      label: { en: 'Changed by', ko: '변경한 사람' },
      admin: { readOnly: true },
    },
  ],
})

/**
 * The desk's review workflow — 작성중 → 송고 → 데스크 검토중 → 승인 → 출고, and 반려 with a note —
 * beside Payload's draft/published. Every move is checked on the server for every path (REST,
 * GraphQL, the admin, the Local API with a user): a writer files and withdraws, only the desk
 * reviews, returns and approves, and 출고 follows publishing.
 */
export const editorialWorkflow =
  (options: EditorialWorkflowOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config: SanitizedEditorialWorkflowConfig = {
      collections: options.collections ?? ['articles'],
      isDesk: options.isDesk ?? defaultIsDesk,
      isWriter: options.isWriter ?? defaultIsWriter,
      enabled: options.enabled ?? true,
    }
    const collections = (incomingConfig.collections ?? []).map((collection): CollectionConfig => {
      if (!config.collections.includes(collection.slug)) return collection
      return {
        ...collection,
        fields: [...collection.fields, workflowField()],
        hooks: {
          ...collection.hooks,
          beforeOperation: [...(collection.hooks?.beforeOperation ?? []), captureRequestedState],
          beforeChange: [...(collection.hooks?.beforeChange ?? []), enforceWorkflow(config)],
        },
      }
    })
    return { ...incomingConfig, collections }
  }
