// Export and import in the form CloudBase's console exports and imports a collection: JSON Lines,
// one document per line, `_id` a string, dates as `{"$date": "<ISO 8601>"}` (EJSON, relaxed:
// numbers stay JSON numbers). One file per collection, `<collection>.json`.
import fs from 'node:fs'
import path from 'node:path'
import { parseStored, stringifyDoc } from './ejson'
import type { Store } from './store'

export interface TransferReport {
  /** collection → documents written */
  readonly collections: Record<string, number>
}

const FILE = /^(.+)\.(json|jsonl)$/

/** Writes every collection to `<dir>/<collection>.json` (empty collections too). */
export const exportData = (store: Store, dir: string): TransferReport => {
  fs.mkdirSync(dir, { recursive: true })
  const collections: Record<string, number> = {}
  for (const name of store.collectionNames().sort()) {
    const lines: string[] = []
    for (const row of store.scan(name, undefined)) {
      const { _id, ...rest } = parseStored(row.doc)
      lines.push(stringifyDoc({ _id, ...rest })) // `_id` first, as the console writes it
    }
    const file = path.join(dir, `${name}.json`)
    const tmp = `${file}.partial`
    fs.writeFileSync(tmp, lines.length > 0 ? `${lines.join('\n')}\n` : '')
    fs.renameSync(tmp, file)
    collections[name] = lines.length
  }
  return { collections }
}

/**
 * Reads every `<collection>.json` (or `.jsonl`) of `dir` into the store, creating the collections
 * that do not exist. A document whose `_id` exists replaces it (the console's "upsert" mode).
 * All or nothing: a bad line (named by file and line number) writes nothing.
 */
export const importData = (store: Store, dir: string): TransferReport => {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new Error(`--import ${dir}: not a directory`)
  }
  const batches: Array<[string, Array<[string, string]>]> = []
  for (const entry of fs.readdirSync(dir).sort()) {
    const m = FILE.exec(entry)
    if (!m) continue
    const name = m[1]
    const docs: Array<[string, string]> = []
    const text = fs.readFileSync(path.join(dir, entry), 'utf8')
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return
      const where = `${path.join(dir, entry)}:${i + 1}`
      let doc: Record<string, unknown>
      try {
        doc = parseStored(line)
      } catch (e) {
        throw new Error(`${where}: not a JSON document (${(e as Error).message})`)
      }
      if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
        throw new Error(`${where}: a line must be one JSON object`)
      }
      if (typeof doc._id !== 'string' || doc._id === '') {
        throw new Error(`${where}: _id must be a non-empty string`)
      }
      docs.push([doc._id, stringifyDoc(doc)])
    })
    batches.push([name, docs])
  }
  const collections: Record<string, number> = {}
  store.atomically(() => {
    for (const [name, docs] of batches) {
      if (!store.hasCollection(name)) store.createCollection(name)
      for (const [id, doc] of docs) {
        if (store.getRow(name, id)) store.updateRow(name, id, doc)
        else store.insertRow(name, id, doc)
      }
      collections[name] = docs.length
    }
  })
  return { collections }
}
