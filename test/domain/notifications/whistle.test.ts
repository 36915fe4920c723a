/**
 * 吹哨报到's messages, pure (domain/notifications/whistle.ts): the subject of a staff record's
 * subscription, who is told, and the words — each expectation written out by hand.
 */
import { answeringUnit } from '../../../domain/township/access'
import {
  staffRecipients,
  staffSubscriptionId,
  unitOfStaff,
  unitSubject,
  whistleEvent,
  whistleMessage,
} from '../../../domain/notifications/whistle'
import { TOPIC_OF } from '../../../domain/notifications/rules'

const W = {
  _id: 'm1_w1',
  matterId: 'm1',
  departmentId: 'dept-water',
  townshipId: 'township-east',
  districtId: 'district-1',
  // raised 2026-11-21 09:00 Shanghai, 24 hours
  dueAt: new Date('2026-11-22T01:00:00Z'),
  responseHours: 24,
  tierLabel: '水电气热',
}

describe('the staff topic', () => {
  it('names each unit by kind and id, so ids of different kinds never meet', () => {
    expect(unitSubject({ kind: 'department', departmentId: 'x' })).toBe('department_x')
    expect(unitSubject({ kind: 'township', townshipId: 'x' })).toBe('township_x')
    expect(unitSubject({ kind: 'district', districtId: 'x' })).toBe('district_x')
    expect(staffSubscriptionId('department_x', 's1')).toBe('staff_department_x_s1')
  })

  it('a staff record acts for its own unit: a station of a township is a department', () => {
    expect(
      unitOfStaff({
        kind: 'department',
        districtId: 'd',
        departmentId: 'st',
        townshipId: 't',
      }),
    ).toEqual({ kind: 'department', departmentId: 'st' })
    expect(unitOfStaff({ kind: 'township', districtId: 'd', townshipId: 't' })).toEqual({
      kind: 'township',
      townshipId: 't',
    })
    expect(unitOfStaff({ kind: 'district', districtId: 'd' })).toEqual({
      kind: 'district',
      districtId: 'd',
    })
  })

  it('the unit that answers at each level, and the event it hears', () => {
    expect(answeringUnit(W, 'department')).toEqual({
      kind: 'department',
      departmentId: 'dept-water',
    })
    expect(answeringUnit(W, 'township')).toEqual({ kind: 'township', townshipId: 'township-east' })
    expect(answeringUnit(W, 'district')).toEqual({ kind: 'district', districtId: 'district-1' })
    expect([
      whistleEvent('department'),
      whistleEvent('township'),
      whistleEvent('district'),
    ]).toEqual(['whistleBlown', 'whistleEscalated', 'whistleEscalated'])
    expect([TOPIC_OF.whistleBlown, TOPIC_OF.whistleEscalated]).toEqual(['staff', 'staff'])
  })

  it('tells each usable subscription of the unit once; used, other units’ and forged ids not', () => {
    const sub = (staffId: string, subjectId = 'department_dept-water', more = {}) => ({
      _id: staffSubscriptionId(subjectId, staffId),
      staffId,
      subjectId,
      ...more,
    })
    expect(
      staffRecipients('department_dept-water', [
        sub('b'),
        sub('a'),
        sub('a'),
        sub('used', 'department_dept-water', { usedAt: new Date() }),
        sub('other', 'department_station-east'),
        // an id that does not match its fields
        { _id: 'staff_department_dept-water_x', staffId: 'y', subjectId: 'department_dept-water' },
      ]),
    ).toEqual(['a', 'b'])
  })
})

describe('whistleMessage', () => {
  const names = { title: '村口水管爆了', villageName: '示范村' }

  it('to the department: its deadline, in Shanghai time, opening 办理吹哨', () => {
    expect(whistleMessage(W, names, 'department')).toEqual({
      page: 'packages/township/pages/whistle/index?id=m1_w1&matterId=m1',
      data: {
        thing1: '村口水管爆了',
        thing2: '示范村',
        thing3: '水电气热',
        time4: '2026年11月22日 09:00',
        thing5: '村里吹哨，请按时报到办理',
      },
    })
  })

  it('to the township: one clock period later; to the district: the township’s, now past', () => {
    expect(whistleMessage(W, names, 'township').data).toEqual({
      thing1: '村口水管爆了',
      thing2: '示范村',
      thing3: '水电气热',
      time4: '2026年11月23日 09:00',
      thing5: '部门超时未报到，已转到乡镇',
    })
    expect(whistleMessage(W, names, 'district').data).toMatchObject({
      time4: '2026年11月23日 09:00',
      thing5: '乡镇也已超时，已转到区里',
    })
  })

  it('cuts a long title or village name to 20 characters, as the template requires', () => {
    const long = whistleMessage(
      W,
      {
        title: '村口水管爆裂，整条街停水了好几天，老人孩子都没水喝',
        villageName: '示范区东镇示范村第一第二第三第四第五村民小组',
      },
      'department',
    )
    expect(long.data.thing1).toBe('村口水管爆裂，整条街停水了好几天，老人…')
    expect(long.data.thing2).toBe('示范区东镇示范村第一第二第三第四第五村…')
    for (const value of Object.values(long.data)) expect([...value].length).toBeLessThanOrEqual(20)
  })
})
