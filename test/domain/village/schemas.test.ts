import * as fc from 'fast-check'
import { VILLAGE_SCHEMAS } from '../../../domain/village/schemas'
import { DomainError } from '../../../domain/shared/errors'
import { fieldErrors, parseInput } from '../../../domain/shared/validate'

describe('VILLAGE_SCHEMAS', () => {
  it('drop unknown fields, such as an OPENID', () => {
    expect(
      parseInput(VILLAGE_SCHEMAS.requestJoin, {
        villageId: 'v',
        name: ' 张三 ',
        householdNo: '001',
        openid: 'someone-else',
      }),
    ).toEqual({ villageId: 'v', name: '张三', householdNo: '001', phone: '' })
  })

  it('normalise 说事日 through domain/talkday', () => {
    expect(parseInput(VILLAGE_SCHEMAS.updateVillage, { talkDays: [24, 4, 14, 4] })).toEqual({
      talkDays: [4, 14, 24],
    })
  })

  it('tell a form which field is wrong, in Chinese', () => {
    expect(
      fieldErrors(VILLAGE_SCHEMAS.requestJoin, {
        villageId: 'v',
        name: '',
        householdNo: '3号',
        phone: '110',
      }),
    ).toEqual({
      name: '请填写姓名',
      householdNo: '户号只能由数字、字母和“-”组成，最多 20 个字符',
      phone: '手机号应当是 11 位数字，以 1 开头',
    })
  })

  it('any payload either parses or is INVALID_INPUT with a Chinese message (fuzz)', () => {
    const schemas = Object.values(VILLAGE_SCHEMAS)
    fc.assert(
      fc.property(
        fc.constantFrom(...schemas),
        fc.oneof(
          fc.anything(),
          fc.dictionary(
            fc.constantFrom('villageId', 'name', 'householdNo', 'phone', 'memberId', 'roles'),
            fc.anything(),
          ),
          fc.record({
            talkDays: fc.array(fc.oneof(fc.integer(), fc.double(), fc.string())),
            settings: fc.dictionary(fc.string(), fc.anything()),
            counts: fc.object(),
          }),
        ),
        (schema, payload) => {
          try {
            parseInput(schema, payload)
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError)
            expect((e as DomainError).code).toBe('INVALID_INPUT')
            expect((e as DomainError).message).toMatch(/[\u4e00-\u9fff]/)
          }
        },
      ),
      { numRuns: 2000 },
    )
  })
})
