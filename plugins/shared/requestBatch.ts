import type { PayloadRequest } from 'payload'

type Batch = { items: unknown[]; result: Promise<unknown> }

/**
 * Joins `item` to the batch `key` of this request and resolves with what `work` makes of the whole
 * batch. The documents of a list run their read hooks concurrently: waiting one turn of the event
 * loop lets all of them join, so the list costs one query where each document would have cost one.
 * `work` is taken from the call that opens the batch; calls under one key must mean the same work.
 */
export const joinRequestBatch = <Item, Result>(
  req: PayloadRequest,
  key: string,
  item: Item,
  work: (items: Item[]) => Promise<Result>,
): Promise<Result> => {
  const context = req.context as { requestBatches?: Map<string, Batch> }
  context.requestBatches ??= new Map()
  const batches = context.requestBatches
  let batch = batches.get(key)
  if (!batch) {
    const items: Item[] = []
    const result = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      batches.delete(key)
      return work(items)
    })
    batch = { items, result }
    batches.set(key, batch)
  }
  batch.items.push(item)
  return batch.result as Promise<Result>
}
