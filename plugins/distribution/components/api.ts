/** Browser-side calls to the distribution endpoints, with the admin's session cookie. */

export type DeliveryRow = {
  attempt?: null | number
  durationMs?: null | number
  error?: null | string
  httpStatus?: null | number
  id: number | string
  status?: null | string
  webhookId?: null | string
}

/** The message of a Payload error response (`{ errors: [{ message }] }`), or the HTTP status. */
export const errorMessage = async (response: Response): Promise<string> => {
  try {
    const body = (await response.json()) as { errors?: { message?: string }[]; message?: string }
    return body.errors?.[0]?.message ?? body.message ?? `HTTP ${response.status}`
  } catch {
    return `HTTP ${response.status}`
  }
}

export const postJson = async <T>(
  url: string,
  body?: unknown,
): Promise<{ data: T; ok: true } | { error: string; ok: false }> => {
  try {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok) return { ok: false, error: await errorMessage(response) }
    return { ok: true, data: (await response.json()) as T }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

/** The first attempt of `webhookId` numbered above `afterAttempt`, or null when there is none yet. */
export const findAttempt = async (
  api: string,
  webhookId: string,
  afterAttempt = 0,
): Promise<DeliveryRow | null> => {
  const query = new URLSearchParams({
    depth: '0',
    limit: '1',
    sort: 'attempt',
    'where[webhookId][equals]': webhookId,
    'where[attempt][greater_than]': String(afterAttempt),
  })
  const response = await fetch(`${api}/webhook-deliveries?${query}`, { credentials: 'include' })
  if (!response.ok) throw new Error(await errorMessage(response))
  return ((await response.json()) as { docs: DeliveryRow[] }).docs[0] ?? null
}

/** The highest attempt number logged for `webhookId` (0 when none). */
export const latestAttempt = async (api: string, webhookId: string): Promise<number> => {
  const query = new URLSearchParams({
    depth: '0',
    limit: '1',
    sort: '-attempt',
    'where[webhookId][equals]': webhookId,
  })
  const response = await fetch(`${api}/webhook-deliveries?${query}`, { credentials: 'include' })
  if (!response.ok) throw new Error(await errorMessage(response))
  return ((await response.json()) as { docs: DeliveryRow[] }).docs[0]?.attempt ?? 0
}

/**
 * Deliveries are sent by the job runner (every few seconds), not by the request that queued them:
 * polls until the attempt is logged and no longer `pending`, reporting each state it sees.
 * Resolves with the last row seen (null if none appeared before `timeoutMs`).
 */
export const waitForAttempt = async (options: {
  afterAttempt?: number
  api: string
  isCancelled: () => boolean
  onUpdate: (row: DeliveryRow) => void
  timeoutMs?: number
  webhookId: string
}): Promise<DeliveryRow | null> => {
  const deadline = Date.now() + (options.timeoutMs ?? 90_000)
  let last: DeliveryRow | null = null
  while (Date.now() < deadline && !options.isCancelled()) {
    try {
      last = await findAttempt(options.api, options.webhookId, options.afterAttempt ?? 0)
    } catch {
      // a failed poll is retried on the next tick
    }
    if (last) {
      options.onUpdate(last)
      if (last.status !== 'pending') return last
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  return last
}
