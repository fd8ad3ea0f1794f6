import type { CollectionBeforeOperationHook, SelectType } from 'payload'

import { getSelectMode } from 'payload/shared'

/** For each virtual field, the stored fields its read hook works from. */
export type VirtualFieldSources = Record<string, string[]>

const isSelected = (value: unknown): boolean =>
  value === true || (typeof value === 'object' && value !== null)

/**
 * A read that selects fields (REST `select[…]`, GraphQL `select: true`, a Local API `select`)
 * loads only those columns, so a virtual field computed from others would read them as missing
 * and answer null or empty. This adds the stored fields a selected virtual field works from
 * (include mode), or keeps them when the select leaves it in but excludes them (exclude mode). The
 * response then carries those few fields as well. The caller's select object is not changed.
 */
export const selectVirtualSources =
  (sources: VirtualFieldSources): CollectionBeforeOperationHook =>
  ({ args, operation }) => {
    const select = (args as { select?: SelectType }).select
    if (operation !== 'read' || !select || typeof select !== 'object') return args
    const next: Record<string, unknown> = { ...select }
    let changed = false
    if (getSelectMode(select) === 'include') {
      for (const [virtual, stored] of Object.entries(sources)) {
        if (!isSelected(next[virtual])) continue
        for (const name of stored) {
          if (isSelected(next[name])) continue
          next[name] = true
          changed = true
        }
      }
    } else {
      for (const [virtual, stored] of Object.entries(sources)) {
        if (next[virtual] === false) continue
        for (const name of stored) {
          if (next[name] !== false) continue
          delete next[name]
          changed = true
        }
      }
    }
    if (!changed) return args
    // Every exclusion lifted: nothing left to exclude means everything.
    return { ...args, select: Object.keys(next).length ? (next as SelectType) : undefined }
  }
