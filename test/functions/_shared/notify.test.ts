/**
 * The WeChat adapter of the notification port (cloudfunctions/_shared/notify.ts wechatNotifier)
 * over a recording stand-in of wx-server-sdk's `openapi.subscribeMessage.send` (WeChat's API, not
 * our code): what it sends for a message, with the template setting's field mapping, and how each
 * failure is recorded.
 */
import type { OutboxMessage } from '../../../types/model/notification'
import {
  wechatNotifier,
  type SubscribeMessageRequest,
} from '../../../cloudfunctions/_shared/notify'

const message: OutboxMessage = {
  _id: 'pollResult_poll-1_res',
  villageId: 'village-a',
  memberId: 'res',
  event: 'pollResult',
  subjectId: 'poll-1',
  page: 'packages/matters/pages/detail/index?id=m-1',
  data: {
    thing1: '是否硬化村口道路',
    phrase2: '通过',
    thing3: '结果出来了，点开看详情',
    time4: '2026年11月21日 09:00',
  },
  createdAt: new Date('2026-11-21T01:00:00Z'),
  status: 'queued',
}

const recording = (answer: { errCode?: number; errMsg?: string } = { errCode: 0 }) => {
  const sent: SubscribeMessageRequest[] = []
  return {
    sent,
    wx: {
      openapi: {
        subscribeMessage: {
          send: async (request: SubscribeMessageRequest) => {
            sent.push(request)
            return answer
          },
        },
      },
    },
  }
}

describe('wechatNotifier', () => {
  it('sends the message to the person with the template id and the fields as they are', async () => {
    const { sent, wx } = recording()
    const n = wechatNotifier(wx, { FENGSI_TMPL_POLL_RESULT: 'tmpl-poll' })
    expect(await n.deliver(message, 'openid-res')).toEqual({ status: 'sent' })
    expect(sent).toEqual([
      {
        touser: 'openid-res',
        templateId: 'tmpl-poll',
        page: 'packages/matters/pages/detail/index?id=m-1',
        data: {
          thing1: { value: '是否硬化村口道路' },
          phrase2: { value: '通过' },
          thing3: { value: '结果出来了，点开看详情' },
          time4: { value: '2026年11月21日 09:00' },
        },
        miniprogramState: 'formal',
        lang: 'zh_CN',
      },
    ])
  })

  it('sends the fields under the template’s own names when the setting maps them', async () => {
    const { sent, wx } = recording()
    const n = wechatNotifier(wx, {
      FENGSI_TMPL_POLL_RESULT: 'tmpl-poll thing1=thing6 time4=date2',
      FENGSI_MP_STATE: 'trial',
    })
    expect(await n.deliver(message, 'openid-res')).toEqual({ status: 'sent' })
    expect(sent[0]?.templateId).toBe('tmpl-poll')
    expect(sent[0]?.data).toEqual({
      thing6: { value: '是否硬化村口道路' },
      phrase2: { value: '通过' },
      thing3: { value: '结果出来了，点开看详情' },
      date2: { value: '2026年11月21日 09:00' },
    })
    expect(sent[0]?.miniprogramState).toBe('trial')
  })

  it('records a failure, sending nothing, when the template is unset or its setting is wrong', async () => {
    const { sent, wx } = recording()
    expect(await wechatNotifier(wx, {}).deliver(message, 'openid-res')).toEqual({
      status: 'failed',
      error: 'FENGSI_TMPL_POLL_RESULT is not set',
    })
    expect(
      await wechatNotifier(wx, { FENGSI_TMPL_POLL_RESULT: 'tmpl-poll name2=name1' }).deliver(
        message,
        'openid-res',
      ),
    ).toEqual({
      status: 'failed',
      error:
        'FENGSI_TMPL_POLL_RESULT: the mapping names name2, which this message does not have (it has thing1, phrase2, thing3, time4)',
    })
    expect(sent).toEqual([])
  })

  it('records WeChat’s refusal with its code and message', async () => {
    const { wx } = recording({ errCode: 47003, errMsg: 'argument invalid! data.thing1.value' })
    const n = wechatNotifier(wx, { FENGSI_TMPL_POLL_RESULT: 'tmpl-poll' })
    expect(await n.deliver(message, 'openid-res')).toEqual({
      status: 'failed',
      error: 'errcode 47003 argument invalid! data.thing1.value',
    })
  })
  it('a whistle’s message to a staff record: FENGSI_TMPL_WHISTLE, with its mapping', async () => {
    const { sent, wx } = recording()
    const n = wechatNotifier(wx, { FENGSI_TMPL_WHISTLE: 'tmpl-whistle thing5=thing7' })
    const toStaff: OutboxMessage = {
      _id: 'whistleEscalated_m-1_w1_tsa',
      staffId: 'tsa',
      districtId: 'district-1',
      event: 'whistleEscalated',
      subjectId: 'm-1_w1',
      page: 'packages/township/pages/whistle/index?id=m-1_w1&matterId=m-1',
      data: {
        thing1: '村口水管爆了',
        thing2: '示范村',
        thing3: '危及生命财产安全',
        time4: '2026年11月21日 13:00',
        thing5: '部门超时未报到，已转到乡镇',
      },
      createdAt: new Date('2026-11-21T03:00:00Z'),
      status: 'queued',
    }
    expect(await n.deliver(toStaff, 'openid-tsa')).toEqual({ status: 'sent' })
    expect(sent).toEqual([
      {
        touser: 'openid-tsa',
        templateId: 'tmpl-whistle',
        page: 'packages/township/pages/whistle/index?id=m-1_w1&matterId=m-1',
        data: {
          thing1: { value: '村口水管爆了' },
          thing2: { value: '示范村' },
          thing3: { value: '危及生命财产安全' },
          time4: { value: '2026年11月21日 13:00' },
          thing7: { value: '部门超时未报到，已转到乡镇' },
        },
        miniprogramState: 'formal',
        lang: 'zh_CN',
      },
    ])
    expect(await wechatNotifier(wx, {}).deliver(toStaff, 'openid-tsa')).toEqual({
      status: 'failed',
      error: 'FENGSI_TMPL_WHISTLE is not set',
    })
  })
})
