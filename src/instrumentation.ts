/**
 * Next.js calls this once when the server starts. Payload otherwise initialises on the first
 * request; initialising here starts the job runner (scheduled publishing, deliveries) at boot,
 * runs pending migrations and seeds the demo before anyone visits, and a failure stops the server.
 */
export async function register(): Promise<void> {
  // Node.js-only code behind this test, as Next.js documents: the Edge build leaves it out.
  if (process.env.NEXT_RUNTIME === 'nodejs')
    await (await import('./instrumentation-node')).startPayload()
}
