/** 议程: moving one item of a talk day's agenda up or down (the 上移 / 下移 buttons). Pure. */

/**
 * The list with the item at `index` moved one place (`-1` up, `+1` down); the same list (a copy)
 * when it cannot move (first up, last down, or no such index).
 */
export function moveOne<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta
  const out = [...items]
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return out
  ;[out[index], out[to]] = [out[to] as T, out[index] as T]
  return out
}
