/**
 * The notice drawn as a list of plain operations (filled rectangles, lines of text, the QR code's
 * dark modules as squares) on a page of A4 proportions, `width` pixels wide: the canvas in both
 * builds replays them (src/packages/notice), the tests read them. Large type, to be read on the
 * notice board from a metre away: body text is 3.8 % of the width (8 mm on A4 paper), the heading
 * 8 %. When the text does not fit above the QR code, the type is made smaller in steps (never below
 * 60 %). Pure: the caller's `measure` gives text widths.
 */
import type { NoticeContent } from './content'
import type { QrMatrix } from './qr'
import { wrapText, type Measure, type TextStyle } from './wrap'

export type { Measure, TextStyle, FontFamily } from './wrap'

export interface RectOp {
  kind: 'rect'
  x: number
  y: number
  w: number
  h: number
  color: string
}

export interface TextOp {
  kind: 'text'
  text: string
  /** The left end, the middle or the right end of the line, per `align`. */
  x: number
  /** The top of the line (canvas `textBaseline = 'top'`). */
  y: number
  style: TextStyle
  align: 'left' | 'center' | 'right'
  color: string
}

export type DrawOp = RectOp | TextOp

export interface NoticeLayout {
  width: number
  height: number
  /** How much the type was made smaller to fit (1: not at all). */
  scale: number
  ops: DrawOp[]
  /** Where the QR code is: its top-left corner, one module's side, modules per side. */
  qr: { x: number; y: number; module: number; count: number }
}

/** A4: 297 mm by 210 mm. */
export const A4_RATIO = 297 / 210

export const INK = '#111111'
export const RED = '#b71c1c'
export const GREY = '#444444'
export const PAPER = '#ffffff'

/** Sizes as shares of the width. */
const SIZE = {
  heading: 0.075,
  village: 0.045,
  matter: 0.048,
  text: 0.036,
  count: 0.042,
  sentence: 0.042,
  signature: 0.038,
  small: 0.03,
  digest: 0.032,
} as const

/** Lines are 1.35 times their type's size apart. */
const LEADING = 1.35
/** The QR code's quiet zone, in modules (the standard asks four). */
const QUIET = 4

export const QR_CAPTION = '扫码查看这件事'
export const DIGEST_LABEL = '计票摘要（SHA-256）：'

interface Ctx {
  width: number
  scale: number
  margin: number
  measure: Measure
  ops: DrawOp[]
  y: number
}

const px = (ctx: Ctx, share: number) => Math.round(ctx.width * share * ctx.scale)
const lineOf = (st: TextStyle) => Math.round(st.size * LEADING)

function style(
  size: number,
  weight: TextStyle['weight'] = 'normal',
  family: TextStyle['family'] = 'sans',
): TextStyle {
  return { size, weight, family }
}

function text(
  ctx: Ctx,
  t: string,
  x: number,
  st: TextStyle,
  align: TextOp['align'] = 'left',
  color = INK,
) {
  ctx.ops.push({ kind: 'text', text: t, x, y: ctx.y, style: st, align, color })
}

/** A paragraph from `left`, wrapped to `width`; returns how many lines it took. */
function paragraph(
  ctx: Ctx,
  t: string,
  st: TextStyle,
  left = ctx.margin,
  width = ctx.width - 2 * ctx.margin,
  color = INK,
): number {
  const lines = wrapText(t, st, width, ctx.measure)
  for (const line of lines) {
    text(ctx, line, left, st, 'left', color)
    ctx.y += lineOf(st)
  }
  return lines.length
}

function gap(ctx: Ctx, share: number) {
  ctx.y += px(ctx, share)
}

/** The counts, two to a row (one when a label is too long for half the width). */
function counts(ctx: Ctx, c: NoticeContent) {
  const st = style(px(ctx, SIZE.count), 'bold')
  const contentWidth = ctx.width - 2 * ctx.margin
  const votes = c.counts.map((k) => `${k.count} 票`)
  const votesWidth = Math.max(...votes.map((v) => ctx.measure(v, st)))
  const between = Math.round(st.size * 0.6)
  const colGap = px(ctx, 0.06)
  const half = Math.floor((contentWidth - colGap) / 2)
  const fitsHalf = c.counts.every((k) => ctx.measure(k.label, st) + between + votesWidth <= half)
  const cols = fitsHalf ? 2 : 1
  const cellWidth = cols === 2 ? half : contentWidth
  for (let i = 0; i < c.counts.length; i += cols) {
    const top = ctx.y
    let rows = 1
    for (let j = 0; j < cols && i + j < c.counts.length; j++) {
      const k = c.counts[i + j] as NoticeContent['counts'][number]
      const left = ctx.margin + j * (cellWidth + colGap)
      ctx.y = top
      text(ctx, votes[i + j] as string, left + cellWidth, st, 'right')
      rows = Math.max(rows, paragraph(ctx, k.label, st, left, cellWidth - votesWidth - between))
    }
    ctx.y = top + rows * lineOf(st)
  }
}

/** From the heading to the signature. */
function body(ctx: Ctx, c: NoticeContent): void {
  const w = ctx.width
  const contentWidth = w - 2 * ctx.margin
  ctx.y = ctx.margin
  const heading = style(px(ctx, SIZE.heading), 'bold')
  text(ctx, c.heading, Math.round(w / 2), heading, 'center', RED)
  ctx.y += Math.round(heading.size * 1.3)
  if (c.villageName) {
    const village = style(px(ctx, SIZE.village))
    text(ctx, c.villageName, Math.round(w / 2), village, 'center')
    ctx.y += lineOf(village)
  }
  gap(ctx, 0.01)
  const rule = Math.max(2, Math.round(w * 0.004))
  ctx.ops.push({ kind: 'rect', x: ctx.margin, y: ctx.y, w: contentWidth, h: rule, color: RED })
  ctx.y += rule
  gap(ctx, 0.03)

  paragraph(ctx, `事项：${c.matterTitle}`, style(px(ctx, SIZE.matter), 'bold'))
  gap(ctx, 0.01)
  const t = style(px(ctx, SIZE.text))
  paragraph(ctx, `表决内容：${c.question}`, t)
  paragraph(ctx, `表决方式：${c.body}`, t)
  gap(ctx, 0.015)
  counts(ctx, c)
  gap(ctx, 0.005)
  paragraph(ctx, c.turnout, t)
  gap(ctx, 0.015)

  // The sentence, marked by a red bar at its left.
  const sentence = style(px(ctx, SIZE.sentence), 'bold')
  const bar = Math.max(4, Math.round(w * 0.008))
  const top = ctx.y
  const n = paragraph(ctx, c.sentence, sentence, ctx.margin + bar * 3, contentWidth - bar * 3)
  const barHeight = lineOf(sentence) * n - (lineOf(sentence) - sentence.size)
  ctx.ops.push({ kind: 'rect', x: ctx.margin, y: top, w: bar, h: barHeight, color: RED })
  gap(ctx, 0.015)

  const sign = style(px(ctx, SIZE.signature))
  text(ctx, c.signature, w - ctx.margin, sign, 'right')
  ctx.y += lineOf(sign)
  text(ctx, c.date, w - ctx.margin, sign, 'right')
  ctx.y += lineOf(sign)
}

export interface LayoutOptions {
  /** The page's width in pixels (its height follows A4). */
  width: number
  measure: Measure
}

/**
 * The notice's drawing operations, in drawing order (the white page first): the text from the
 * top; at the bottom the count's time and digest at the left, the QR code at the right.
 */
export function layoutNotice(c: NoticeContent, qr: QrMatrix, options: LayoutOptions): NoticeLayout {
  const width = Math.round(options.width)
  const height = Math.round(width * A4_RATIO)
  const margin = Math.round(width * 0.08)
  const contentWidth = width - 2 * margin

  // The bottom band, never made smaller.
  const count = qr.length
  const module = Math.max(1, Math.floor((width * 0.3) / (count + 2 * QUIET)))
  const qrSide = module * count
  const caption = style(Math.round(width * SIZE.small))
  const captionTop = height - margin - lineOf(caption)
  const qrY = captionTop - Math.round(caption.size * 0.3) - qrSide
  const qrX = width - margin - qrSide
  const band: Ctx = { width, scale: 1, margin, measure: options.measure, ops: [], y: 0 }
  const small = style(Math.round(width * SIZE.small), 'normal')
  const digest = style(Math.round(width * SIZE.digest), 'normal', 'mono')
  const leftWidth = contentWidth - qrSide - module * QUIET
  const leftLines = (wrap: TextStyle, t: string) =>
    wrapText(t, wrap, leftWidth, options.measure).length * lineOf(wrap)
  const leftHeight =
    leftLines(small, `计票时间：${c.countedAt}`) +
    leftLines(small, DIGEST_LABEL) +
    c.digestLines.reduce((h, l) => h + leftLines(digest, l), 0)
  band.y = Math.min(qrY, height - margin - leftHeight)
  const bandTop = band.y
  paragraph(band, `计票时间：${c.countedAt}`, small, margin, leftWidth, GREY)
  paragraph(band, DIGEST_LABEL, small, margin, leftWidth, GREY)
  for (const line of c.digestLines) paragraph(band, line, digest, margin, leftWidth)
  /** The text must end above the band and the QR code's quiet zone. */
  const textEnd = Math.min(bandTop, qrY - module * QUIET) - Math.round(width * 0.02)

  let scale = 1
  let ctx: Ctx
  for (;;) {
    ctx = { width, scale, margin, measure: options.measure, ops: [], y: 0 }
    body(ctx, c)
    if (ctx.y <= textEnd || scale <= 0.6) break
    scale = Math.max(0.6, Math.round((scale - 0.05) * 100) / 100)
  }

  const ops: DrawOp[] = [
    { kind: 'rect', x: 0, y: 0, w: width, h: height, color: PAPER },
    ...ctx.ops,
    ...band.ops,
  ]
  for (let r = 0; r < count; r++) {
    const row = qr[r] as readonly boolean[]
    for (let col = 0; col < count; col++) {
      if (row[col]) {
        ops.push({
          kind: 'rect',
          x: qrX + col * module,
          y: qrY + r * module,
          w: module,
          h: module,
          color: INK,
        })
      }
    }
  }
  ops.push({
    kind: 'text',
    text: QR_CAPTION,
    x: qrX + Math.round(qrSide / 2),
    y: captionTop,
    style: caption,
    align: 'center',
    color: GREY,
  })
  return { width, height, scale, ops, qr: { x: qrX, y: qrY, module, count } }
}

/** The canvas `font` of a style (both builds). */
export function canvasFont(st: TextStyle): string {
  const family = st.family === 'mono' ? 'monospace' : 'sans-serif'
  return `${st.weight} ${st.size}px ${family}`
}
