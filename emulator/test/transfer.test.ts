// Export and import in CloudBase's console format (JSON Lines per collection, dates as
// {"$date": …}): a round trip into a fresh data directory gives identical documents.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startEmulator } from '../src/index'
import { sdkFor, start } from './helpers'

jest.setTimeout(60_000)

const ROOT = path.resolve(__dirname, '..', '..')
const DOCS = [
  {
    _id: 'm-1',
    title: '水渠清淤',
    raisedAt: new Date('2026-03-04T12:59:00.000Z'),
    votes: { for: 12, against: 3, voters: ['o-1', 'o-2'] },
    timeline: [
      { at: new Date('2026-03-04T13:00:00.000Z'), by: { openid: 'o-1', roles: ['committee'] } },
      { at: new Date('2026-03-14T01:02:03.456Z'), note: null },
    ],
    score: 4.5,
    open: true,
  },
  { _id: 'm-2', title: '', nested: { deep: { deeper: [[1, 2], [3]] } }, count: 0 },
]

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-transfer-'))

describe('export and import', () => {
  it('export, then import into a fresh data directory, gives identical documents', async () => {
    const exportDir = tmp()
    const dataDir = tmp()
    try {
      const source = await start({ collections: [{ name: 'matters' }, { name: 'empty' }] })
      await sdkFor(source).database().collection('matters').add(DOCS[0])
      await sdkFor(source).database().collection('matters').add(DOCS[1])
      expect(source.exportData(exportDir)).toEqual({ collections: { empty: 0, matters: 2 } })
      await source.close()

      const lines = fs.readFileSync(path.join(exportDir, 'matters.json'), 'utf8').split('\n')
      expect(lines).toHaveLength(3) // two documents and the final newline
      const first = lines.find((l) => l.includes('"m-1"')) as string
      expect(first.startsWith('{"_id":"m-1",')).toBe(true)
      expect(first).toContain('"raisedAt":{"$date":"2026-03-04T12:59:00Z"}')
      expect(fs.readFileSync(path.join(exportDir, 'empty.json'), 'utf8')).toBe('')

      const target = await startEmulator({ dataDir, importDir: exportDir, functionLog: () => {} })
      try {
        const db = sdkFor(target).database()
        const { data } = await db.collection('matters').orderBy('_id', 'asc').get()
        expect(data).toEqual(DOCS)
        expect(data[0].timeline[1].at).toBeInstanceOf(Date)
        expect((await db.collection('empty').count()).total).toBe(0)
      } finally {
        await target.close()
      }
    } finally {
      fs.rmSync(exportDir, { recursive: true, force: true })
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('a bad line is refused at start, naming the file and the line', async () => {
    const dir = tmp()
    try {
      fs.writeFileSync(path.join(dir, 'a.json'), '{"_id":"a1","x":1}\n')
      fs.writeFileSync(path.join(dir, 'b.json'), '{"_id":"b1"}\n{"x":2}\n')
      await expect(start({ importDir: dir })).rejects.toThrow(
        /b\.json:2: _id must be a non-empty string/,
      )
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('--export-on-exit writes the data when the emulator closes; the export command reads a data directory', async () => {
    const dataDir = tmp()
    const onExit = tmp()
    const viaCommand = tmp()
    try {
      const emulator = await start({
        memory: false,
        dataDir,
        collections: [{ name: 'notes' }],
        exportOnExit: onExit,
      })
      await sdkFor(emulator)
        .database()
        .collection('notes')
        .add({ _id: 'n1', at: new Date(0) })
      await emulator.close()
      expect(fs.readFileSync(path.join(onExit, 'notes.json'), 'utf8')).toBe(
        '{"_id":"n1","at":{"$date":"1970-01-01T00:00:00Z"}}\n',
      )
      const cli = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(ROOT, 'emulator', 'src', 'cli.ts'),
          'export',
          viaCommand,
          '--data',
          dataDir,
        ],
        { cwd: ROOT, env: { ...process.env }, encoding: 'utf8' },
      )
      expect(cli.stderr).toBe('')
      expect(cli.stdout).toBe('notes: 1 documents\n')
      expect(fs.readFileSync(path.join(viaCommand, 'notes.json'), 'utf8')).toBe(
        fs.readFileSync(path.join(onExit, 'notes.json'), 'utf8'),
      )
    } finally {
      for (const d of [dataDir, onExit, viaCommand]) fs.rmSync(d, { recursive: true, force: true })
    }
  })
})
