/**
 * services/privacy in the WeChat build: the platform's privacy moment (onNeedPrivacyAuthorization)
 * comes to our own dialog, and the platform's `resolve` gets the person's answer; the request of
 * personal data goes through requirePrivacyAuthorize. The platform is the boundary here: its two
 * calls are stand-ins that behave as WeChat documents them.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import PrivacyConsent from '../../../../src/components/PrivacyConsent'
import * as privacy from '../../../../src/services/privacy'
import { fakeTaro } from '../../pages/fakes'

type Resolve = (o: { event: string; buttonId?: string }) => void
let listener: ((resolve: Resolve) => void) | undefined
let resolved: Array<{ event: string; buttonId?: string }>
let agreed: boolean

const TARO_ENV = process.env.TARO_ENV

beforeEach(() => {
  fakeTaro()
  process.env.TARO_ENV = 'weapp'
  listener = undefined
  resolved = []
  agreed = false
  Object.assign(Taro as unknown as Record<string, unknown>, {
    onNeedPrivacyAuthorization: jest.fn((l: (resolve: Resolve) => void) => {
      listener = l
    }),
    // As WeChat: not yet agreed → the listener is called; success once resolved with agree.
    requirePrivacyAuthorize: jest.fn(
      ({ success, fail }: { success: () => void; fail: () => void }) => {
        if (agreed) return success()
        if (!listener) return fail()
        listener((o) => {
          resolved.push(o)
          if (o.event === 'agree') {
            agreed = true
            success()
          }
          if (o.event === 'disagree') fail()
        })
      },
    ),
  })
})
afterEach(() => {
  process.env.TARO_ENV = TARO_ENV
  delete (Taro as unknown as Record<string, unknown>).onNeedPrivacyAuthorization
  delete (Taro as unknown as Record<string, unknown>).requirePrivacyAuthorize
})

describe('privacy consent in WeChat', () => {
  it('the dialog on the page listens for the platform’s privacy moment', () => {
    render(<PrivacyConsent />)
    expect(Taro.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1)
    expect(document.getElementById('privacy-consent')).toBeNull()
  })

  it('a photo chosen before consent (the platform asks): the dialog shows, 不同意 answers disagree', async () => {
    render(<PrivacyConsent />)
    const answers: Array<{ event: string }> = []
    act(() => listener?.((o) => answers.push(o)))
    expect(screen.getByText('隐私保护指引')).toBeTruthy()
    expect(answers).toEqual([{ event: 'exposureAuthorization' }])
    fireEvent.click(screen.getByText('不同意'))
    expect(answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }])
    expect(document.getElementById('privacy-consent')).toBeNull()
  })

  it('ensurePrivacyConsent goes through requirePrivacyAuthorize and answers false on 不同意', async () => {
    render(<PrivacyConsent />)
    let answer: Promise<boolean> = Promise.resolve(true)
    act(() => {
      answer = privacy.ensurePrivacyConsent()
    })
    expect(Taro.requirePrivacyAuthorize).toHaveBeenCalledTimes(1)
    fireEvent.click(await screen.findByText('不同意'))
    await expect(answer).resolves.toBe(false)
    expect(resolved).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }])
  })

  it('the dialog’s 同意 button is WeChat’s agree button, with the id the platform checks', async () => {
    render(<PrivacyConsent />)
    act(() => listener?.(() => undefined))
    const agree = document.getElementById('privacy-agree')
    expect(agree?.textContent).toBe('同意')
  })

  it('once agreed, the platform answers at once and no dialog shows', async () => {
    agreed = true
    render(<PrivacyConsent />)
    await expect(privacy.ensurePrivacyConsent()).resolves.toBe(true)
    expect(document.getElementById('privacy-consent')).toBeNull()
  })

  it('a base library without the privacy API has no check to pass', async () => {
    delete (Taro as unknown as Record<string, unknown>).requirePrivacyAuthorize
    await expect(privacy.ensurePrivacyConsent()).resolves.toBe(true)
  })
})
