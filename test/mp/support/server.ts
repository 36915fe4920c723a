/**
 * Run by the compiled-page tests in a process of their own (`tsx test/mp/support/server.ts`): the
 * back end as `npm start` serves it (e2e/support/backend.ts: bundled functions, dev mode, the demo
 * village seeded, the district above it), with its clock frozen at DEMO_NOW. A child process keeps the emulator out of the
 * test's jsdom and away from its fake Date. Prints `READY <url>` once it serves; stops when its
 * stdin closes (the test process ended) or on SIGTERM.
 */
import { startBackend } from '../../../e2e/support/backend'

async function main() {
  // With the district above the demo village: the township's pages need it (e2e/support/district.ts).
  const emulator = await startBackend({ district: true })
  process.stdout.write(`READY ${emulator.url}\n`)
  let closing = false
  const stop = () => {
    if (closing) return
    closing = true
    emulator.close().finally(() => process.exit(0))
  }
  process.stdin.on('end', stop)
  process.stdin.on('close', stop)
  process.stdin.resume()
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`)
  process.exit(1)
})
