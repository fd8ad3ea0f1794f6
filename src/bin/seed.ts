/**
 * `npm run seed`: adds the demo newsroom to the configured database (see README). Idempotent:
 * what exists already is left alone. Runs in production mode so that the committed migrations,
 * not a schema push, shape the database, exactly as under `npm start`.
 */
Object.assign(process.env, { NODE_ENV: 'production' })
process.env.NEWSROOM_SEED = 'off'
process.env.NEWSROOM_RUN_JOBS = 'off'

const main = async () => {
  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  const { seedDemo } = await import('../seed')
  const payload = await getPayload({ config })
  const logins = await seedDemo(payload)
  for (const login of logins)
    console.log(`데모 로그인 (${login.role}): ${login.email} / ${login.password}`)
  await payload.destroy()
  process.exit(0)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

export {}
