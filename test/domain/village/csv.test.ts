import { parseCsv } from '../../../domain/village/csv'

describe('parseCsv', () => {
  it('splits records and fields', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ])
  })

  it('accepts CRLF, CR and a missing final line break', () => {
    expect(parseCsv('a,b\r\n1,2\r3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ])
  })

  it('drops a leading byte-order mark', () => {
    expect(parseCsv('\uFEFF户号,户主\n001,张三')).toEqual([
      ['户号', '户主'],
      ['001', '张三'],
    ])
  })

  it('reads quoted fields with commas, line breaks and doubled quotes', () => {
    expect(parseCsv('"a,b","say ""hi""","line\nbreak"\n')).toEqual([
      ['a,b', 'say "hi"', 'line\nbreak'],
    ])
  })

  it('keeps empty fields and empty lines as records', () => {
    expect(parseCsv('a,,c\n\n,\n')).toEqual([['a', '', 'c'], [''], ['', '']])
  })

  it('an empty text has no records', () => {
    expect(parseCsv('')).toEqual([])
  })

  it('an unclosed quote is INVALID_INPUT naming the row', () => {
    expect(() => parseCsv('a,b\n"oops,1\n2,3')).toThrow(
      expect.objectContaining({
        name: 'DomainError',
        code: 'INVALID_INPUT',
        message: '表格第 2 行的引号没有配对，请检查后重新导入',
      }),
    )
  })
})
