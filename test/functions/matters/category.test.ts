/**
 * A matter's category and its 四议 steps through the matters function: chosen on acceptance and
 * on opening a topic, shown with its label on the detail, changed only with an audit record and
 * never once a poll on the matter opened; the steps recorded in order and shown; an Art. 24
 * matter refused by recordDecision; a matter stored before categories keeps working.
 */
import { COLLECTION } from '../../../cloudfunctions/_shared/collections'
import type { ActionName, Envelope } from '../../../types/api'
import { startBackend, type Backend } from '../support/backend'
import { CAST, insert, seedCast, storedMatter } from '../support/fixtures'
import { snapshot } from '../support/snapshot'

let backend: Backend
const POLL_OPENED = new Date('2026-11-20T12:00:00Z')

beforeAll(async () => {
  backend = await startBackend()
  await seedCast(backend)
  insert(backend, COLLECTION.matters, [
    storedMatter('c-raised'),
    storedMatter('c-old', { status: 'discussing' }),
    storedMatter('c-art24', { status: 'discussing', category: 'homestead' }),
    storedMatter('c-polled', {
      status: 'deciding',
      category: 'homestead',
      pollOpenedAt: POLL_OPENED,
    }),
  ])
})
afterAll(() => backend.close())

function data<T>(res: Envelope<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${res.error.code}: ${res.error.message}`)
  return res.data
}
const asCommittee = <A extends ActionName<'matters'>>(
  action: A,
  payload: Record<string, unknown>,
) => backend.call(CAST.committee.openid, 'matters', action, payload)
const detail = async (matterId: string) => data(await asCommittee('getMatter', { matterId }))
const stored = async (id: string) =>
  (await backend.all(COLLECTION.matters)).find((m) => m._id === id) as Record<string, unknown>

describe('choosing a category', () => {
  it('acceptMatter stores it; the detail shows its label and the Art. 24 mark', async () => {
    data(
      await asCommittee('acceptMatter', {
        matterId: 'c-raised',
        urgent: true,
        category: 'landCompensation',
      }),
    )
    expect((await stored('c-raised')).category).toBe('landCompensation')
    const d = await detail('c-raised')
    expect(d.category).toEqual({
      key: 'landCompensation',
      label: '征地补偿费使用和分配',
      art24: true,
      clause: '第二十四条第七项',
    })
    expect(d.procedure).toEqual([])
    expect(d.timeline[0]).toMatchObject({
      action: 'acceptMatter',
      to: 'accepted',
      note: '急事急办；类别：征地补偿费使用和分配',
    })
  })

  it('openTopic stores it too', async () => {
    const { matterId } = data(
      await asCommittee('openTopic', {
        title: '清理河道',
        body: '河道淤积',
        photos: [],
        urgent: true,
        category: 'environment',
      }),
    )
    const d = await detail(matterId)
    expect(d.category).toEqual({ key: 'environment', label: '环境卫生', art24: false })
    expect(d.timeline[0]).toMatchObject({ action: 'openTopic', note: '急事急办；类别：环境卫生' })
  })

  it('a matter stored before categories shows none, and may still be decided by the committee', async () => {
    const d = await detail('c-old')
    expect(d.category).toBeUndefined()
    expect(d.can).toContain('recordDecision')
    data(await asCommittee('recordDecision', { matterId: 'c-old', decision: '同意修缮' }))
    expect((await stored('c-old')).status).toBe('decided')
  })
})

describe('changeCategory', () => {
  it('changes it with an audit record naming both categories', async () => {
    data(await asCommittee('changeCategory', { matterId: 'c-raised', category: 'roadsUtilities' }))
    expect((await stored('c-raised')).category).toBe('roadsUtilities')
    const entries = (await backend.all(COLLECTION.auditLogs)).filter(
      (a) => a.action === 'changeCategory' && a.subjectId === 'c-raised',
    )
    expect(entries).toEqual([
      expect.objectContaining({
        subjectType: 'matter',
        actorId: CAST.committee._id,
        from: 'landCompensation',
        to: 'roadsUtilities',
        note: '类别由“征地补偿费使用和分配”改为“道路水电”',
      }),
    ])
    // The fixed clock gives every entry the same instant: find the entry, not its place.
    const d = await detail('c-raised')
    const entry = d.timeline.find((e) => e.action === 'changeCategory')
    expect(entry).toEqual(
      expect.objectContaining({ note: '类别由“征地补偿费使用和分配”改为“道路水电”' }),
    )
    expect(entry?.from).toBeUndefined()
    expect(entry?.to).toBeUndefined()
  })

  it('is refused once a poll on the matter has opened, and writes nothing', async () => {
    const before = await snapshot(backend)
    expect(
      await asCommittee('changeCategory', { matterId: 'c-polled', category: 'other' }),
    ).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '这件事已经开始表决，类别不能再改。' },
    })
    expect(await snapshot(backend)).toEqual(before)
    expect((await detail('c-polled')).can).not.toContain('changeCategory')
  })
})

describe('四议 steps (recordProcedureStep)', () => {
  const stepOf = (step: string, date: string, over: Record<string, unknown> = {}) => ({
    matterId: 'c-art24',
    step,
    date,
    expected: 7,
    present: 6,
    result: '同意',
    note: '',
    ...over,
  })

  it('records the steps in order and shows them on the matter and its timeline', async () => {
    data(
      await asCommittee(
        'recordProcedureStep',
        stepOf('proposal', '2026-11-10', { note: ' 支委 7 人 ' }),
      ),
    )
    data(
      await asCommittee(
        'recordProcedureStep',
        stepOf('consultation', '2026-11-12', { expected: 9, present: 9 }),
      ),
    )
    const d = await detail('c-art24')
    expect(d.procedure).toEqual([
      {
        step: 'proposal',
        label: '党支部会提议',
        date: '2026-11-10',
        expected: 7,
        present: 6,
        result: '同意',
        note: '支委 7 人',
        at: '2026-11-21T01:00:00.000Z',
      },
      {
        step: 'consultation',
        label: '两委会商议',
        date: '2026-11-12',
        expected: 9,
        present: 9,
        result: '同意',
        note: '',
        at: '2026-11-21T01:00:00.000Z',
      },
    ])
    // The fixed clock gives both entries the same instant: compare them as a set.
    const notes = d.timeline.filter((e) => e.action === 'recordProcedureStep').map((e) => e.note)
    expect(notes.sort()).toEqual(
      [
        '两委会商议（2026-11-12）：应到 9 人，实到 9 人；结果：同意',
        '党支部会提议（2026-11-10）：应到 7 人，实到 6 人；结果：同意；支委 7 人',
      ].sort(),
    )
    expect((await stored('c-art24')).procedure).toMatchObject({
      proposal: { by: CAST.committee._id },
      consultation: { by: CAST.committee._id },
    })
  })

  it('refuses, writing nothing: out of order, more present than expected, after a poll opened', async () => {
    const before = await snapshot(backend)
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [
        stepOf('review', '2026-11-11'),
        'INVALID_INPUT',
        '党员大会审议的日期不能早于两委会商议（2026-11-12）。',
      ],
      [
        stepOf('review', '2026-11-15', { present: 8 }),
        'INVALID_INPUT',
        '党员大会审议的实到人数不能多于应到人数。',
      ],
      [
        stepOf('review', '2026-11-15', { matterId: 'c-polled' }),
        'CONFLICT',
        '这件事已经开始表决，四议的步骤应当在表决之前记录。',
      ],
      [
        stepOf('proposal', '2026-11-15', { matterId: 'c-raised' }),
        'CONFLICT',
        '只有村民委员会组织法第二十四条所列的事项才需要记录“四议”，请先确认事项类别。',
      ],
    ]
    for (const [payload, code, message] of cases) {
      expect({ payload, res: await asCommittee('recordProcedureStep', payload) }).toEqual({
        payload,
        res: { ok: false, error: { code, message } },
      })
    }
    expect(await snapshot(backend)).toEqual(before)
  })
})

describe('recordDecision on an Art. 24 matter', () => {
  it('is refused with a plain reason (the assembly or the representatives decide), writing nothing', async () => {
    const before = await snapshot(backend)
    expect(await asCommittee('recordDecision', { matterId: 'c-art24', decision: '同意' })).toEqual({
      ok: false,
      error: {
        code: 'POLL_DESIGN',
        message:
          '这件事属于村民委员会组织法第二十四条所列事项，应当由村民会议或者村民代表会议表决决定，不能由村委会直接记录决议。',
      },
    })
    expect(await snapshot(backend)).toEqual(before)
    expect((await detail('c-art24')).can).not.toContain('recordDecision')
  })
})
