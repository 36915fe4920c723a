/**
 * A stand-in for WeChat's canvas at the platform boundary (miniprogram-simulate has none): the
 * node `wx.createSelectorQuery().select('#notice-canvas').fields({ node: true })` answers, whose
 * 2D context records every drawing call with the state it was made in. Text is measured as the
 * domain tests measure it: a Chinese character as wide as the type is large, ASCII half that.
 */
export interface Call {
  name: 'fillRect' | 'fillText'
  args: unknown[]
  fillStyle: unknown
  font: string
  textAlign: string
  textBaseline: string
}

export class RecordingContext {
  fillStyle: unknown = '#000000'
  font = '10px sans-serif'
  textAlign = 'start'
  textBaseline = 'alphabetic'
  readonly calls: Call[] = []

  private record(name: Call['name'], args: unknown[]) {
    const { fillStyle, font, textAlign, textBaseline } = this
    this.calls.push({ name, args, fillStyle, font, textAlign, textBaseline })
  }

  fillRect(...args: number[]) {
    this.record('fillRect', args)
  }

  fillText(...args: unknown[]) {
    this.record('fillText', args)
  }

  measureText(text: string) {
    const size = Number(this.font.match(/(\d+(?:\.\d+)?)px/)?.[1] ?? 10)
    const width = Array.from(text).reduce(
      (w, ch) => w + (ch.charCodeAt(0) < 0x80 ? size / 2 : size),
      0,
    )
    return { width }
  }
}

export class RecordingCanvas {
  width = 300
  height = 150
  readonly context = new RecordingContext()
  getContext(kind: string) {
    return kind === '2d' ? this.context : null
  }
}

/** Installs `wx.createSelectorQuery` answering `#notice-canvas` with `canvas`. */
export function installCanvas(canvas: RecordingCanvas): void {
  const wx = ((globalThis as Record<string, unknown>).wx ?? {}) as Record<string, unknown>
  ;(globalThis as Record<string, unknown>).wx = wx
  wx.createSelectorQuery = () => {
    const selected: string[] = []
    const query = {
      in: () => query,
      select: (selector: string) => {
        selected.push(selector)
        return {
          fields: (_f: unknown, cb?: (r: unknown) => void) => {
            if (cb) cb(answer(selector))
            return query
          },
          boundingClientRect: () => query,
          node: () => query,
        }
      },
      selectAll: () => ({ fields: () => query, boundingClientRect: () => query }),
      selectViewport: () => ({ fields: () => query, scrollOffset: () => query }),
      exec: (cb?: (r: unknown[]) => void) => cb?.(selected.map(answer)),
    }
    return query
  }
  const answer = (selector: string) =>
    selector === '#notice-canvas'
      ? { node: canvas, nodeCanvasType: '2d', width: 328, height: 464 }
      : null
}
