/** Fixes `Date` at a Shanghai wall-clock time (`2026-11-21T07:00:00`); timers stay real. */
export function fixShanghaiClock(local: string): void {
  jest.useFakeTimers({
    now: new Date(`${local}+08:00`),
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'hrtime',
      'performance',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
    ],
  })
}
