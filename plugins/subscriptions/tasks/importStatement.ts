import type { CollectionSlug, PayloadRequest, TaskConfig } from 'payload'

import type { StatementRow } from '../statement'
import type { SanitizedSubscriptionsConfig } from '../types'

import { matchPledge } from '../activation'
import { IMPORT_STATEMENT_TASK } from '../defaults'
import { IMPORTING } from '../hooks/resolveLine'
import { lineCounts } from '../lineCounts'
import { addDays, kstDayStart, normaliseDepositor } from '../statement'

type Statement = {
  duplicateLines?: number
  id: number | string
  pendingRows?: null | StatementRow[]
  processedLines?: number
  status?: string
}

type Outcome = 'ambiguous' | 'duplicate' | 'matched' | 'unmatched'

const RETRIES = 3

/**
 * The pledges a deposit may pay: waiting for their money, the same amount and normalised
 * depositor name, expected within the window around the deposit's day.
 */
const candidatesOf = async (
  config: SanitizedSubscriptionsConfig,
  req: PayloadRequest,
  row: StatementRow,
): Promise<(number | string)[]> => {
  const found = await req.payload.find({
    collection: config.pledgesSlug as CollectionSlug,
    where: {
      and: [
        { status: { in: ['pending', 'overdue'] } },
        { depositorKey: { equals: normaliseDepositor(row.depositor) } },
        { amount: { equals: row.amount } },
        // The deposit's day within [expected − before, expected + after].
        {
          expectedDate: {
            greater_than_equal: kstDayStart(
              addDays(row.day, -config.matchWindow.after),
            ).toISOString(),
          },
        },
        {
          expectedDate: {
            less_than: kstDayStart(addDays(row.day, config.matchWindow.before + 1)).toISOString(),
          },
        },
      ],
    },
    depth: 0,
    limit: 20,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return found.docs.map((doc) => doc.id)
}

const importRow = async (
  config: SanitizedSubscriptionsConfig,
  req: PayloadRequest,
  statement: Statement,
  row: StatementRow,
): Promise<Outcome | null> => {
  const existing = await req.payload.find({
    collection: config.linesSlug as CollectionSlug,
    where: { key: { equals: row.key } },
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
  })
  if (existing.docs[0]) {
    // A batch retried after a crash finds its own lines: counted already.
    const owner = (existing.docs[0] as { statement?: unknown }).statement
    return String(owner) === String(statement.id) ? null : 'duplicate'
  }
  const candidates = await candidatesOf(config, req, row)
  const status =
    candidates.length === 1 ? 'matched' : candidates.length > 1 ? 'ambiguous' : 'unmatched'
  const line = await req.payload.create({
    collection: config.linesSlug as CollectionSlug,
    data: {
      statement: statement.id,
      line: row.line,
      key: row.key,
      postedAt: row.postedAt,
      depositor: row.depositor,
      depositorKey: normaliseDepositor(row.depositor),
      amount: row.amount,
      balance: row.balance,
      status,
      candidates: status === 'ambiguous' ? candidates : [],
      pledge: status === 'matched' ? candidates[0] : null,
      matchedBy: status === 'matched' ? 'job' : null,
    } as never,
    context: { [IMPORTING]: true },
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (
    status === 'matched' &&
    !(await matchPledge(config, req, candidates[0]!, { id: line.id, postedAt: row.postedAt }))
  ) {
    // Another deposit paid that pledge in the meantime: a person decides what this one pays.
    await req.payload.update({
      collection: config.linesSlug as CollectionSlug,
      id: line.id as never,
      data: { status: 'ambiguous', candidates, pledge: null, matchedBy: null } as never,
      context: { [IMPORTING]: true },
      depth: 0,
      overrideAccess: true,
      req,
    })
    return 'ambiguous'
  }
  return status
}

/**
 * Matches one batch of an uploaded statement's deposits, stores the progress on the statement,
 * and queues the next batch: a long statement shows its progress in the admin, and a crash
 * loses at most one batch, which its stable line keys let the retry redo without doubling.
 */
export const importStatementTask = (
  config: SanitizedSubscriptionsConfig,
): TaskConfig<{ input: { id: string }; output: { processed?: number; skipped?: string } }> => ({
  slug: IMPORT_STATEMENT_TASK,
  label: 'Match a bank statement’s deposits to pledges',
  retries: RETRIES,
  inputSchema: [{ name: 'id', type: 'text', required: true }],
  handler: async ({ input, job, req }) => {
    const id = req.payload.db.defaultIDType === 'number' ? Number(input.id) : input.id
    const statement = (await req.payload.findByID({
      collection: config.statementsSlug as CollectionSlug,
      id: id as never,
      depth: 0,
      disableErrors: true,
      overrideAccess: true,
      req,
    })) as null | Statement
    if (!statement) return { output: { skipped: 'the statement is gone' } }
    if (statement.status === 'done' || statement.status === 'failed')
      return { output: { skipped: 'done already' } }
    const rows = statement.pendingRows ?? []
    const from = statement.processedLines ?? 0
    const batch = rows.slice(from, from + config.batchSize)
    let duplicates = 0
    try {
      for (const row of batch)
        if ((await importRow(config, req, statement, row)) === 'duplicate') duplicates++
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      // The last attempt marks the import failed; earlier ones leave the message and are retried
      // (lines already written are found by their keys and not written again).
      const isLastAttempt = (job?.totalTried ?? 0) >= RETRIES
      await req.payload.update({
        collection: config.statementsSlug as CollectionSlug,
        id: statement.id as never,
        data: {
          error: message.slice(0, 2000),
          ...(isLastAttempt && { status: 'failed' }),
        } as never,
        depth: 0,
        overrideAccess: true,
        req,
      })
      if (isLastAttempt) return { output: { skipped: `failed: ${message}` } }
      throw error
    }
    const processed = from + batch.length
    const isDone = processed >= rows.length
    const data: Record<string, unknown> = {
      processedLines: processed,
      status: isDone ? 'done' : 'processing',
      error: null,
      // Counted from the lines themselves: a batch retried after a crash counts each line once.
      ...(await lineCounts(config, req, statement.id)),
      duplicateLines: (statement.duplicateLines ?? 0) + duplicates,
      ...(isDone && { finishedAt: new Date().toISOString(), pendingRows: null }),
    }
    await req.payload.update({
      collection: config.statementsSlug as CollectionSlug,
      id: statement.id as never,
      data: data as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    if (!isDone)
      await req.payload.jobs.queue({
        task: IMPORT_STATEMENT_TASK,
        input: { id: String(statement.id) },
        req,
      } as never)
    return { output: { processed: batch.length } }
  },
})
