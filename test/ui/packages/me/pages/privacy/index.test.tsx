import { fireEvent, render, screen } from '@testing-library/react'
import Privacy from '../../../../../../src/packages/me/pages/privacy'
import { setLargeText } from '../../../../../../src/services/largeText'
import { fakeTaro, type TaroFakes } from '../../../../pages/fakes'

let taro: TaroFakes
beforeEach(() => {
  taro = fakeTaro()
  global.fetch = jest.fn(async () => {
    throw new Error('the privacy page calls nothing')
  }) as typeof fetch
})

describe('隐私说明 (privacy page)', () => {
  it('says what is stored, why, who sees it and how to leave, without a call', () => {
    render(<Privacy />)
    expect(document.getElementById('privacy-title')?.textContent).toBe('隐私说明')
    for (const heading of ['我们记下什么', '为什么要记', '谁能看到', '怎样退出']) {
      expect(screen.getByText(heading)).toBeTruthy()
    }
    expect(screen.getByText('加入村子时您填的姓名、户号，和手机号（可以不填）。')).toBeTruthy()
    expect(screen.getByText(/^微信给我们的一串编号/)).toBeTruthy()
    expect(screen.getByText(/^不记名投票：谁投了什么，谁都看不到，村委会也看不到。/)).toBeTruthy()
    expect(screen.getByText(/在“我的”里点“退出本村”/)).toBeTruthy()
    expect(global.fetch).not.toHaveBeenCalled()
  })

  it('goes back to 我的', () => {
    render(<Privacy />)
    fireEvent.click(screen.getByText('回到“我的” ›'))
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/me/index' })
  })

  it('大字模式 puts the fs-large class on the page root', () => {
    setLargeText(true)
    render(<Privacy />)
    expect(document.getElementById('screen')?.classList.contains('fs-large')).toBe(true)
  })
})
