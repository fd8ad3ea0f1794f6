import { it } from 'vitest'

/**
 * The one list of what the MongoDB lane cannot test because FerretDB (v1.24, the Mongo-wire
 * server CI runs as a stand-in for MongoDB) lacks a command or operator — not because of our code.
 * Each test that hits one is skipped there under its name and reason (`itUnlessFerretDB`), and
 * still runs on SQLite and PostgreSQL. Reported in docs/databases.md.
 */
export const FERRETDB_GAPS = {
  findAndModifyProjection:
    'FerretDB v1 does not implement findAndModify with a projection (`fields`): Payload’s failed-login counter (incrementLoginAttempts) and its MongoDB key-value store (payload.kv.set, used for persisted GraphQL queries) answer 500 there',
  atomicConditionalUpdate:
    'FerretDB v1 does not apply a conditional findAndModify atomically: two processes updating one document `where` it is still unclaimed both succeed (47 times in 50 here; MongoDB guarantees single-document atomicity), so two workers can both take over one abandoned webhook attempt',
  transactions:
    'FerretDB v1 has no multi-document transactions (transactionOptions: false): a save that fails cannot roll back what its hooks already wrote, as on a standalone MongoDB server',
} as const

export type FerretDBGap = keyof typeof FERRETDB_GAPS

/** Whether the suites run on FerretDB (`NEWSROOM_MONGO_COMPAT=ferretdb`, set by .ci/run for that lane). */
export const onFerretDB = process.env.NEWSROOM_MONGO_COMPAT === 'ferretdb'

/** `it` (and `it.each`), or on FerretDB a skipped test whose name carries the gap's reason. */
export const itUnlessFerretDB = (gap: FerretDBGap): typeof it => {
  if (!onFerretDB) return it
  const named = (name: string) => `${name} [FerretDB: ${FERRETDB_GAPS[gap]}]`
  const skipped = (name: string, ...rest: unknown[]) =>
    (it.skip as (...args: unknown[]) => void)(named(name), ...rest)
  const each =
    (table: unknown[]) =>
    (name: string, ...rest: unknown[]) =>
      (it.skip.each(table) as (...args: unknown[]) => void)(named(name), ...rest)
  return Object.assign(skipped, { each }) as unknown as typeof it
}
