import { wrapText } from '../../../domain/notice/wrap'
import { measure } from './fixture'

const st = { size: 10, weight: 'normal' as const, family: 'sans' as const }

describe('wrapping by measured width', () => {
  it('breaks Chinese between characters', () => {
    // 10 px a character, 40 px a line: four characters.
    expect(wrapText('集体果园承包给谁', st, 40, measure)).toEqual(['集体果园', '承包给谁'])
  })

  it('keeps a number whole and never starts a line with closing punctuation', () => {
    // 到会 (20) + space (5) + 28 (10) = 35 fits 40; 人 would make 45.
    expect(wrapText('到会 28 人，会议有效', st, 40, measure)).toEqual([
      '到会 28',
      '人，会议',
      '有效',
    ])
    // The comma may not start a line: it goes down with 园.
    expect(wrapText('集体果园，承包', st, 40, measure)).toEqual(['集体果', '园，承包'])
  })

  it('keeps an opening bracket with what follows it', () => {
    expect(wrapText('民意征（只供参考）', st, 40, measure)).toEqual(['民意征', '（只供参', '考）'])
  })

  it('breaks a run too long for a line between its characters', () => {
    expect(wrapText('abcdefghij', st, 20, measure)).toEqual(['abcd', 'efgh', 'ij'])
  })
})
