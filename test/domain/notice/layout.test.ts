/**
 * The notice's drawing operations for a page 1000 px wide (1414 px high: A4), with the tests' own
 * measure (fixture.ts: a Chinese character as wide as its size, ASCII half that). Every position
 * below was worked out by hand from the sizes in layout.ts (shares of the width) and its 1.35
 * leading.
 */
import { noticeContent } from '../../../domain/notice/content'
import { layoutNotice, type DrawOp, type TextOp } from '../../../domain/notice/layout'
import { LINK, POLL, RESULT, measure } from './fixture'

const content = noticeContent({
  poll: POLL,
  matter: { title: '集体果园承包给谁' },
  villageName: '示范村',
  link: LINK,
})

/** A 21 × 21 code with only its two far corners dark. */
const corners = Array.from({ length: 21 }, (_, r) =>
  Array.from({ length: 21 }, (__, c) => (r === 0 && c === 0) || (r === 20 && c === 20)),
)

const t = (
  text: string,
  x: number,
  y: number,
  size: number,
  weight: 'normal' | 'bold' = 'normal',
  align: TextOp['align'] = 'left',
  color = '#111111',
  family: 'sans' | 'mono' = 'sans',
): DrawOp => ({ kind: 'text', text, x, y, style: { size, weight, family }, align, color })

const r = (x: number, y: number, w: number, h: number, color = '#111111'): DrawOp => ({
  kind: 'rect',
  x,
  y,
  w,
  h,
  color,
})

describe('the notice layout', () => {
  it('draws every line where worked out by hand', () => {
    const layout = layoutNotice(content, corners, { width: 1000, measure })
    expect(layout.width).toBe(1000)
    expect(layout.height).toBe(1414)
    expect(layout.scale).toBe(1)
    expect(layout.qr).toEqual({ x: 710, y: 1074, module: 10, count: 21 })
    expect(layout.ops).toEqual([
      r(0, 0, 1000, 1414, '#ffffff'),
      t('决议公告', 500, 80, 75, 'bold', 'center', '#b71c1c'),
      t('示范村', 500, 178, 45, 'normal', 'center'),
      r(80, 249, 840, 4, '#b71c1c'),
      t('事项：集体果园承包给谁', 80, 283, 48, 'bold'),
      t('表决内容：集体果园承包给王家，五年，每年承包费', 80, 358, 36),
      t('两万元，同意吗？', 80, 407, 36),
      t('表决方式：村民会议', 80, 456, 36),
      t('21 票', 470, 520, 42, 'bold', 'right'),
      t('赞成', 80, 520, 42, 'bold'),
      t('4 票', 920, 520, 42, 'bold', 'right'),
      t('反对', 530, 520, 42, 'bold'),
      t('2 票', 470, 577, 42, 'bold', 'right'),
      t('弃权', 80, 577, 42, 'bold'),
      t('1 票', 920, 577, 42, 'bold', 'right'),
      t('废票', 530, 577, 42, 'bold'),
      t('投票 28 人，名单上共 40 人', 80, 639, 36),
      t('到会 28 人，超过全村 18 岁以上村民 40', 104, 703, 42, 'bold'),
      t('人的一半，会议有效；赞成 21 票，超过到', 104, 760, 42, 'bold'),
      t('会人数的一半，通过。', 104, 817, 42, 'bold'),
      r(80, 703, 8, 156, '#b71c1c'),
      t('示范村村民委员会', 920, 889, 38, 'normal', 'right'),
      t('2026年11月24日', 920, 940, 38, 'normal', 'right'),
      t('计票时间：2026年11月24日 21:05', 80, 1074, 30, 'normal', 'left', '#444444'),
      t('计票摘要（SHA-256）：', 80, 1115, 30, 'normal', 'left', '#444444'),
      t('3f7a 9c0b 12d4 e56f', 80, 1156, 32, 'normal', 'left', '#111111', 'mono'),
      t('7890 abcd ef01 2345', 80, 1199, 32, 'normal', 'left', '#111111', 'mono'),
      t('6789 abcd ef01 2345', 80, 1242, 32, 'normal', 'left', '#111111', 'mono'),
      t('6789 abcd ef01 2345', 80, 1285, 32, 'normal', 'left', '#111111', 'mono'),
      r(710, 1074, 10, 10),
      r(910, 1274, 10, 10),
      t('扫码查看这件事', 815, 1293, 30, 'normal', 'center', '#444444'),
    ])
  })

  it('scales with the width: twice as wide, everything twice as large (2000 × 297 / 210 = 2828.6: 2829 high)', () => {
    const small = layoutNotice(content, corners, { width: 1000, measure })
    const large = layoutNotice(content, corners, { width: 2000, measure })
    expect(large.height).toBe(2829)
    const heading = large.ops.find((o) => o.kind === 'text' && o.text === '决议公告')
    expect(heading).toEqual(t('决议公告', 1000, 160, 150, 'bold', 'center', '#b71c1c'))
    expect(large.ops.filter((o) => o.kind === 'text').map((o) => (o as TextOp).text)).toEqual(
      small.ops.filter((o) => o.kind === 'text').map((o) => (o as TextOp).text),
    )
  })

  it('makes the type smaller when ten long options would run into the QR code', () => {
    const options = Array.from({ length: 10 }, (_, i) => ({
      id: `o${i + 1}`,
      label: `第${i + 1}个方案：由村里统一修建，费用按户平均分摊`,
    }))
    const c = noticeContent({
      poll: {
        ...POLL,
        kind: 'choice',
        options,
        result: { ...RESULT, counts: { o1: 3 }, spoiled: 0 },
      },
      matter: { title: '集体果园承包给谁' },
      villageName: '示范村',
      link: LINK,
    })
    const layout = layoutNotice(c, corners, { width: 1000, measure })
    expect(layout.scale).toBeLessThan(1)
    expect(layout.scale).toBeGreaterThanOrEqual(0.6)
    // One column: a label does not fit half the width. Every line of the text above the QR's
    // quiet zone (1074 − 40), the count's time and digest beside it.
    const o1 = layout.ops.find((o) => o.kind === 'text' && o.text.startsWith('第1个方案'))
    expect(o1).toMatchObject({ x: 80 })
    const date = layout.ops.find((o) => o.kind === 'text' && o.text === '2026年11月24日') as TextOp
    expect(date.y + date.style.size).toBeLessThanOrEqual(1034)
  })
})
