/**
 * The timer-trigger check (deploy/checks/cron.ts): the declaration's triggers pass; a 6-field
 * cron, a bad field, a cron that never falls due, digits for weekdays, a bad or repeated name are
 * each named, with the function and the trigger.
 */
import { checkCron } from '../../../deploy/checks/cron'
import { FUNCTIONS, type FunctionDeclaration, type TimerTrigger } from '../../../deploy/declaration'

/** A function declared with only these triggers (the rest as a real one). */
const withTriggers = (...triggers: TimerTrigger[]): FunctionDeclaration[] => [
  { ...FUNCTIONS[0], name: 'timed', triggers },
]
const timer = (name: string, config: string): TimerTrigger => ({ name, type: 'timer', config })

describe('checkCron', () => {
  it('passes the declared triggers (the scheduler at second 30 of every minute)', () => {
    expect(FUNCTIONS.find((f) => f.name === 'scheduler')?.triggers).toEqual([
      { name: 'closePolls', type: 'timer', config: '30 * * * * * *' },
    ])
    expect(checkCron()).toEqual([])
  })

  it('passes 7-field crons with names, ranges, lists and steps', () => {
    expect(
      checkCron(
        withTriggers(
          timer('daily', '0 0 9 * * * *'),
          timer('weekdays', '0 30 8-18/2 * * MON-FRI *'),
          timer('on4s', '0 0 7 4,14,24 JAN-DEC * 2026-2099'),
        ),
      ),
    ).toEqual([])
  })

  it('names a 6-field cron', () => {
    expect(checkCron(withTriggers(timer('closePolls', '30 * * * * *')))).toEqual([
      'timed: trigger "closePolls": bad cron expression "30 * * * * *": 6 fields; CloudBase needs 7 (second minute hour day month weekday year)',
    ])
  })

  it('names a field out of range and a cron that never falls due', () => {
    expect(
      checkCron(withTriggers(timer('late', '0 0 24 * * * *'), timer('never', '0 0 0 31 FEB * *'))),
    ).toEqual([
      'timed: trigger "late": bad cron expression "0 0 24 * * * *": hour field "24": 24 is outside 0–23',
      'timed: trigger "never": bad cron expression "0 0 0 31 FEB * *": it never falls due between 1970 and 2099',
    ])
  })

  it('refuses digits for weekdays', () => {
    expect(checkCron(withTriggers(timer('monday', '0 0 9 * * 1 *')))).toEqual([
      'timed: trigger "monday": weekday field "1" uses digits; write MON–SUN (cron "0 0 9 * * 1 *")',
    ])
  })

  it('names a bad trigger name, a repeated one and a type other than timer', () => {
    expect(
      checkCron(
        withTriggers(
          timer('1st', '0 0 9 * * * *'),
          timer('twice', '0 0 9 * * * *'),
          timer('twice', '0 0 10 * * * *'),
          { name: 'cos', type: 'cos' as 'timer', config: '0 0 9 * * * *' },
        ),
      ),
    ).toEqual([
      'timed: trigger "1st": a name is a letter then letters, digits, - or _ (60 at most)',
      'timed: trigger "twice": declared twice',
      'timed: trigger "cos": type "cos", not "timer"',
    ])
  })
})
