import http from 'node:http'

/**
 * A stand-in for data.go.kr's VilageFcstInfoService_2.0 on 127.0.0.1, answering the shapes KMA
 * answers (the tests never reach the internet):
 *
 * - success (dataType=JSON): `{ response: { header: { resultCode: '00', resultMsg: 'NORMAL_SERVICE' },
 *   body: { dataType: 'JSON', items: { item: [...] }, pageNo, numOfRows, totalCount } } }` — 초단기실황
 *   items carry `baseDate`, `baseTime`, `category`, `nx`, `ny`, `obsrValue` (T1H, PTY, RN1, REH, …);
 *   초단기예보 items `baseDate`, `baseTime`, `category`, `fcstDate`, `fcstTime`, `fcstValue`, `nx`, `ny`
 *   (SKY, T1H, PTY, … for the next six hours).
 * - a service error, still JSON with HTTP 200: `resultCode` other than '00' (`03` NO_DATA, `10`
 *   잘못된 요청 파라메터 에러, `22` 서비스 요청제한횟수 초과에러, …) and no `body`.
 * - a gateway (key) error, XML whatever dataType asked for: `<OpenAPI_ServiceResponse><cmmMsgHeader>
 *   <errMsg>SERVICE ERROR</errMsg><returnAuthMsg>SERVICE_KEY_IS_NOT_REGISTERED_ERROR</returnAuthMsg>
 *   <returnReasonCode>30</returnReasonCode></cmmMsgHeader></OpenAPI_ServiceResponse>`.
 *
 * The JSON shapes match data.go.kr's published samples; the XML error is the gateway's usual
 * answer for an unregistered key as recorded from memory of it, not from a fresh capture.
 */
export type FakeKmaMode = 'good' | 'http500' | 'resultError' | 'timeout' | 'xmlKeyError'

export type FakeKma = {
  baseUrl: string
  close: () => Promise<void>
  mode: FakeKmaMode
  requests: URL[]
  /** What the good answer says. */
  reading: { pty: string; sky: string; t1h: string }
}

const nowcast = (url: URL, reading: FakeKma['reading']) => {
  const common = {
    baseDate: url.searchParams.get('base_date'),
    baseTime: url.searchParams.get('base_time'),
    nx: Number(url.searchParams.get('nx')),
    ny: Number(url.searchParams.get('ny')),
  }
  const items = [
    { ...common, category: 'PTY', obsrValue: reading.pty },
    { ...common, category: 'REH', obsrValue: '62' },
    { ...common, category: 'RN1', obsrValue: '0' },
    { ...common, category: 'T1H', obsrValue: reading.t1h },
    { ...common, category: 'UUU', obsrValue: '-1.2' },
    { ...common, category: 'VEC', obsrValue: '310' },
    { ...common, category: 'VVV', obsrValue: '0.8' },
    { ...common, category: 'WSD', obsrValue: '1.5' },
  ]
  return items
}

const forecast = (url: URL, reading: FakeKma['reading']) => {
  const baseDate = url.searchParams.get('base_date')!
  const baseTime = url.searchParams.get('base_time')!
  const common = { baseDate, baseTime, nx: Number(url.searchParams.get('nx')), ny: 127 }
  const hour = Number(baseTime.slice(0, 2))
  // Six hours from the next whole hour; the first hour carries the reading's sky, later ones clear.
  return Array.from({ length: 6 }, (_, index) => {
    const at = (hour + 1 + index) % 24
    // The next day, written as day 99: it only has to sort after today.
    const fcstDate = hour + 1 + index >= 24 ? `${baseDate.slice(0, 6)}99` : baseDate
    const fcstTime = `${String(at).padStart(2, '0')}00`
    return [
      {
        ...common,
        category: 'SKY',
        fcstDate,
        fcstTime,
        fcstValue: index === 0 ? reading.sky : '1',
      },
      { ...common, category: 'T1H', fcstDate, fcstTime, fcstValue: reading.t1h },
    ]
  })
    .flat()
    .reverse()
}

const json = (items: unknown[]) =>
  JSON.stringify({
    response: {
      header: { resultCode: '00', resultMsg: 'NORMAL_SERVICE' },
      body: {
        dataType: 'JSON',
        items: { item: items },
        pageNo: 1,
        numOfRows: 1000,
        totalCount: items.length,
      },
    },
  })

export const startFakeKma = async (): Promise<FakeKma> => {
  const held: http.ServerResponse[] = []
  const fake = {
    mode: 'good',
    requests: [] as URL[],
    reading: { pty: '0', sky: '4', t1h: '15.2' },
  } as FakeKma
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    fake.requests.push(url)
    switch (fake.mode) {
      case 'timeout':
        held.push(response)
        return
      case 'http500':
        response.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error')
        return
      case 'xmlKeyError':
        response
          .writeHead(200, { 'content-type': 'text/xml;charset=UTF-8' })
          .end(
            '<OpenAPI_ServiceResponse><cmmMsgHeader><errMsg>SERVICE ERROR</errMsg><returnAuthMsg>SERVICE_KEY_IS_NOT_REGISTERED_ERROR</returnAuthMsg><returnReasonCode>30</returnReasonCode></cmmMsgHeader></OpenAPI_ServiceResponse>',
          )
        return
      case 'resultError':
        response
          .writeHead(200, { 'content-type': 'application/json;charset=UTF-8' })
          .end(JSON.stringify({ response: { header: { resultCode: '03', resultMsg: 'NO_DATA' } } }))
        return
      default: {
        const items = url.pathname.endsWith('/getUltraSrtNcst')
          ? nowcast(url, fake.reading)
          : url.pathname.endsWith('/getUltraSrtFcst')
            ? forecast(url, fake.reading)
            : null
        if (!items) {
          response.writeHead(404).end()
          return
        }
        response
          .writeHead(200, { 'content-type': 'application/json;charset=UTF-8' })
          .end(json(items))
      }
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  fake.baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/1360000/VilageFcstInfoService_2.0`
  fake.close = async () => {
    for (const response of held) response.destroy()
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  return fake
}
