/**
 * The browser origins the newsroom trusts, from the environment: the admin and API's own URL
 * (`NEWSROOM_SERVER_URL`, `NEWSROOM_PUBLIC_URL`) and any listed in `NEWSROOM_CSRF_ORIGINS`
 * (comma-separated). With none set, the demo's `http://localhost:<PORT or 3000>`, as `npm start`
 * assumes. A `localhost` origin also admits its loopback twins (`127.0.0.1`, `[::1]`): the
 * same server, reached by address.
 */
export const trustedOrigins = (serverURL?: string): string[] => {
  const env = process.env
  const listed = [
    serverURL,
    env.NEWSROOM_SERVER_URL,
    env.NEWSROOM_PUBLIC_URL,
    ...(env.NEWSROOM_CSRF_ORIGINS ?? '').split(','),
  ]
  const configured = listed
    .map((value) => value?.trim())
    .filter((value): value is string => !!value)
  const urls = configured.length > 0 ? configured : [`http://localhost:${env.PORT || 3000}`]
  const origins = new Set<string>()
  for (const value of urls) {
    let url: URL
    try {
      url = new URL(value)
    } catch {
      throw new Error(
        `Not a URL among the trusted origins (NEWSROOM_SERVER_URL, NEWSROOM_PUBLIC_URL, NEWSROOM_CSRF_ORIGINS): "${value}"`,
      )
    }
    origins.add(url.origin)
    if (url.hostname !== 'localhost') continue
    for (const loopback of ['127.0.0.1', '[::1]']) {
      url.hostname = loopback
      origins.add(url.origin)
    }
  }
  return [...origins]
}

/**
 * Origins whose pages may read API answers (CORS): the trusted ones and the public site
 * (`NEWSROOM_SITE_URL`), whose frontend fetches content. Payload honours a session cookie only
 * from `csrf` origins, so the site's pages read as anonymous.
 */
export const corsOrigins = (serverURL?: string): string[] => {
  const site = process.env.NEWSROOM_SITE_URL?.trim()
  return [...new Set([...trustedOrigins(serverURL), ...(site ? [new URL(site).origin] : [])])]
}

/** Whether the newsroom is served over https (the server or public URL says so): its session cookie must then be `Secure`. */
export const isServedOverHttps = (): boolean =>
  [process.env.NEWSROOM_SERVER_URL, process.env.NEWSROOM_PUBLIC_URL].some((url) =>
    url?.trim().toLowerCase().startsWith('https://'),
  )

/** The session cookie's attributes for an auth collection's `auth.cookies`. */
export const sessionCookies = () => ({ sameSite: 'Lax' as const, secure: isServedOverHttps() })
