import {
  BAD_INVITE_CODE,
  INVITE_CODE_ALPHABET,
  INVITE_CODE_LENGTH,
  inviteCodeFrom,
  isInviteCode,
  normaliseInviteCode,
} from '../../../domain/village/inviteCode'
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { parseInput } from '../../../domain/shared/validate'

describe('invite codes (邀请码)', () => {
  it('are six of 32 characters: digits and capitals without 0, O, 1 and I', () => {
    expect(INVITE_CODE_ALPHABET).toBe('23456789ABCDEFGHJKLMNPQRSTUVWXYZ')
    expect(INVITE_CODE_LENGTH).toBe(6)
  })

  it.each([
    ['4xq9tr', '4XQ9TR'],
    [' 4XQ-9TR ', '4XQ9TR'],
    ['4xq 9tr', '4XQ9TR'],
    ['４ＸＱ９ＴＲ', '4XQ9TR'],
    ['4XQ—9TR', '4XQ9TR'],
    ['4XQ\u30009TR', '4XQ9TR'],
  ])('%j is typed as %j', (typed, code) => {
    expect(normaliseInviteCode(typed)).toBe(code)
  })

  it.each([
    ['4XQ9TR', true],
    ['234567', true],
    ['ZZZZZZ', true],
    ['4XQ9T', false],
    ['4XQ9TRR', false],
    ['4XQ0TR', false],
    ['4XQOTR', false],
    ['4XQ1TR', false],
    ['4XQITR', false],
    ['4xq9tr', false],
    ['', false],
  ])('%j is a code: %s', (code, ok) => {
    expect(isInviteCode(code)).toBe(ok)
  })

  it('maps each random byte’s low five bits to a character', () => {
    expect(inviteCodeFrom([0, 1, 31, 32, 255, 8])).toBe('23Z2ZA')
    expect(inviteCodeFrom([7, 100, 200, 64, 65, 30, 99])).toBe('96A23Y')
    expect(() => inviteCodeFrom([1, 2, 3])).toThrow(RangeError)
  })

  it('listVillages takes a code as typed, and refuses a malformed one in Chinese', () => {
    expect(parseInput(VILLAGE_SCHEMAS.listVillages, { inviteCode: '4xq-9tr' })).toEqual({
      inviteCode: '4XQ9TR',
      q: undefined,
    })
    for (const bad of ['4XQ0TR', 'ABC', 123, '4XQ9TR4XQ9TR']) {
      expect(() => parseInput(VILLAGE_SCHEMAS.listVillages, { inviteCode: bad })).toThrow(
        BAD_INVITE_CODE,
      )
    }
    expect(BAD_INVITE_CODE).toMatch(/[\u4e00-\u9fff]/)
  })
})
