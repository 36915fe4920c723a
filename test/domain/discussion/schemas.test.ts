import * as fc from 'fast-check'
import { DISCUSSION_SCHEMAS } from '../../../domain/discussion/schemas'
import { listedWordsIn, normalizeForCheck } from '../../../domain/discussion/words'
import { DomainError } from '../../../domain/shared/errors'
import { parseInput } from '../../../domain/shared/validate'

describe('discussion schemas', () => {
  it('trims text and drops unknown fields (an OPENID in the payload never gets through)', () => {
    expect(
      parseInput(DISCUSSION_SCHEMAS.postStatement, {
        matterId: 'm1',
        text: '  说两句 ',
        openid: 'x',
        authorId: 'y',
      }),
    ).toEqual({ matterId: 'm1', text: '说两句' })
  })

  it('500 characters pass, 501 do not; an emoji is one character', () => {
    const ok = { statementId: 's1', text: '😀'.repeat(500) }
    expect(parseInput(DISCUSSION_SCHEMAS.editStatement, ok).text).toHaveLength(1000)
    expect(() =>
      parseInput(DISCUSSION_SCHEMAS.editStatement, { statementId: 's1', text: '议'.repeat(501) }),
    ).toThrow('发言不能超过 500 个字')
  })

  it('defaults: a report without a reason, a list without a limit', () => {
    expect(parseInput(DISCUSSION_SCHEMAS.reportStatement, { statementId: 's1' })).toEqual({
      statementId: 's1',
      reason: '',
    })
    expect(parseInput(DISCUSSION_SCHEMAS.listStatements, { matterId: 'm1' })).toEqual({
      matterId: 'm1',
      limit: 20,
    })
  })

  it('any payload either parses or is refused with INVALID_INPUT (never another error)', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 600 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
    )
    const payload = fc.record(
      {
        matterId: value,
        statementId: value,
        text: value,
        replyTo: value,
        reason: value,
        cursor: value,
        limit: value,
        openid: value,
      },
      { requiredKeys: [] },
    )
    for (const schema of Object.values(DISCUSSION_SCHEMAS)) {
      fc.assert(
        fc.property(fc.oneof(payload, value), (input) => {
          try {
            parseInput(schema, input)
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError)
            expect((e as DomainError).code).toBe('INVALID_INPUT')
          }
        }),
        { numRuns: 300 },
      )
    }
  })
})

describe('word list', () => {
  it('folds width, case, spaces and punctuation', () => {
    expect(normalizeForCheck('Ａ b，。c！ d')).toBe('abcd')
  })
  it('finds listed words even when spaced out, and nothing in ordinary speech', () => {
    expect(listedWordsIn('你 是 傻·逼')).toEqual(['傻逼'])
    expect(listedWordsIn('村口的路灯坏了，请村委会尽快修一修。')).toEqual([])
  })
})
