// npm run migrate -- --url http://127.0.0.1:<port>
// Brings stored documents to today's shapes through the real SDK (idempotent: run it as often as
// you like). Today: agendas as one document per day become agenda slots
// (cloudfunctions/matters/migrateAgendas.ts). `npm start` runs it on every start.
import { migrate } from './seed'

const args = process.argv.slice(2)
const i = args.indexOf('--url')
const url = i >= 0 ? args[i + 1] : undefined
if (!url) {
  console.error('usage: npm run migrate -- --url http://127.0.0.1:<port>')
  process.exit(2)
}
migrate(url).then(
  (done) => console.log(`agendas migrated: ${done.agendas} (${done.slots} slots)`),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
