/**
 * Keys that a MongoDB update reads as instructions rather than data: `$`-prefixed keys or dotted
 * segments (`$set`,
 * `$unset`, `$rename`, … anywhere in a body: Payload 3.86–3.94.1 passed them to MongoDB past
 * field-level update access, CVE-2026-144571), and `__proto__` path segments (mongoose's update
 * casting polluted `Object.prototype` with them, GHSA-664h-wqgq-64gw). No field of ours is named
 * so, and the rich-text JSON the admin writes has no such key, so they are refused on every
 * database, not only MongoDB: the same body must get the same answer everywhere.
 */
const isOperatorKey = (key: string): boolean =>
  // Each segment of a dotted key too: `reporters.$` is MongoDB's positional update operator.
  key.split('.').some((segment) => segment.startsWith('$') || segment === '__proto__')

/**
 * The path of the first operator key in `value` (`body.root.$set`), or null. Walked without
 * recursion, so a deeply nested body cannot overflow the stack.
 */
export const findOperatorKey = (value: unknown): null | string => {
  const pending: [unknown, string][] = [[value, '']]
  while (pending.length > 0) {
    const [item, path] = pending.pop()!
    if (typeof item !== 'object' || item === null) continue
    if (Array.isArray(item)) {
      item.forEach((element, index) => pending.push([element, `${path}${path ? '.' : ''}${index}`]))
      continue
    }
    for (const key of Object.keys(item)) {
      const at = `${path}${path ? '.' : ''}${key}`
      if (isOperatorKey(key)) return at
      pending.push([(item as Record<string, unknown>)[key], at])
    }
  }
  return null
}

export const operatorKeyMessage = (path: string): string =>
  `'$'로 시작하거나 __proto__인 키는 쓸 수 없습니다 (keys starting with '$' or named __proto__ are refused: ${path})`
