/**
 * Serves the H5 build (`dist-h5/`) on 127.0.0.1, with index.html for unknown paths so Taro's
 * router can take them. Used by `npm start` and by the browser tests.
 */
import http from 'node:http'
import path from 'node:path'
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import sirv from 'sirv'

export const H5_DIR = path.resolve(__dirname, '..', 'dist-h5')

export interface RunningServer {
  url: string
  close(): Promise<void>
}

export async function serveH5(port = 0, dir = H5_DIR): Promise<RunningServer> {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: run \`npm run build:h5\` first`)
  }
  const assets = sirv(dir, { single: true, dev: false, etag: true })
  const server = http.createServer((req, res) => assets(req, res))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const { port: bound } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
