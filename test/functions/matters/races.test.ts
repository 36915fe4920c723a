/**
 * The rules of the matters function that depend on another document, under 30–50 simultaneous
 * callers: agenda capacity and merges. No rule broken, no INTERNAL, the right number of
 * successes, BUSY at most once in 50.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { Matter } from '../../../types/model/matter'
import { startBackend, type Backend } from '../support/backend'
import { insert, member, storedMatter, village } from '../support/fixtures'
import { expectNoCrashAndLittleBusy, race } from '../support/race'

let backend: Backend
/** The emulator's clock for the functions: a Friday in Shanghai, 10:00; talk days from here. */
const NOW = new Date('2026-11-20T02:00:00Z')

beforeAll(async () => {
  backend = await startBackend()
  backend.emulator.clock.set(NOW)
})
afterAll(() => backend.close())

/** A village of its own for one test (agenda of 10), its committee member and `n` raised matters. */
function villageWith(name: string, n: number, over: Partial<Matter> = {}) {
  const id = `v-${name}`
  const chair = member(`${name}-com`, id, ['resident', 'committee'])
  insert(backend, COLLECTION.villages, [village(id, name)])
  insert(backend, COLLECTION.members, [chair])
  const matters = Array.from({ length: n }, (_, i) =>
    storedMatter(`${name}-m${i + 1}`, { villageId: id, raisedBy: chair._id, ...over }),
  )
  insert(backend, COLLECTION.matters, matters)
  return { id, chair, matterIds: matters.map((m) => m._id) }
}

async function where(collection: string, query: object) {
  const { data } = await backend.db.collection(collection).where(query).limit(1000).get()
  return data as Array<Record<string, unknown>>
}

describe('agenda capacity (10 per talk day)', () => {
  it('30 accepts onto one talk day at once: exactly 10 land, 20 hear the day is full', async () => {
    const v = villageWith('full', 30)
    const day = '2026-12-04'
    const { tally, results } = await race(
      'acceptMatter onto one day',
      v.matterIds.map(
        (matterId) => () =>
          backend.call(v.chair.openid, 'matters', 'acceptMatter', {
            category: 'other',
            matterId,
            talkDay: day,
          }),
      ),
    )
    expectNoCrashAndLittleBusy(tally, 30)
    expect(tally.ok).toBe(10)
    const refusals = results.filter((r) => !r.ok && r.error.code !== 'BUSY')
    expect(refusals).toHaveLength(30 - 10 - (tally.BUSY ?? 0))
    for (const r of refusals) {
      expect(r).toEqual({
        ok: false,
        error: { code: 'CONFLICT', message: `${day} 的议程已满（最多 10 件）。` },
      })
    }
    const slots = await where(COLLECTION.agendaSlots, { villageId: v.id })
    const accepted = await where(COLLECTION.matters, { villageId: v.id, status: 'accepted' })
    expect(slots).toHaveLength(10)
    expect(slots.map((s) => s.date)).toEqual(Array(10).fill(day))
    expect(new Set(slots.map((s) => s.matterId))).toEqual(new Set(accepted.map((m) => m._id)))
    expect(accepted.map((m) => m.talkDay)).toEqual(Array(10).fill(day))
    const raised = await where(COLLECTION.matters, { villageId: v.id, status: 'raised' })
    expect(raised).toHaveLength(20)
    // One timeline entry per acceptance, none for a refusal.
    const entries = await where(COLLECTION.auditLogs, { villageId: v.id, action: 'acceptMatter' })
    expect(entries).toHaveLength(10)
  })

  it('30 accepts without a day at once: all land, 10 on each of the next three talk days', async () => {
    const v = villageWith('spread', 30)
    const days = ['2026-11-24', '2026-12-04', '2026-12-14']
    const { tally } = await race(
      'acceptMatter onto the next day with room',
      v.matterIds.map(
        (matterId) => () =>
          backend.call(v.chair.openid, 'matters', 'acceptMatter', { category: 'other', matterId }),
      ),
    )
    expectNoCrashAndLittleBusy(tally, 30)
    expect(tally.ok).toBe(30 - (tally.BUSY ?? 0))
    const slots = await where(COLLECTION.agendaSlots, { villageId: v.id })
    const perDay = (d: string) => slots.filter((s) => s.date === d).length
    const landed = tally.ok ?? 0
    expect(days.map(perDay)).toEqual([10, 10, landed - 20])
    expect(new Set(slots.map((s) => s.matterId)).size).toBe(landed)
  })
})

describe('merges', () => {
  it('25 pairs merged into each other at once (50 callers): no cycle, none merged into a waiting matter', async () => {
    const v = villageWith('pairs', 50)
    const pairs = Array.from({ length: 25 }, (_, i) => [v.matterIds[2 * i], v.matterIds[2 * i + 1]])
    const { tally, results } = await race(
      'mergeMatter A→B with B→A',
      pairs.flatMap(([a, b]) => [
        () => backend.call(v.chair.openid, 'matters', 'mergeMatter', { matterId: a, intoId: b }),
        () => backend.call(v.chair.openid, 'matters', 'mergeMatter', { matterId: b, intoId: a }),
      ]),
    )
    expectNoCrashAndLittleBusy(tally, 50)
    for (const r of results.filter((x) => !x.ok && x.error.code !== 'BUSY')) {
      expect(r).toEqual({
        ok: false,
        error: { code: 'CONFLICT', message: '要合并到的事项还是“待受理”，请先受理它。' },
      })
    }
    const matters = await where(COLLECTION.matters, { villageId: v.id })
    const into = new Map(matters.map((m) => [m._id, m.mergedInto as string | undefined]))
    const cycles = matters.filter((m) => m.mergedInto && into.get(m.mergedInto as string) === m._id)
    expect(cycles).toEqual([])
    expect(matters.filter((m) => m.status === 'merged')).toEqual([])
  })

  // Every merge writes its target, so merges into one matter take turns: a committee's worth at
  // once is the load that can happen (50 into one would queue past the function's time limit).
  it('10 matters merged into one accepted matter at once (a whole committee): all merged, its timeline says so 10 times', async () => {
    const v = villageWith('many', 10)
    insert(backend, COLLECTION.matters, [
      storedMatter('many-target', { villageId: v.id, status: 'accepted', raisedBy: v.chair._id }),
    ])
    const { tally } = await race(
      'mergeMatter into one target',
      v.matterIds.map(
        (matterId) => () =>
          backend.call(v.chair.openid, 'matters', 'mergeMatter', {
            matterId,
            intoId: 'many-target',
          }),
      ),
    )
    expectNoCrashAndLittleBusy(tally, 10)
    expect(tally.ok).toBe(10 - (tally.BUSY ?? 0))
    const merged = await where(COLLECTION.matters, { villageId: v.id, status: 'merged' })
    expect(merged).toHaveLength(tally.ok ?? 0)
    expect(merged.every((m) => m.mergedInto === 'many-target')).toBe(true)
    const onTarget = await where(COLLECTION.auditLogs, {
      subjectId: 'many-target',
      action: 'mergeMatter',
    })
    expect(onTarget).toHaveLength(tally.ok ?? 0)
  })

  it('25 merges racing the owners withdrawing the same matters (50 callers): each matter one way', async () => {
    const v = villageWith('either', 25)
    // A target of its own for each, so the race is between the two calls on one matter.
    insert(
      backend,
      COLLECTION.matters,
      v.matterIds.map((id) =>
        storedMatter(`${id}-into`, { villageId: v.id, status: 'accepted', raisedBy: v.chair._id }),
      ),
    )
    const { tally } = await race(
      'mergeMatter with withdrawMatter',
      v.matterIds.flatMap((matterId) => [
        () =>
          backend.call(v.chair.openid, 'matters', 'mergeMatter', {
            matterId,
            intoId: `${matterId}-into`,
          }),
        () => backend.call(v.chair.openid, 'matters', 'withdrawMatter', { matterId }),
      ]),
    )
    expectNoCrashAndLittleBusy(tally, 50)
    expect(tally.ok).toBe(25 - (tally.BUSY ?? 0))
    for (const matterId of v.matterIds) {
      const [m] = await where(COLLECTION.matters, { _id: matterId })
      const changes = await where(COLLECTION.auditLogs, { subjectId: matterId })
      // One status change, matching the stored status; never merged and withdrawn both.
      expect(changes.map((e) => e.to)).toEqual([m?.status].filter((s) => s !== 'raised'))
      expect(m?.status === 'merged').toBe(m?.mergedInto === `${matterId}-into`)
    }
  })
})
