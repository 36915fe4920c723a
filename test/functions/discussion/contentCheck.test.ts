/** The content-check port: the adapter choice, and the WeChat adapter over a stand-in SDK. */
import {
  contentCheckMode,
  localContentCheck,
  wechatContentCheck,
  type MsgSecCheckRequest,
  type MsgSecCheckResult,
} from '../../../cloudfunctions/_shared/contentCheck'

const EMULATOR_CONTEXT = JSON.stringify({ URL: 'http://127.0.0.1:3100/admin' })

describe('contentCheckMode', () => {
  it.each([
    [{ FENGSI_CONTENT_CHECK: 'wechat' }, 'wechat'],
    [{ FENGSI_CONTENT_CHECK: 'local', TENCENTCLOUD_RUNENV: 'SCF' }, 'local'],
    [{}, 'local'],
    [{ TENCENTCLOUD_RUNENV: 'SCF', TCB_CONTEXT_CNFG: EMULATOR_CONTEXT }, 'local'],
    [{ TENCENTCLOUD_RUNENV: 'SCF' }, 'wechat'],
    [
      {
        TENCENTCLOUD_RUNENV: 'SCF',
        TCB_CONTEXT_CNFG: JSON.stringify({ URL: 'https://tcb-api.tencentcloudapi.com/admin' }),
      },
      'wechat',
    ],
  ] as const)('%j → %s', (env, mode) => {
    expect(contentCheckMode(env)).toBe(mode)
  })

  it('an unknown setting is a configuration error, not a silent default', () => {
    expect(() => contentCheckMode({ FENGSI_CONTENT_CHECK: 'off' })).toThrow(/local or wechat/)
  })
})

describe('local adapter', () => {
  it('rejects listed words, passes the rest', async () => {
    const check = localContentCheck()
    expect(await check.check({ text: '村口路灯坏了', openid: 'o' })).toBe('pass')
    expect(await check.check({ text: '你个傻 逼', openid: 'o' })).toBe('reject')
    expect(
      await localContentCheck({ reject: ['路灯'] }).check({ text: '村口路灯', openid: 'o' }),
    ).toBe('reject')
  })
})

describe('WeChat adapter (msgSecCheck v2)', () => {
  function fakeWx(answer: MsgSecCheckResult | Error) {
    const calls: MsgSecCheckRequest[] = []
    const wx = {
      openapi: {
        security: {
          msgSecCheck: async (request: MsgSecCheckRequest) => {
            calls.push(request)
            if (answer instanceof Error) throw answer
            return answer
          },
        },
      },
    }
    return { wx, calls }
  }

  it('sends version 2, the writer’s OPENID, the comment scene and the text', async () => {
    const { wx, calls } = fakeWx({ errCode: 0, result: { suggest: 'pass', label: 100 } })
    expect(await wechatContentCheck(wx).check({ text: '说两句', openid: 'o-1' })).toBe('pass')
    expect(calls).toEqual([{ version: 2, openid: 'o-1', scene: 2, content: '说两句' }])
  })

  it.each([
    ['pass', 'pass'],
    ['review', 'review'],
    ['risky', 'reject'],
  ] as const)('suggest %s → %s (camel-cased or not)', async (suggest, verdict) => {
    for (const answer of [
      { errCode: 0, result: { suggest } },
      { errcode: 0, result: { suggest } },
    ]) {
      expect(await wechatContentCheck(fakeWx(answer).wx).check({ text: 't', openid: 'o' })).toBe(
        verdict,
      )
    }
  })

  it.each([
    ['an error code', { errCode: 40003, errMsg: 'invalid openid' }],
    ['no suggestion', { errCode: 0, result: {} }],
    ['a thrown call', new Error('network')],
  ])('fails (so nothing is written) on %s', async (_name, answer) => {
    await expect(
      wechatContentCheck(fakeWx(answer).wx).check({ text: 't', openid: 'o' }),
    ).rejects.toThrow()
  })

  it('fails without an OPENID, without calling WeChat', async () => {
    const { wx, calls } = fakeWx({ errCode: 0, result: { suggest: 'pass' } })
    await expect(wechatContentCheck(wx).check({ text: 't', openid: undefined })).rejects.toThrow()
    expect(calls).toEqual([])
  })
})
