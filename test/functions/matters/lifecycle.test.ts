/**
 * A matter's whole life through the real functions: raised, accepted onto an agenda, discussed,
 * decided, handled, resolved, rated and closed — and the side roads (decline, withdraw, merge,
 * urgent, committee topics, agenda moves). Every state change leaves a timeline entry.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { Envelope } from '../../../types/api'
import type { MatterDetail } from '../../../types/api/matters'
import { startBackend, TEST_NOW, type Backend } from '../support/backend'
import { CAST, insert, member, seedCast, village } from '../support/fixtures'

let backend: Backend

beforeAll(async () => {
  const started = await startBackend()
  // The clock is frozen at TEST_NOW; each call comes a second after the one before, so the
  // timelines (newest first, on their time) have an order.
  const call = started.call
  backend = {
    ...started,
    call: ((openid, name, action, payload) => {
      started.emulator.clock.set(started.emulator.clock.now() + 1000)
      return call(openid, name, action, payload)
    }) as Backend['call'],
  }
  await seedCast(backend)
})
afterAll(() => backend.close())

function data<T>(res: Envelope<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${res.error.code}: ${res.error.message}`)
  return res.data
}

async function raise(by = CAST.resident, title = '村口路灯坏了') {
  const res = await backend.call(by.openid, 'matters', 'raiseMatter', {
    title,
    body: '晚上看不见路，老人出门不方便。',
    photos: [],
  })
  return data(res).matterId
}

async function detail(matterId: string, as = CAST.resident): Promise<MatterDetail> {
  return data(await backend.call(as.openid, 'matters', 'getMatter', { matterId }))
}

/**
 * The talk day arrives: the matter and its agenda slot move to today, the emulator's fixed clock
 * (TEST_NOW: Saturday 2026-11-21 in Shanghai).
 */
async function talkDayIsToday(id: string) {
  const today = '2026-11-21'
  const { data: slots } = await backend.db
    .collection(COLLECTION.agendaSlots)
    .where({ matterId: id })
    .get()
  for (const { _id, ...slot } of slots as Array<Record<string, unknown>>) {
    await backend.db.collection(COLLECTION.agendaSlots).doc(String(_id)).remove()
    await backend.db
      .collection(COLLECTION.agendaSlots)
      .doc(`${String(slot.villageId)}_${today}_${String(slot.slot)}`)
      .set({ ...slot, date: today })
  }
  await backend.db.collection(COLLECTION.matters).doc(id).update({ talkDay: today })
  return today
}

async function matterDoc(id: string) {
  const { data: rows } = await backend.db.collection(COLLECTION.matters).doc(id).get()
  return (rows as Array<Record<string, unknown>>)[0]
}

describe('the main road: 民事民提 → 民事民议 → 民事民决 → 民事民办 → 民意测评', () => {
  let id: string

  it('raised: 待受理, with a response deadline three days ahead', async () => {
    id = await raise()
    const m = await matterDoc(id)
    expect(m.status).toBe('raised')
    const days =
      (new Date(m.respondBy as Date).getTime() - new Date(m.raisedAt as Date).getTime()) / 86400e3
    expect(days).toBe(3)
    const d = await detail(id)
    expect(d.can).toContain('withdrawMatter')
    expect(d.overdue).toBe(false)
  })

  it('accepted by the committee onto the next 说事日', async () => {
    const res = data(
      await backend.call(CAST.committee.openid, 'matters', 'acceptMatter', {
        category: 'other',
        matterId: id,
      }),
    )
    // TEST_NOW is Saturday 2026-11-21 in Shanghai: the next talk day is Tuesday the 24th.
    expect(res.talkDay).toBe('2026-11-24')
    const { data: slots } = await backend.db
      .collection(COLLECTION.agendaSlots)
      .where({ villageId: CAST.committee.villageId, date: res.talkDay })
      .get()
    expect((slots as Array<{ matterId: string }>).map((s) => s.matterId)).toEqual([id])
  })

  it('before its talk day neither minutes nor the discussion can start', async () => {
    const talkDay = (await matterDoc(id)).talkDay as string
    const early = await backend.call(CAST.moderator.openid, 'matters', 'startDiscussion', {
      matterId: id,
    })
    expect(early).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: `这件事排在 ${talkDay} 说事日，到那天才能开始议事。` },
    })
    const minutes = await backend.call(CAST.moderator.openid, 'matters', 'recordMinutes', {
      matterId: id,
      talkDay,
      text: '提前写的纪要。',
    })
    expect(minutes).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await matterDoc(id)).toMatchObject({ status: 'accepted' })
  })

  it('on its talk day the moderator records minutes and starts the discussion: 议事中', async () => {
    const talkDay = await talkDayIsToday(id)
    data(
      await backend.call(CAST.moderator.openid, 'matters', 'recordMinutes', {
        matterId: id,
        talkDay,
        text: '大家同意尽快修。',
      }),
    )
    data(await backend.call(CAST.moderator.openid, 'matters', 'startDiscussion', { matterId: id }))
    expect((await matterDoc(id)).status).toBe('discussing')
  })

  it('the committee records the decision: 已决议', async () => {
    data(
      await backend.call(CAST.committee.openid, 'matters', 'recordDecision', {
        matterId: id,
        decision: '村集体出钱换两盏新灯。',
      }),
    )
    expect(await matterDoc(id)).toMatchObject({
      status: 'decided',
      decision: '村集体出钱换两盏新灯。',
    })
  })

  it('handling is assigned; the handler reports progress and resolves it', async () => {
    data(
      await backend.call(CAST.committee.openid, 'matters', 'assignHandling', {
        matterId: id,
        handlerId: CAST.resident2._id,
        deadline: '2026-12-14',
      }),
    )
    data(
      await backend.call(CAST.resident2.openid, 'matters', 'reportProgress', {
        matterId: id,
        text: '灯已经买好了。',
        photos: [],
      }),
    )
    data(
      await backend.call(CAST.resident2.openid, 'matters', 'resolveMatter', {
        matterId: id,
        outcome: '两盏灯都换好了，晚上亮了。',
      }),
    )
    const m = await matterDoc(id)
    expect(m.status).toBe('resolved')
    expect((m.handling as { reports: unknown[] }).reports).toHaveLength(1)
  })

  it('members rate once each; the average shows', async () => {
    data(
      await backend.call(CAST.resident.openid, 'matters', 'rateMatter', { matterId: id, score: 5 }),
    )
    data(
      await backend.call(CAST.representative.openid, 'matters', 'rateMatter', {
        matterId: id,
        score: 4,
        comment: '很快',
      }),
    )
    const again = await backend.call(CAST.resident.openid, 'matters', 'rateMatter', {
      matterId: id,
      score: 1,
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const d = await detail(id)
    expect(d.rating).toEqual({ count: 2, average: 4.5, ratedByMe: true })
  })

  it('cannot be closed during the rating window; can after it', async () => {
    const early = await backend.call(CAST.moderator.openid, 'matters', 'closeMatter', {
      matterId: id,
    })
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    await backend.db
      .collection(COLLECTION.matters)
      .doc(id)
      .update({ ratingEndsAt: new Date(TEST_NOW.getTime() - 1000) })
    data(await backend.call(CAST.moderator.openid, 'matters', 'closeMatter', { matterId: id }))
    expect((await matterDoc(id)).status).toBe('closed')
  })

  it('every status change is on the timeline, newest first, with who and when; ratings only counted', async () => {
    const d = await detail(id)
    const changes = d.timeline.filter((e) => e.to).map((e) => `${e.from ?? ''}>${e.to}`)
    expect(changes.reverse()).toEqual([
      '>raised',
      'raised>accepted',
      'accepted>discussing',
      'discussing>decided',
      'decided>handling',
      'handling>resolved',
      'resolved>closed',
    ])
    const acts = d.timeline.map((e) => e.action)
    expect(acts).toEqual(expect.arrayContaining(['recordMinutes', 'reportProgress', 'closeMatter']))
    // Who rated and how stays off the timeline: the detail counts the ratings.
    expect(acts).not.toContain('rateMatter')
    expect(JSON.stringify(d.timeline)).not.toMatch(/星/)
    expect(d.rating).toEqual({ count: 2, average: 4.5, ratedByMe: true })
    expect(d.timelineCursor).toBeUndefined()
    for (const e of d.timeline) {
      expect(e.actorName).toMatch(/^村民/)
      expect(Number.isNaN(Date.parse(e.at))).toBe(false)
    }
    const m = await matterDoc(id)
    expect(Object.keys(m.statusAt as object).sort()).toEqual(
      ['accepted', 'closed', 'decided', 'discussing', 'handling', 'raised', 'resolved'].sort(),
    )
  })
})

describe('side roads', () => {
  it('declined with a reason the raiser sees', async () => {
    const id = await raise()
    data(
      await backend.call(CAST.committee.openid, 'matters', 'declineMatter', {
        matterId: id,
        reason: '这是镇上管的事，已帮您转给镇政府。',
      }),
    )
    const d = await detail(id)
    expect(d).toMatchObject({
      status: 'declined',
      declineReason: '这是镇上管的事，已帮您转给镇政府。',
    })
    expect(d.timeline[0]).toMatchObject({ from: 'raised', to: 'declined' })
  })

  it('withdrawn by its raiser, and only by them, only before acceptance', async () => {
    const id = await raise()
    const other = await backend.call(CAST.resident2.openid, 'matters', 'withdrawMatter', {
      matterId: id,
    })
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    data(await backend.call(CAST.resident.openid, 'matters', 'withdrawMatter', { matterId: id }))
    expect((await matterDoc(id)).status).toBe('withdrawn')
    const late = await backend.call(CAST.committee.openid, 'matters', 'acceptMatter', {
      category: 'other',
      matterId: id,
    })
    expect(late).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '这件事现在是“已撤回”，不能受理。' },
    })
  })

  it('merged into another matter; both timelines say so', async () => {
    const a = await raise(CAST.resident, '路灯坏了')
    const b = await raise(CAST.resident2, '村口太黑')
    const waiting = await backend.call(CAST.committee.openid, 'matters', 'mergeMatter', {
      matterId: b,
      intoId: a,
    })
    expect(waiting).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '要合并到的事项还是“待受理”，请先受理它。' },
    })
    data(
      await backend.call(CAST.committee.openid, 'matters', 'acceptMatter', {
        category: 'other',
        matterId: a,
      }),
    )
    data(
      await backend.call(CAST.committee.openid, 'matters', 'mergeMatter', {
        matterId: b,
        intoId: a,
      }),
    )
    expect(await matterDoc(b)).toMatchObject({ status: 'merged', mergedInto: a })
    const into = await detail(a)
    expect(into.timeline[0]).toMatchObject({ action: 'mergeMatter', note: '合并了“村口太黑”' })
    const self = await backend.call(CAST.committee.openid, 'matters', 'mergeMatter', {
      matterId: a,
      intoId: a,
    })
    expect(self).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('urgent (遇事解事): accepted without an agenda, discussed at once', async () => {
    const id = await raise(CAST.resident, '河堤有裂缝')
    const res = data(
      await backend.call(CAST.committee.openid, 'matters', 'acceptMatter', {
        category: 'other',
        matterId: id,
        urgent: true,
      }),
    )
    expect(res.talkDay).toBeUndefined()
    expect(await matterDoc(id)).toMatchObject({ status: 'accepted', urgent: true })
    data(await backend.call(CAST.committee.openid, 'matters', 'startDiscussion', { matterId: id }))
  })

  it('a committee topic (开题) starts accepted, on the next agenda', async () => {
    const res = data(
      await backend.call(CAST.committee.openid, 'matters', 'openTopic', {
        category: 'other',
        title: '明年的村道修缮',
        body: '请大家一起商量先修哪一段。',
        photos: [],
        urgent: false,
      }),
    )
    // TEST_NOW is Saturday 2026-11-21 in Shanghai: the next talk day is Tuesday the 24th.
    expect(res.talkDay).toBe('2026-11-24')
    expect(await matterDoc(res.matterId)).toMatchObject({ status: 'accepted', origin: 'committee' })
    const d = await detail(res.matterId)
    expect(d.timeline.at(-1)).toMatchObject({ action: 'openTopic', to: 'accepted' })
  })
})

describe('the agenda (议程)', () => {
  const V = 'village-small'
  const chair = member('small-com', V, ['resident', 'committee'])
  const folk = member('small-res', V, ['resident'])

  beforeAll(() => {
    insert(backend, COLLECTION.villages, [
      village(V, '小村', {
        settings: {
          agendaSize: 2,
          responseDeadlineDays: 3,
          reportThreshold: 3,
          ratingWindowDays: 7,
          pollNoticeDays: 3,
          proxyLimit: 3,
        },
      }),
    ])
    insert(backend, COLLECTION.members, [chair, folk])
  })

  it('a full talk day sends the next matter to the following one; moves and reorders work', async () => {
    const [first, second] = ['2026-11-24', '2026-12-04']
    const ids: string[] = []
    for (let i = 0; i < 3; i += 1) {
      const id = await raise(folk, `第${i + 1}件事`)
      ids.push(id)
      const res = data(
        await backend.call(chair.openid, 'matters', 'acceptMatter', {
          category: 'other',
          matterId: id,
        }),
      )
      expect(res.talkDay).toBe(i < 2 ? first : second)
    }
    const full = await backend.call(chair.openid, 'matters', 'moveAgendaItem', {
      matterId: ids[2],
      talkDay: first,
    })
    expect(full).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })

    data(
      await backend.call(chair.openid, 'matters', 'moveAgendaItem', {
        matterId: ids[0],
        talkDay: second,
      }),
    )
    const day1 = data(await backend.call(folk.openid, 'matters', 'listMatters', { talkDay: first }))
    expect(day1.items.map((m) => m.id)).toEqual([ids[1]])
    const day2 = data(
      await backend.call(folk.openid, 'matters', 'listMatters', { talkDay: second }),
    )
    expect(day2.items.map((m) => m.id)).toEqual([ids[2], ids[0]])

    data(
      await backend.call(chair.openid, 'matters', 'reorderAgenda', {
        talkDay: second,
        matterIds: [ids[0], ids[2]],
      }),
    )
    const again = data(
      await backend.call(folk.openid, 'matters', 'listMatters', { talkDay: second }),
    )
    expect(again.items.map((m) => m.id)).toEqual([ids[0], ids[2]])
    const stale = await backend.call(chair.openid, 'matters', 'reorderAgenda', {
      talkDay: second,
      matterIds: [ids[0]],
    })
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('a date that is not a talk day is refused', async () => {
    const id = await raise(folk, '又一件事')
    const res = await backend.call(chair.openid, 'matters', 'acceptMatter', {
      category: 'other',
      matterId: id,
      talkDay: '2030-01-05',
    })
    expect(res).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '2030-01-05 不是本村的说事日。' },
    })
    expect((await matterDoc(id)).status).toBe('raised')
  })
})
