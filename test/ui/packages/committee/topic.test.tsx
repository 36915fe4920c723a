/** 开题: the committee's own matter, checked with the function's schema, kept as a draft until sent. */
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Topic from '../../../../src/packages/committee/pages/topic'
import { fakeTaro, ok, serve, type TaroFakes } from '../../pages/fakes'

configure({ asyncUtilTimeout: 5000 })

let taro: TaroFakes
beforeEach(() => {
  taro = fakeTaro()
})

const tap = (id: string) => fireEvent.click(document.getElementById(id) as HTMLElement)
const type = (id: string, value: string) =>
  fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } })

describe('开题', () => {
  it('names what is missing before sending anything', async () => {
    const calls = serve({})
    render(<Topic />)
    tap('topic-submit')
    expect(await screen.findByText('请填写标题')).toBeTruthy()
    expect(screen.getByText('请填写内容')).toBeTruthy()
    expect(screen.getByText('请选择事项类别')).toBeTruthy()
    expect(calls).toEqual([])
  })

  it('keeps what is typed on the phone, and forgets it once sent', async () => {
    const calls = serve({ openTopic: ok({ matterId: 'new-1', talkDay: '2026-11-24' }) })
    const first = render(<Topic />)
    type('topic-title', '明年先修哪一段村道')
    type('topic-body', '修路钱只够修一段。')
    tap('topic-category-roadsUtilities')
    first.unmount()
    render(<Topic />)
    expect((document.getElementById('topic-title') as HTMLInputElement).value).toBe(
      '明年先修哪一段村道',
    )
    expect(document.getElementById('topic-category-roadsUtilities')?.textContent).toBe(
      '道路水电（已选）',
    )
    tap('topic-submit')
    expect(await screen.findByText('放在 11月24日（星期二） 的说事日议程上。')).toBeTruthy()
    expect(calls.map((c) => [c.action, c.payload])).toEqual([
      [
        'openTopic',
        {
          title: '明年先修哪一段村道',
          body: '修路钱只够修一段。',
          photos: [],
          urgent: false,
          category: 'roadsUtilities',
        },
      ],
    ])
    tap('topic-to-matter')
    expect(taro.redirectTo).toHaveBeenCalledWith({
      url: '/packages/committee/pages/matter/index?id=new-1',
    })
  })

  it('opens an urgent topic (遇事解事) with no talk day', async () => {
    const calls = serve({ openTopic: ok({ matterId: 'new-2' }) })
    render(<Topic />)
    type('topic-title', '河堤有一段裂缝')
    type('topic-body', '要马上找人看。')
    tap('topic-category-publicOrder')
    tap('topic-urgent-yes')
    tap('topic-submit')
    expect(await screen.findByText('急事急办：现在就可以开始议事。')).toBeTruthy()
    await waitFor(() => expect(calls).toHaveLength(1))
    expect((calls[0].payload as { urgent: boolean }).urgent).toBe(true)
  })
})
