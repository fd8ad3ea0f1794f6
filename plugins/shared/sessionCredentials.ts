/** A request's headers, read one by name: a Fetch `Headers`, a Node message, a cache's view of either. */
export type HeaderReader = (name: string) => null | string | undefined

/**
 * Whether a request may be signed in — the one decision every "anonymous?" check goes through
 * (the HTTP cache, the staff-first queue).
 *
 * Payload reads a session from `Authorization` (`JWT …`, `Bearer …`, API keys) or from the
 * `<cookiePrefix>-token` cookie, whose name it trims (`payload-token =…` and ` payload-token=…`
 * log in too). Rather than copy that parsing and miss the next spelling, any `Authorization`
 * header, and any `Cookie` header with `token` anywhere in it (any case, any spacing), counts as
 * signed in. A reader with an unrelated cookie named like that only misses the shared cache.
 */
export const carriesCredentials = (header: HeaderReader): boolean =>
  header('authorization') != null || /token/i.test(header('cookie') ?? '')
