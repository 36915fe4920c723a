/**
 * `npm start`: builds the H5 app and serves it on 127.0.0.1, printing the URL.
 * PORT chooses the port (default 10086; 0 picks a free one).
 */
import { execSync } from 'node:child_process'
import { serveH5 } from './serve-h5'

async function main() {
  execSync('npm run build:h5', { stdio: 'inherit' })
  const server = await serveH5(Number(process.env.PORT ?? 10086))
  console.log(`逢四说事 is running: ${server.url}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
