// H0, the benchmark's physical baseline: a bare node:http server (plain Node, no loader) answering
// every request with the same pre-serialised article JSON (the file given as the first argument).
import fs from 'node:fs'
import http from 'node:http'

const body = fs.readFileSync(process.argv[2])
const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length) }

http
  .createServer((request, response) => {
    request.resume()
    response.writeHead(200, headers).end(body)
  })
  .listen(Number(process.env.PORT || 3900), '127.0.0.1')
