/**
 * WeChat's privacy rules (隐私保护指引): the person agrees before the first photo is chosen and
 * before any personal data (name, 户号, phone) is sent. `ensurePrivacyConsent()` answers whether
 * they have agreed, asking them first when they have not.
 *
 * WeChat: app.config's `__usePrivacyCheck__` is on, so the platform holds every privacy API
 * (chooseImage, scanCode …) until the person agrees; `onNeedPrivacyAuthorization` hands us that
 * moment, we show our own dialog (components/PrivacyConsent, whose 同意 is a button with
 * open-type agreePrivacyAuthorization) and answer the platform's `resolve`. `requirePrivacyAuthorize`
 * asks the same before a request that carries personal data. The platform keeps the consent.
 * Browser (H5): our dialog, and the consent kept on the phone.
 */
import Taro from '@tarojs/taro'

/** Which version of our 隐私说明 was agreed to (a new version asks again in H5). */
export const PRIVACY_VERSION = '2026-12-01'
const KEY = 'fengsi.privacyConsent'

/** The id of the dialog's 同意 button: WeChat checks that this very button was tapped. */
export const AGREE_BUTTON_ID = 'privacy-agree'

/** One question put to the person: the dialog shows it and answers it once. */
export interface PrivacyRequest {
  answer: (agreed: boolean) => void
}

type Presenter = (request: PrivacyRequest) => void
const presenters: Presenter[] = []

/**
 * A mounted PrivacyConsent dialog offers to show the questions; the latest mounted (the page on
 * top) shows them. Answers the function that withdraws the offer.
 */
export function presentPrivacyRequests(presenter: Presenter): () => void {
  presenters.push(presenter)
  listenInWeChat()
  return () => {
    const i = presenters.lastIndexOf(presenter)
    if (i >= 0) presenters.splice(i, 1)
  }
}

/** Puts the question to the person through the dialog on screen, or a plain modal without one. */
function ask(): Promise<boolean> {
  return new Promise((resolve) => {
    let done = false
    const answer = (agreed: boolean) => {
      if (done) return
      done = true
      resolve(agreed)
    }
    const present = presenters[presenters.length - 1]
    if (present) return present({ answer })
    Taro.showModal({
      title: '隐私保护指引',
      content: '为了办理您的事，我们需要记下您填写的信息。详见“我的”里的隐私说明。',
      confirmText: '同意',
      cancelText: '不同意',
    }).then(
      (res) => answer(res.confirm),
      () => answer(false),
    )
  })
}

type Resolve = (option: {
  event: 'exposureAuthorization' | 'agree' | 'disagree'
  buttonId?: string
}) => void
interface WeChatPrivacy {
  onNeedPrivacyAuthorization?: (listener: (resolve: Resolve) => void) => void
  requirePrivacyAuthorize?: (option: { success?: () => void; fail?: () => void }) => void
}
const weChat = (): WeChatPrivacy => Taro as unknown as WeChatPrivacy

/** The platform function we have given our listener to (once per app run). */
let listeningOn: unknown
/** WeChat: from now on the platform's privacy moments come to our dialog. */
function listenInWeChat(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  const api = weChat()
  if (typeof api.onNeedPrivacyAuthorization !== 'function') return
  if (listeningOn === api.onNeedPrivacyAuthorization) return
  listeningOn = api.onNeedPrivacyAuthorization
  api.onNeedPrivacyAuthorization((resolve) => {
    const present = presenters[presenters.length - 1]
    // No dialog on this page: the API that asked fails as if declined (nothing is sent).
    if (!present) return resolve({ event: 'disagree' })
    resolve({ event: 'exposureAuthorization' })
    present({
      answer: (agreed) =>
        resolve(agreed ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' }),
    })
  })
}

/** H5: whether this phone's person has agreed to the current 隐私说明. */
export function hasPrivacyConsent(): boolean {
  try {
    return Taro.getStorageSync(KEY) === PRIVACY_VERSION
  } catch {
    return false
  }
}

/** Whether the person agrees (asked now when they have not before); false: send nothing. */
export async function ensurePrivacyConsent(): Promise<boolean> {
  if (process.env.TARO_ENV === 'weapp') {
    const api = weChat()
    listenInWeChat()
    // An old base library without the privacy API has no check to pass.
    if (typeof api.requirePrivacyAuthorize !== 'function') return true
    return new Promise((resolve) =>
      api.requirePrivacyAuthorize?.({ success: () => resolve(true), fail: () => resolve(false) }),
    )
  }
  if (hasPrivacyConsent()) return true
  const agreed = await ask()
  if (agreed) {
    try {
      Taro.setStorageSync(KEY, PRIVACY_VERSION)
    } catch {
      // Storage unavailable: asked again next time.
    }
  }
  return agreed
}
