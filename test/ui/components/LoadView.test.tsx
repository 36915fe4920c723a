import { act, fireEvent, render, screen } from '@testing-library/react'
import { Text } from '@tarojs/components'
import LoadView from '../../../src/components/LoadView'
import { useLoad } from '../../../src/hooks/useLoad'
import type { Envelope } from '../../../types/api'

/** A screen built the way pages are: a loader through useLoad, shown by LoadView. */
function Screen({ loader }: { loader: () => Promise<Envelope<string>> }) {
  const [state, reload] = useLoad(loader)
  return (
    <LoadView state={state} onRetry={reload}>
      {(text) => <Text>{text}</Text>}
    </LoadView>
  )
}

/** A loader whose answers the test hands out one by one. */
function controlledLoader() {
  const pending: Array<(answer: Envelope<string>) => void> = []
  const loader = jest.fn(() => new Promise<Envelope<string>>((resolve) => pending.push(resolve)))
  return { loader, answer: (a: Envelope<string>) => act(async () => pending.shift()?.(a)) }
}

describe('LoadView with useLoad', () => {
  it('shows loading, then the data', async () => {
    const { loader, answer } = controlledLoader()
    render(<Screen loader={loader} />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    await answer({ ok: true, data: '数据到了' })
    expect(screen.getByText('数据到了')).toBeTruthy()
    expect(screen.queryByText('正在加载…')).toBeNull()
  })

  it('shows a plain error with a retry button that loads again', async () => {
    const { loader, answer } = controlledLoader()
    render(<Screen loader={loader} />)
    await answer({
      ok: false,
      error: { code: 'NETWORK', message: '网络不太好，没有连上。请稍后再试。' },
    })
    expect(screen.getByText('网络不太好，没有连上。请稍后再试。')).toBeTruthy()
    fireEvent.click(screen.getByText('再试一次'))
    expect(screen.getByText('正在加载…')).toBeTruthy()
    expect(loader).toHaveBeenCalledTimes(2)
    await answer({ ok: true, data: '好了' })
    expect(screen.getByText('好了')).toBeTruthy()
  })

  it('a refusal a retry cannot cure shows its message without 再试一次', async () => {
    const { loader, answer } = controlledLoader()
    render(<Screen loader={loader} />)
    await answer({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到这件事。' } })
    expect(screen.getByText('没有找到这件事。')).toBeTruthy()
    expect(screen.queryByText('再试一次')).toBeNull()
  })

  it('treats a loader that throws as a network error, not a blank screen', async () => {
    render(<Screen loader={() => Promise.reject(new Error('boom'))} />)
    expect(await screen.findByText('网络不太好，没有连上。请稍后再试。')).toBeTruthy()
  })
})
