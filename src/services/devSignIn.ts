/**
 * Local development only (H5 against the emulator, built with TARO_APP_DEV_LOGIN=1 by `npm start`):
 * open the app with `?dev=<member id>` (GET /dev/members lists them) to act as that demo member,
 * or `?dev=new` to act as a brand-new WeChat user who belongs to no village yet.
 * In any other build the flag is a constant `''` and this whole module is dead code.
 */
import { apiBase, holdCallsUntil, setDevToken } from './cloud'

const KEY = 'fengsi.devToken'

export function devSignInFromUrl(): Promise<void> {
  if (process.env.TARO_ENV !== 'h5' || process.env.TARO_APP_DEV_LOGIN !== '1') {
    return Promise.resolve()
  }
  const ready = signIn()
  holdCallsUntil(ready)
  return ready
}

async function signIn(): Promise<void> {
  const memberId = new URLSearchParams(window.location.search).get('dev')
  if (!memberId) {
    setDevToken(window.sessionStorage.getItem(KEY) ?? undefined)
    return
  }
  try {
    const response = await fetch(`${apiBase()}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(memberId === 'new' ? { newcomer: true } : { memberId }),
    })
    const { token } = (await response.json()) as { token?: string }
    if (token) {
      window.sessionStorage.setItem(KEY, token)
      setDevToken(token)
    }
  } catch {
    // No emulator behind the page: stay signed out.
  }
}
