/**
 * The QR code as an SVG image (the H5 print page): one path of unit squares on a white ground with
 * the four-module quiet zone, scaled by the page's CSS. Pure text.
 */
import type { QrMatrix } from './qr'

export function qrSvg(m: QrMatrix, quiet = 4): string {
  const side = m.length + 2 * quiet
  const squares: string[] = []
  m.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (dark) squares.push(`M${c + quiet} ${r + quiet}h1v1h-1z`)
    }),
  )
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/>` +
    `<path fill="#111" d="${squares.join('')}"/></svg>`
  )
}

/** The SVG as a `data:` URL for an image's `src`. */
export const svgDataUrl = (svg: string): string =>
  `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
