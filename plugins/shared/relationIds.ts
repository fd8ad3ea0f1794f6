export type ID = number | string

/** Relationship values arrive as ids or as populated documents. */
export const idOf = (value: unknown): ID | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return ((value as { id?: ID }).id ?? null) as ID | null
  return value as ID
}

export const idsOf = (values: unknown): ID[] =>
  (Array.isArray(values) ? values : []).map(idOf).filter((id): id is ID => id !== null)

export const sameId = (a: unknown, b: unknown): boolean => String(idOf(a)) === String(idOf(b))
