import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import type { SanitizedSubscriptionsConfig } from '../types'

import { InputError } from '../../shared/inputError'
import { IMPORT_STATEMENT_TASK } from '../defaults'
import { readStatement, StatementError } from '../statement'

/**
 * The uploaded statement is read before anything is stored: an empty, oversized or unreadable file
 * is refused (400, saying what and which line), so that no import is ever half there.
 */
export const readStatementFile =
  (config: SanitizedSubscriptionsConfig): CollectionBeforeChangeHook =>
  ({ data, operation, req }) => {
    if (operation !== 'create') return data
    const file = req.file
    if (!file?.data?.length)
      throw new InputError(
        'file: 입금내역 CSV 파일을 올려 주세요 (file: a statement CSV is required)',
      )
    if (file.data.length > config.maxStatementBytes)
      throw new InputError(
        `file: 파일이 너무 큽니다 (최대 ${Math.floor(config.maxStatementBytes / 1024 / 1024)}MB) (file too large)`,
        'PAYLOAD_TOO_LARGE',
        413,
      )
    let read: ReturnType<typeof readStatement>
    try {
      read = readStatement(file.data, config.columns)
    } catch (error) {
      if (error instanceof StatementError) throw new InputError(`file: ${error.message}`)
      throw error
    }
    return {
      ...data,
      status: 'queued',
      encoding: read.encoding,
      totalLines: read.rows.length,
      processedLines: 0,
      skippedLines: read.skipped,
      pendingRows: read.rows,
    }
  }

/** With the upload's transaction: the job that matches its lines. */
export const queueImport =
  (config: SanitizedSubscriptionsConfig): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    if (operation !== 'create' || !config.enabled) return doc
    await req.payload.jobs.queue({
      task: IMPORT_STATEMENT_TASK,
      input: { id: String(doc.id) },
      req,
    } as never)
    return doc
  }
