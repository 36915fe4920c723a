/**
 * The QR code's modules (`true`: dark), row by row, without a quiet zone (the layout leaves it).
 * uqr (pinned in package.json): a port of Nayuki's QR generator with no DOM, no Node built-ins and
 * no TextEncoder, so the same code runs in WeChat's JavaScript engine, in the browser and in tests.
 * Error correction M (15 %): a printed notice gets pinned, creased and rained on.
 */
import { encode } from 'uqr'

export type QrMatrix = readonly (readonly boolean[])[]

export function qrModules(text: string): QrMatrix {
  return encode(text, { ecc: 'M', border: 0 }).data
}
