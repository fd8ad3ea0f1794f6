export type SeedMode = 'demo' | 'off'

/**
 * Whether an empty database gets the demo newsroom (with its published logins): `NEWSROOM_SEED`
 * when set to `demo` or `off`; otherwise yes, except in production (`NODE_ENV=production`), where
 * only an explicit `NEWSROOM_SEED=demo` seeds.
 */
export const seedMode = (env: Record<string, string | undefined> = process.env): SeedMode => {
  const asked = env.NEWSROOM_SEED?.trim()
  if (asked === 'off' || asked === 'demo') return asked
  return env.NODE_ENV === 'production' ? 'off' : 'demo'
}
