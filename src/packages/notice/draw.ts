/**
 * Replays the notice's layout (domain/notice/layout.ts) on a canvas 2D context: the one place the
 * drawing operations meet the platform, the same in WeChat (`Canvas type="2d"`) and in H5.
 */
import type { NoticeContent } from '../../../domain/notice/content'
import {
  canvasFont,
  layoutNotice,
  type Measure,
  type NoticeLayout,
} from '../../../domain/notice/layout'
import { qrModules } from '../../../domain/notice/qr'

/** The page drawn 1240 px wide: A4 at 150 dots an inch (1240 × 1754). */
export const NOTICE_WIDTH = 1240

/** What we use of a canvas 2D context (both platforms have it). */
export interface Context2D {
  fillStyle: unknown
  font: string
  textAlign: string
  textBaseline: string
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  measureText(text: string): { width: number }
}

export interface CanvasNode {
  width: number
  height: number
  getContext(kind: '2d'): unknown
}

export function measureOn(ctx: Context2D): Measure {
  return (text, style) => {
    ctx.font = canvasFont(style)
    return ctx.measureText(text).width
  }
}

/** Sizes the canvas to the page and draws the notice on it; returns the layout drawn. */
export function drawNotice(canvas: CanvasNode, content: NoticeContent): NoticeLayout {
  const ctx = canvas.getContext('2d') as Context2D
  const layout = layoutNotice(content, qrModules(content.link), {
    width: NOTICE_WIDTH,
    measure: measureOn(ctx),
  })
  // Resizing clears the canvas and its state: set the size first, then the state.
  canvas.width = layout.width
  canvas.height = layout.height
  ctx.textBaseline = 'top'
  for (const op of layout.ops) {
    ctx.fillStyle = op.color
    if (op.kind === 'rect') {
      ctx.fillRect(op.x, op.y, op.w, op.h)
    } else {
      ctx.font = canvasFont(op.style)
      ctx.textAlign = op.align
      ctx.fillText(op.text, op.x, op.y)
    }
  }
  return layout
}
