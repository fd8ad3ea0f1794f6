type Handler<Args extends unknown[]> = (request: Request, ...args: Args) => Promise<Response>

/**
 * HEAD as the GET without its body (RFC 9110 §9.3.2): same status and headers (ETag,
 * Cache-Control, Surrogate-Key). Next.js hands a HEAD to the GET handler as it came, and Payload,
 * which routes by method, has no HEAD endpoints: it answered 404.
 */
export const headFromGet =
  <Args extends unknown[]>(get: Handler<Args>): Handler<Args> =>
  async (request, ...args) => {
    const response = await get(new Request(request, { method: 'GET' }), ...args)
    await response.body?.cancel()
    return new Response(null, {
      headers: response.headers,
      status: response.status,
      statusText: response.statusText,
    })
  }
