import { moveOne } from '../../../domain/matters/agendaOrder'

describe('议程 上移 / 下移', () => {
  const day = ['a', 'b', 'c']

  it('moves an item one place up or down', () => {
    expect(moveOne(day, 1, -1)).toEqual(['b', 'a', 'c'])
    expect(moveOne(day, 1, 1)).toEqual(['a', 'c', 'b'])
    expect(moveOne(day, 2, -1)).toEqual(['a', 'c', 'b'])
  })

  it('leaves the first going up and the last going down where they are', () => {
    expect(moveOne(day, 0, -1)).toEqual(['a', 'b', 'c'])
    expect(moveOne(day, 2, 1)).toEqual(['a', 'b', 'c'])
    expect(moveOne(day, 5, 1)).toEqual(['a', 'b', 'c'])
  })

  it('answers a new list, the old one unchanged', () => {
    const moved = moveOne(day, 0, 1)
    expect(moved).not.toBe(day)
    expect(day).toEqual(['a', 'b', 'c'])
  })
})
