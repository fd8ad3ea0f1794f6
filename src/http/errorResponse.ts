/**
 * An answer given before Payload runs (a route wrapper's refusal), in the contract's error shape:
 * `{ errors: [{ message, code }] }`, never cached.
 */
export const errorResponse = (
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Response =>
  Response.json(
    { errors: [{ message, code }] },
    { status, headers: { 'cache-control': 'private, no-store', ...headers } },
  )
