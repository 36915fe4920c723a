/** Writing CSV (domain/shared/csv.ts): quoting, defusing formulas, the file's BOM and CRLF. */
import { BOM, csvField, csvFile, csvLine, defuseFormula } from '../../../domain/shared/csv'
import { parseCsv } from '../../../domain/village/csv'

describe('csvField', () => {
  it('leaves a plain field as it is', () => {
    expect(csvField('王秀英')).toBe('王秀英')
    expect(csvField('')).toBe('')
  })

  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvField('一组, 二组')).toBe('"一组, 二组"')
    expect(csvField('他说"好"')).toBe('"他说""好"""')
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"')
    expect(csvField('a\r\nb')).toBe('"a\r\nb"')
  })

  it('quotes a space at either end, so a spreadsheet keeps it', () => {
    expect(csvField(' 前')).toBe('" 前"')
    expect(csvField('后 ')).toBe('"后 "')
  })
})

describe('defuseFormula', () => {
  it('puts a quote mark before =, +, -, @, tab and carriage return first', () => {
    expect(defuseFormula('=1+1')).toBe("'=1+1")
    expect(defuseFormula('+86 138')).toBe("'+86 138")
    expect(defuseFormula('-2')).toBe("'-2")
    expect(defuseFormula('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(defuseFormula('\t=1')).toBe("'\t=1")
    expect(defuseFormula('\r=1')).toBe("'\r=1")
  })

  it('leaves such characters alone anywhere but first', () => {
    expect(defuseFormula('1+1=2')).toBe('1+1=2')
    expect(defuseFormula('张三@二组')).toBe('张三@二组')
  })
})

describe('csvLine and csvFile', () => {
  it('a line ends with CRLF; a file starts with the byte-order mark', () => {
    expect(csvLine(['a', 'b,c'])).toBe('a,"b,c"\r\n')
    expect(
      csvFile([
        ['月份', '村'],
        ['2026-11', '东村'],
      ]),
    ).toBe(`${BOM}月份,村\r\n2026-11,东村\r\n`)
    expect(BOM).toBe('\uFEFF')
  })

  it('reads back as written (the reader drops the byte-order mark)', () => {
    const records = [
      ['a', '一, 二', '"引"', '多\n行'],
      ['', ' x ', "'=1", 'z'],
    ]
    expect(parseCsv(csvFile(records))).toEqual(records)
  })
})
