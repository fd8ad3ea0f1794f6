import type { Where } from 'payload'

/**
 * A list URL's `where` in the admin's own shape (`where[or][0][and][0][field][op]=value`, what the
 * list's filter builder writes), for one condition or several joined by `and`.
 */
export const whereSearch = (conditions: Where[]): string => {
  const params = new URLSearchParams()
  const add = (prefix: string, value: unknown) => {
    if (Array.isArray(value)) value.forEach((item, index) => add(`${prefix}[${index}]`, item))
    else if (value !== null && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) add(`${prefix}[${key}]`, inner)
    else params.append(prefix, String(value))
  }
  conditions.forEach((condition, index) => add(`where[or][0][and][${index}]`, condition))
  return params.toString()
}
