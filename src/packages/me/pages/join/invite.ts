/**
 * What a scanned QR code (or a route) says about a village's invite code. The village's QR code
 * holds this mini-program's path `packages/me/pages/join/index?invite=CODE`, or the bare code; a
 * mini-program code made with `scene` carries `invite=CODE` there. Checking the code itself is the
 * function's (its schema normalises and checks it and answers a plain message).
 */

/** The code in a path or query (`…?invite=4XQ9TR`), or the text itself when it names no query. */
export function inviteFromScan(text: string): string {
  const raw = text.trim()
  const m = /(?:^|[?&])invite=([^&#]*)/.exec(raw)
  if (m) {
    try {
      return decodeURIComponent(m[1]).trim()
    } catch {
      return m[1]
    }
  }
  return raw
}

/** The invite code a page was opened with: `?invite=CODE`, or `?scene=invite%3DCODE`. */
export function inviteFromParams(params: Record<string, string | undefined>): string | undefined {
  if (params.invite) return inviteFromScan(`invite=${params.invite}`)
  if (params.scene) {
    let scene = params.scene
    try {
      scene = decodeURIComponent(scene)
    } catch {
      // Left as it came.
    }
    return inviteFromScan(scene) || undefined
  }
  return undefined
}
