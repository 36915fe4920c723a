/** The QR code's modules: drawn as pixels here and read back with jsQR (a decoder, not ours). */
import jsQR from 'jsqr'
import { qrModules, type QrMatrix } from '../../../domain/notice/qr'
import { LINK } from './fixture'

/** The modules as an RGBA image, `scale` pixels a module, with a four-module white border. */
export function pixels(m: QrMatrix, scale = 4): { data: Uint8ClampedArray; side: number } {
  const n = m.length + 8
  const side = n * scale
  const data = new Uint8ClampedArray(side * side * 4).fill(255)
  m.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return
      for (let y = 0; y < scale; y++)
        for (let x = 0; x < scale; x++) {
          const i = (((r + 4) * scale + y) * side + (c + 4) * scale + x) * 4
          data[i] = data[i + 1] = data[i + 2] = 0
        }
    }),
  )
  return { data, side }
}

describe('the QR code', () => {
  it('reads back as the link', () => {
    const m = qrModules(LINK)
    // 87 characters at level M: more than version 5 holds (84 bytes), version 6 holds 106: 41
    // modules a side.
    expect(m.length).toBe(41)
    expect(m.every((row) => row.length === 41)).toBe(true)
    const { data, side } = pixels(m)
    expect(jsQR(data, side, side)?.data).toBe(LINK)
  })

  it('has its three finders: the corners dark, and light beside them', () => {
    const m = qrModules('x')
    expect(m.length).toBe(21)
    expect([m[0]?.[0], m[0]?.[20], m[20]?.[0], m[6]?.[6]]).toEqual([true, true, true, true])
    expect([m[7]?.[7], m[20]?.[20] === undefined]).toEqual([false, false])
  })
})
