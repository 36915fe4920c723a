/** The bars' widths are shares of everyone who cast, from hand-written counts. */
import { render } from '@testing-library/react'
import ResultBars, { percent } from '../../../src/components/ResultBars'

const widths = () =>
  Array.from(document.querySelectorAll<HTMLElement>('.result-bar__fill')).map((f) => f.style.width)

describe('ResultBars', () => {
  it('draws each count as its share of those who voted', () => {
    render(
      <ResultBars
        total={40}
        bars={[
          { key: 'yes', label: '赞成', count: 30 },
          { key: 'no', label: '反对', count: 8 },
          { key: 'abstain', label: '弃权', count: 2 },
        ]}
        winner="yes"
      />,
    )
    expect(widths()).toEqual(['75%', '20%', '5%'])
    expect(
      document.querySelector('.result-bar__fill--winner')?.parentElement?.parentElement?.id,
    ).toBe('result-bar-yes')
  })

  it('thirds read 33.3%, and nobody voting draws empty bars', () => {
    expect(percent(1, 3)).toBe('33.3%')
    expect(percent(2, 3)).toBe('66.7%')
    expect(percent(0, 0)).toBe('0%')
    render(<ResultBars total={0} bars={[{ key: 'yes', label: '赞成', count: 0 }]} />)
    expect(widths()).toEqual(['0%'])
  })

  it('a multi-choice option chosen by everyone is a full bar', () => {
    render(
      <ResultBars
        total={7}
        bars={[
          { key: 'o1', label: '修路', count: 7 },
          { key: 'o2', label: '建广场', count: 3 },
        ]}
      />,
    )
    expect(widths()).toEqual(['100%', '42.9%'])
  })
})
