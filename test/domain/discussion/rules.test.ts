import {
  acceptsStatements,
  activeReports,
  assertAcceptsStatements,
  DEFAULT_REPORT_THRESHOLD,
  decodeCursor,
  DELETED_TEXT,
  editableUntil,
  encodeCursor,
  HIDDEN_TEXT,
  hiddenFields,
  mayPostAnother,
  rateWindowStart,
  reportThreshold,
  shouldAutoHide,
  stateOf,
  toStatementItem,
  withinEditWindow,
} from '../../../domain/discussion/rules'
import { STATUS_LABELS } from '../../../domain/matters/lifecycle'
import type { Actor } from '../../../domain/permissions'
import type { MatterStatus } from '../../../types/model/matter'
import type { Statement } from '../../../types/model/statement'

const T0 = new Date('2026-03-04T02:00:00.000Z')
const ms = (n: number) => new Date(T0.getTime() + n)

describe('edit window: 10 minutes from posting, inclusive', () => {
  it.each([
    [0, true],
    [10 * 60_000 - 1, true],
    [10 * 60_000, true],
    [10 * 60_000 + 1, false],
    [60 * 60_000, false],
  ])('%i ms after posting → %s', (after, ok) => {
    expect(withinEditWindow(T0, ms(after))).toBe(ok)
  })
  it('editableUntil is posting time + 10 minutes', () => {
    expect(editableUntil(T0).toISOString()).toBe('2026-03-04T02:10:00.000Z')
  })
})

describe('rate limit: 10 statements per minute', () => {
  it('counts statements after one minute ago', () => {
    expect(rateWindowStart(T0).toISOString()).toBe('2026-03-04T01:59:00.000Z')
  })
  it.each([
    [0, true],
    [9, true],
    [10, false],
    [11, false],
  ])('%i recent → may post another: %s', (recent, ok) => {
    expect(mayPostAnother(recent)).toBe(ok)
  })
})

describe('which matters take statements', () => {
  const open: MatterStatus[] = [
    'accepted',
    'discussing',
    'deciding',
    'decided',
    'handling',
    'resolved',
  ]
  it.each(Object.keys(STATUS_LABELS) as MatterStatus[])('%s', (status) => {
    expect(acceptsStatements(status)).toBe(open.includes(status))
    if (open.includes(status)) expect(() => assertAcceptsStatements(status)).not.toThrow()
    else
      expect(() => assertAcceptsStatements(status)).toThrow(
        expect.objectContaining({ code: 'CONFLICT' }),
      )
  })
  it('says plainly why a raised or closed matter takes none', () => {
    expect(() => assertAcceptsStatements('raised')).toThrow(
      '这件事还在等村委会受理，受理以后才能发言。',
    )
    expect(() => assertAcceptsStatements('closed')).toThrow('这件事已经“已关闭”，不能再发言了。')
  })
})

function statement(over: Partial<Statement> = {}): Statement {
  return {
    _id: 'st1',
    villageId: 'v',
    matterId: 'm',
    authorId: 'author',
    authorName: '张三',
    text: '原话',
    at: T0,
    deleted: false,
    hidden: false,
    ...over,
  }
}
const report = (at: Date) => ({ at })

describe('reports', () => {
  it('threshold: the village setting when sensible, else 3', () => {
    expect(reportThreshold({ reportThreshold: 5 })).toBe(5)
    expect(reportThreshold({ reportThreshold: 1 })).toBe(1)
    for (const bad of [0, -1, 2.5, Number.NaN]) {
      expect(reportThreshold({ reportThreshold: bad })).toBe(DEFAULT_REPORT_THRESHOLD)
    }
    expect(reportThreshold(undefined)).toBe(3)
    expect(reportThreshold({})).toBe(3)
  })

  it('hides at the threshold, not before, and not what is already hidden or deleted', () => {
    expect(shouldAutoHide(statement(), 2, 3)).toBe(false)
    expect(shouldAutoHide(statement(), 3, 3)).toBe(true)
    expect(shouldAutoHide(statement(), 4, 3)).toBe(true)
    expect(shouldAutoHide(statement({ deleted: true }), 3, 3)).toBe(false)
    expect(shouldAutoHide(statement(hiddenFields('reports', T0)), 3, 3)).toBe(false)
  })

  it('after a restore only later reports count', () => {
    const reports = [report(T0), report(ms(1000)), report(ms(2000))]
    expect(activeReports(reports, statement({ restoredAt: ms(1000) }))).toBe(1)
    expect(activeReports(reports, statement())).toBe(3)
    expect(activeReports([], statement())).toBe(0)
  })
})

describe('what each caller sees', () => {
  const actor = (memberId: string, roles: Actor['roles'] = ['resident']): Actor => ({
    memberId,
    villageId: 'v',
    roles,
    status: 'verified',
  })
  const hiddenOne = statement(hiddenFields('reports', T0))

  it('a hidden statement: placeholder for others, text for its author and moderators', () => {
    expect(toStatementItem(hiddenOne, actor('other'), T0).text).toBe(HIDDEN_TEXT)
    expect(toStatementItem(hiddenOne, actor('author'), T0).text).toBe('原话')
    const mod = toStatementItem(hiddenOne, actor('m', ['resident', 'moderator']), T0, 1)
    expect(mod.text).toBe('原话')
    expect(mod.moderation).toEqual({ hiddenBy: 'reports', pendingReview: true, reports: 1 })
    // The committee does not moderate speech.
    expect(toStatementItem(hiddenOne, actor('c', ['resident', 'committee']), T0).text).toBe(
      HIDDEN_TEXT,
    )
  })

  it('a deleted statement reads as deleted to everyone, moderators included', () => {
    const gone = statement({ deleted: true, text: '' })
    expect(toStatementItem(gone, actor('author'), T0)).toMatchObject({
      text: DELETED_TEXT,
      state: 'deleted',
    })
    expect(toStatementItem(gone, actor('m', ['moderator']), T0).moderation).toBeUndefined()
  })

  it('the author sees until when they may edit, while they may', () => {
    expect(toStatementItem(statement(), actor('author'), ms(60_000)).editableUntil).toBe(
      '2026-03-04T02:10:00.000Z',
    )
    expect(toStatementItem(statement(), actor('author'), ms(11 * 60_000))).not.toHaveProperty(
      'editableUntil',
    )
    expect(toStatementItem(statement(), actor('other'), T0)).not.toHaveProperty('editableUntil')
  })

  it('states', () => {
    expect(stateOf(statement())).toBe('visible')
    expect(stateOf(hiddenOne)).toBe('hidden')
    expect(stateOf({ ...hiddenOne, deleted: true })).toBe('deleted')
  })
})

describe('cursor', () => {
  it('round-trips time and id', () => {
    const c = encodeCursor(T0, 'abc_12-3')
    expect(decodeCursor(c)).toEqual({ at: T0, id: 'abc_12-3' })
  })
  it('refuses garbage with INVALID_INPUT', () => {
    expect(() => decodeCursor('nope')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
  })
})
