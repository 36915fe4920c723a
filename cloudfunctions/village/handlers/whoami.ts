// whoami: the caller's OPENID exactly as the platform injects it (never from the event payload).
import tcb from '@cloudbase/node-sdk'
import type { Envelope, ResponseOf } from '../../../types/api'

export const whoami = async (): Promise<Envelope<ResponseOf<'village', 'whoami'>>> => {
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  const { openId } = app.auth().getUserInfo()
  if (!openId) {
    return { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录微信。' } }
  }
  return { ok: true, data: { openid: openId } }
}
