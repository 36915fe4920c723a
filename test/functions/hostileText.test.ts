/**
 * Hostile text in every free-text field of every function, through the emulator: each piece is
 * either refused with a plain message (and nothing at all is written) or stored normalised —
 * never stored as sent. The expected stored text and messages are written out here by hand.
 */
import { COLLECTION } from '../../cloudfunctions/_shared/collections'
import type { Member } from '../../types/model/member'
import type { Statement } from '../../types/model/statement'
import { TEST_NOW, type Backend } from './support/backend'
import {
  discussionBackend,
  matterIn,
  OPEN_MATTER,
  seedStatements,
  snapshot,
  statementBy,
  WRITER,
} from './support/discussionFixtures'
import { CAST, insert, member, VILLAGE_A } from './support/fixtures'

let backend: Backend
beforeAll(async () => {
  backend = await discussionBackend()
})
afterAll(() => backend.close())

const DAY = 86400e3
const MARKS = '\u0336'

/** What to send, and what must come of it, for a one-line and a many-line field. */
interface HostileCase {
  name: string
  raw: string
  /** Stored as (one-line field, many-line field); 'empty' / 'unreadable': refused, or '' when optional. */
  oneLine: string | 'empty' | 'unreadable'
  multiline: string | 'empty' | 'unreadable'
}

const CASES: HostileCase[] = [
  {
    name: 'three zero-width spaces',
    raw: '\u200b\u200b\u200b',
    oneLine: 'empty',
    multiline: 'empty',
  },
  { name: 'bidi isolates only', raw: ' \u2066\u2067\u3000', oneLine: 'empty', multiline: 'empty' },
  { name: 'NUL', raw: '路灯\u0000坏了', oneLine: 'unreadable', multiline: 'unreadable' },
  {
    name: 'an escape sequence',
    raw: '路灯\u001b[2J',
    oneLine: 'unreadable',
    multiline: 'unreadable',
  },
  { name: 'a lone surrogate', raw: '路灯\ud83d', oneLine: 'unreadable', multiline: 'unreadable' },
  {
    name: 'a right-to-left override',
    raw: '\u202e路灯坏了',
    oneLine: '路灯坏了',
    multiline: '路灯坏了',
  },
  {
    name: 'zero-width characters inside',
    raw: ' 路\u200b灯\ufeff坏\u200d了 ',
    oneLine: '路灯坏了',
    multiline: '路灯坏了',
  },
  {
    name: '499 combining marks',
    raw: `路${MARKS.repeat(499)}灯`,
    oneLine: `路${MARKS.repeat(4)}灯`,
    multiline: `路${MARKS.repeat(4)}灯`,
  },
  {
    name: 'decomposed letters (NFC)',
    raw: 'cafe\u0301路灯',
    oneLine: 'café路灯',
    multiline: 'café路灯',
  },
  {
    name: 'line breaks and tabs',
    raw: '路灯\r\n\r\n\r\n坏了\t ',
    oneLine: '路灯 坏了',
    multiline: '路灯\n\n坏了',
  },
  { name: 'tag characters', raw: '路灯\u{e0069}\u{e0067}', oneLine: '路灯', multiline: '路灯' },
]

type Arranged = {
  payload: Record<string, unknown>
  /** Where the text ends up, read after an accepted call. */
  stored: (data: Record<string, unknown>) => Promise<unknown>
}

interface Field {
  fn: 'matters' | 'discussion' | 'village'
  action: string
  /** The payload key of the free text. */
  key: string
  label: string
  multiline?: boolean
  optional?: boolean
  caller: (i: number) => string
  arrange: (i: number, text: string) => Arranged
}

async function doc(collection: string, id: unknown): Promise<Record<string, unknown>> {
  const found = (await backend.all(collection)).find((d) => d._id === id)
  if (!found) throw new Error(`${collection}/${String(id)} not stored`)
  return found
}

const matter = (id: unknown) => doc(COLLECTION.matters, id)
const statement = (id: unknown) => doc(COLLECTION.statements, id)

/** A fresh matter of village A in `status` for one case. */
function seedMatter(id: string, status: Parameters<typeof matterIn>[1], over = {}): string {
  insert(backend, COLLECTION.matters, [matterIn(id, status, VILLAGE_A, over)])
  return id
}

function seedStatement(s: Statement): string {
  seedStatements(backend, [s])
  return s._id
}

const handling = {
  handlerId: CAST.resident2._id,
  handlerName: CAST.resident2.name,
  deadline: '2099-12-31',
  assignedAt: new Date('2026-02-01T00:00:00Z'),
  reports: [],
}

/** Posting is rate-limited per member: the posting cases take turns among village A's members. */
const POSTERS: Member[] = [
  CAST.resident,
  CAST.resident2,
  CAST.representative,
  CAST.committee,
  CAST.moderator,
  CAST.legalOfficer,
]

const FIELDS: Field[] = [
  ...(['raiseMatter', 'openTopic'] as const).flatMap((action): Field[] => {
    const caller = () => (action === 'raiseMatter' ? CAST.resident : CAST.committee).openid
    const base = action === 'openTopic' ? { urgent: true, category: 'other' } : {}
    return [
      {
        fn: 'matters',
        action,
        key: 'title',
        label: '标题',
        caller,
        arrange: (_i, title) => ({
          payload: { ...base, title, body: '内容' },
          stored: async (data) => (await matter(data.matterId)).title,
        }),
      },
      {
        fn: 'matters',
        action,
        key: 'body',
        label: '内容',
        multiline: true,
        caller,
        arrange: (_i, body) => ({
          payload: { ...base, title: '标题', body },
          stored: async (data) => (await matter(data.matterId)).body,
        }),
      },
    ]
  }),
  {
    fn: 'matters',
    action: 'declineMatter',
    key: 'reason',
    label: '不予受理的理由',
    caller: () => CAST.committee.openid,
    arrange: (i, reason) => {
      const id = seedMatter(`ht-decline-${i}`, 'raised')
      return {
        payload: { matterId: id, reason },
        stored: async () => (await matter(id)).declineReason,
      }
    },
  },
  {
    fn: 'matters',
    action: 'recordDecision',
    key: 'decision',
    label: '决议',
    multiline: true,
    caller: () => CAST.committee.openid,
    arrange: (i, decision) => {
      const id = seedMatter(`ht-decide-${i}`, 'discussing')
      return {
        payload: { matterId: id, decision },
        stored: async () => (await matter(id)).decision,
      }
    },
  },
  {
    fn: 'matters',
    action: 'reportProgress',
    key: 'text',
    label: '办理进展',
    multiline: true,
    caller: () => CAST.committee.openid,
    arrange: (i, text) => {
      const id = seedMatter(`ht-progress-${i}`, 'handling', { handling })
      return {
        payload: { matterId: id, text },
        stored: async () => {
          const h = (await matter(id)).handling as { reports: Array<{ text: string }> }
          return h.reports[0]?.text
        },
      }
    },
  },
  {
    fn: 'matters',
    action: 'resolveMatter',
    key: 'outcome',
    label: '办理结果',
    multiline: true,
    caller: () => CAST.committee.openid,
    arrange: (i, outcome) => {
      const id = seedMatter(`ht-resolve-${i}`, 'handling', { handling })
      return {
        payload: { matterId: id, outcome },
        stored: async () => (await matter(id)).outcome,
      }
    },
  },
  {
    fn: 'matters',
    action: 'rateMatter',
    key: 'comment',
    label: '评价',
    optional: true,
    caller: () => CAST.resident.openid,
    arrange: (i, comment) => {
      const id = seedMatter(`ht-rate-${i}`, 'resolved', {
        handling,
        ratingEndsAt: new Date(TEST_NOW.getTime() + 7 * DAY),
      })
      return {
        payload: { matterId: id, score: 4, comment },
        // An empty comment is not stored at all.
        stored: async () =>
          (await doc(COLLECTION.ratings, `${id}_${CAST.resident._id}`)).comment ?? '',
      }
    },
  },
  {
    fn: 'matters',
    action: 'recordMinutes',
    key: 'text',
    label: '会议纪要',
    multiline: true,
    caller: () => CAST.moderator.openid,
    arrange: (i, text) => {
      // One past talk day per case (minutes are recorded from the talk day on), each with its
      // own agenda: one slot `<villageId>_<date>_1` holding the case's matter.
      const date = `${2000 + i}-11-04`
      const id = seedMatter(`ht-minutes-${i}`, 'accepted', { talkDay: date })
      const slotId = `${VILLAGE_A}_${date}_1`
      insert(backend, COLLECTION.agendaSlots, [
        {
          _id: slotId,
          villageId: VILLAGE_A,
          date,
          slot: 1,
          matterId: id,
          position: 1,
          placedAt: new Date(0),
        },
      ])
      return {
        payload: { matterId: id, talkDay: date, text },
        stored: async () => {
          const minutes = (await doc(COLLECTION.agendaSlots, slotId)).minutes as
            { text: string } | undefined
          return minutes?.text
        },
      }
    },
  },
  {
    fn: 'discussion',
    action: 'postStatement',
    key: 'text',
    label: '发言',
    multiline: true,
    caller: (i) => (POSTERS[i % POSTERS.length] as Member).openid,
    arrange: (_i, text) => ({
      payload: { matterId: OPEN_MATTER, text },
      stored: async (data) => (await statement(data.statementId)).text,
    }),
  },
  {
    fn: 'discussion',
    action: 'editStatement',
    key: 'text',
    label: '发言',
    multiline: true,
    caller: () => CAST.resident.openid,
    arrange: (_i, text) => {
      // Posted two minutes ago: still editable, and outside the posting rate window.
      const id = seedStatement(statementBy(CAST.resident, OPEN_MATTER, { agoMs: 120_000 }))
      return { payload: { statementId: id, text }, stored: async () => (await statement(id)).text }
    },
  },
  {
    fn: 'discussion',
    action: 'reportStatement',
    key: 'reason',
    label: '举报理由',
    optional: true,
    caller: () => CAST.resident.openid,
    arrange: (_i, reason) => {
      const id = seedStatement(statementBy(WRITER, OPEN_MATTER, { agoMs: 120_000 }))
      return {
        payload: { statementId: id, reason },
        stored: async () =>
          (await backend.all(COLLECTION.statementReports)).find((r) => r.statementId === id)
            ?.reason,
      }
    },
  },
  {
    fn: 'discussion',
    action: 'hideStatement',
    key: 'reason',
    label: '理由',
    caller: () => CAST.moderator.openid,
    arrange: (_i, reason) => {
      const id = seedStatement(statementBy(WRITER, OPEN_MATTER, { agoMs: 120_000 }))
      return {
        payload: { statementId: id, reason },
        stored: async () => ((await statement(id)).hiding as { reason: string }).reason,
      }
    },
  },
  {
    fn: 'discussion',
    action: 'restoreStatement',
    key: 'reason',
    label: '理由',
    caller: () => CAST.moderator.openid,
    arrange: (_i, reason) => {
      const id = seedStatement(
        statementBy(WRITER, OPEN_MATTER, {
          agoMs: 120_000,
          hidden: true,
          hiding: { by: 'reports', at: new Date(TEST_NOW.getTime() - 60_000), pendingReview: true },
        }),
      )
      return {
        payload: { statementId: id, reason },
        stored: async () => {
          const records = (await backend.all(COLLECTION.auditLogs)).filter(
            (r) => r.subjectId === id && r.action === 'restoreStatement',
          )
          return records[0]?.note
        },
      }
    },
  },
  {
    fn: 'village',
    action: 'requestJoin',
    key: 'name',
    label: '姓名',
    caller: (i) => `openid-hostile-join-${i}`,
    arrange: (i, name) => ({
      payload: { villageId: VILLAGE_A, name, householdNo: '001' },
      stored: async () =>
        (await backend.all(COLLECTION.members)).find((m) => m.openid === `openid-hostile-join-${i}`)
          ?.name,
    }),
  },
  {
    fn: 'village',
    action: 'declineMember',
    key: 'reason',
    label: '不通过的理由',
    caller: () => CAST.committee.openid,
    arrange: (i, reason) => {
      const applicant = member(`ht-pen-${i}`, VILLAGE_A, ['resident'], { status: 'pending' })
      insert(backend, COLLECTION.members, [applicant])
      return {
        payload: { memberId: applicant._id, reason },
        stored: async () => (await doc(COLLECTION.members, applicant._id)).declineReason,
      }
    },
  },
  {
    fn: 'village',
    action: 'updateVillage',
    key: 'name',
    label: '村名',
    caller: () => CAST.committee.openid,
    arrange: (_i, name) => ({
      payload: { name },
      stored: async () => (await doc(COLLECTION.villages, VILLAGE_A)).name,
    }),
  },
]

function expectedOf(field: Field, c: HostileCase) {
  const outcome = field.multiline ? c.multiline : c.oneLine
  if (outcome === 'empty') {
    return field.optional ? { stored: '' } : { refused: `请填写${field.label}` }
  }
  if (outcome === 'unreadable') {
    return { refused: `${field.label}里有无法显示的字符，请删掉后重新输入` }
  }
  return { stored: outcome }
}

const TABLE = FIELDS.flatMap((field) =>
  CASES.map((c, i) => [`${field.fn}.${field.action} ${field.key}`, c.name, field, c, i] as const),
)

describe('hostile text in every free-text field', () => {
  it('the cases are hostile: none would be stored as sent', () => {
    for (const c of CASES) {
      expect([c.oneLine, c.multiline]).not.toContain(c.raw)
    }
  })

  it.each(TABLE)('%s: %s', async (_field, _case, field, c, i) => {
    const { payload, stored } = field.arrange(i, c.raw)
    const before = await snapshot(backend)
    const res = await backend.call(
      field.caller(i),
      field.fn,
      field.action as never,
      { ...payload, [field.key]: c.raw } as never,
    )
    const expected = expectedOf(field, c)
    if ('refused' in expected) {
      expect(res).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expected.refused },
      })
      expect(await snapshot(backend)).toEqual(before)
    } else {
      expect(res).toEqual({ ok: true, data: expect.anything() })
      const data = (res as { data: Record<string, unknown> }).data
      expect(await stored(data)).toBe(expected.stored)
    }
  })
})

describe('hostile names in a household register (importHouseholds)', () => {
  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const number = `9${String(i).padStart(2, '0')}`
    const cell = c.raw.replace(/"/g, '""')
    const csv = `户号,户主,姓名,是否成年\n${number},"${cell}","${cell}",是\n`
    const res = await backend.call(CAST.committee.openid, 'village', 'importHouseholds', { csv })
    if (!res.ok) throw new Error(res.error.message)
    const data = res.data as { rows: Array<{ row: number; ok: boolean; reason?: string }> }
    const households = (await backend.all(COLLECTION.households)).filter((h) => h.number === number)
    if (c.oneLine === 'empty' || c.oneLine === 'unreadable') {
      const reason =
        c.oneLine === 'empty' ? '户主是空的' : '户主里有无法显示的字符，请删掉后重新输入'
      // The row is skipped with its reason; no household holds the text.
      expect(data.rows).toEqual([{ row: 2, ok: false, reason }])
      expect(households).toEqual([])
    } else {
      expect(data.rows).toEqual([{ row: 2, ok: true }])
      expect(households).toEqual([
        expect.objectContaining({ head: c.oneLine, people: [c.oneLine] }),
      ])
    }
  })
})
