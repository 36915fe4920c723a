import {
  BAD_FOUNDING_CODE,
  FOUNDING_CODE_LENGTH,
  formatFoundingCode,
  foundingCodeFrom,
  isFoundingCode,
  normaliseFoundingCode,
  NO_FOUNDING_CODE,
} from '../../../domain/village/foundingCode'
import { VILLAGE_CREATE, VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { parseInput } from '../../../domain/shared/validate'

describe('村委会启用码 (founding codes)', () => {
  it('are twelve characters of the invite codes’ alphabet, printed in groups of four', () => {
    expect(FOUNDING_CODE_LENGTH).toBe(12)
    expect(formatFoundingCode('K7PM4XQ29TRW')).toBe('K7PM-4XQ2-9TRW')
  })

  it.each([
    ['K7PM-4XQ2-9TRW', 'K7PM4XQ29TRW'],
    ['k7pm 4xq2 9trw', 'K7PM4XQ29TRW'],
    ['ｋ７ｐｍ－４ｘｑ２－９ｔｒｗ', 'K7PM4XQ29TRW'],
    [' K7PM—4XQ2–9TRW ', 'K7PM4XQ29TRW'],
  ])('%j is typed as %j', (typed, code) => {
    expect(normaliseFoundingCode(typed)).toBe(code)
  })

  it.each([
    ['K7PM4XQ29TRW', true],
    ['222222222222', true],
    ['K7PM4XQ29TR', false],
    ['K7PM4XQ29TRWW', false],
    ['K7PM4XQ29TR0', false],
    ['K7PM4XQ29TRI', false],
    ['K7PM-4XQ2-9TRW', false],
    ['k7pm4xq29trw', false],
  ])('%j is a code: %s', (code, ok) => {
    expect(isFoundingCode(code)).toBe(ok)
  })

  it('maps each random byte’s low five bits to a character', () => {
    expect(foundingCodeFrom([0, 1, 31, 32, 255, 8, 7, 100, 200, 64, 65, 30])).toBe('23Z2ZA96A23Y')
    expect(() => foundingCodeFrom([1, 2, 3, 4, 5, 6])).toThrow(RangeError)
  })

  it('claimVillage takes a code as typed and refuses a malformed one in Chinese', () => {
    const claim = { name: '周书记', householdNo: '001', phone: '' }
    expect(parseInput(VILLAGE_SCHEMAS.claimVillage, { ...claim, code: 'k7pm-4xq2-9trw' })).toEqual({
      ...claim,
      code: 'K7PM4XQ29TRW',
    })
    expect(() => parseInput(VILLAGE_SCHEMAS.claimVillage, claim)).toThrow(NO_FOUNDING_CODE)
    for (const bad of ['K7PM-4XQ2', 'K7PM-4XQ2-9TRO', 12, 'K'.repeat(65)]) {
      expect(() => parseInput(VILLAGE_SCHEMAS.claimVillage, { ...claim, code: bad })).toThrow(
        BAD_FOUNDING_CODE,
      )
    }
  })
})

describe('a new village’s name and talk days (village:create)', () => {
  it('are normalised and sorted', () => {
    expect(parseInput(VILLAGE_CREATE, { name: ' 青石村 ', talkDays: [24, 4, 14, 4] })).toEqual({
      name: '青石村',
      talkDays: [4, 14, 24],
    })
  })

  it.each([
    [{ name: '', talkDays: [4] }, '请填写村名'],
    [{ name: '村'.repeat(31), talkDays: [4] }, '村名不能超过 30 个字'],
    [{ name: '青石村', talkDays: [] }, '说事日设置有误：至少要有一天'],
    [{ name: '青石村', talkDays: [4, 32] }, '说事日设置有误：“32”不是 1 到 31 之间的日子'],
    [{ name: '青石村', talkDays: ['x'] }, '说事日应当是 1 到 31 之间的日子'],
  ])('%j is refused: %s', (input, message) => {
    expect(() => parseInput(VILLAGE_CREATE, input)).toThrow(message)
  })
})
