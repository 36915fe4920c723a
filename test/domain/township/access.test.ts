import type { Staff, StaffUnit } from '../../../types/model/township'
import { staffFor } from '../../../domain/township/access'

const AT = new Date('2026-01-01T00:00:00Z')
const rec = (id: string, unit: StaffUnit, over: Partial<Staff> = {}): Staff => ({
  _id: id,
  openid: 'o',
  unit,
  role: 'staff',
  name: id,
  phone: '',
  status: 'active',
  createdAt: AT,
  updatedAt: AT,
  ...over,
})

const east = rec('east', { kind: 'township', districtId: 'd1', townshipId: 't-east' })
const water = rec('water', { kind: 'department', districtId: 'd1', departmentId: 'dep-water' })
const admin = rec('admin', { kind: 'district', districtId: 'd1' }, { role: 'admin' })
const gone = rec(
  'gone',
  { kind: 'township', districtId: 'd1', townshipId: 't-west' },
  {
    status: 'removed',
  },
)

describe('staffFor', () => {
  const all = [east, water, admin, gone]
  it('finds the record of the very unit', () => {
    expect(staffFor(all, { kind: 'township', townshipId: 't-east' })?._id).toBe('east')
    expect(staffFor(all, { kind: 'department', departmentId: 'dep-water' })?._id).toBe('water')
    expect(staffFor(all, { kind: 'district', districtId: 'd1' })?._id).toBe('admin')
  })
  it('a township’s staff do not act for its district, nor a district’s for a township', () => {
    expect(staffFor([east], { kind: 'district', districtId: 'd1' })).toBeUndefined()
    expect(staffFor([admin], { kind: 'township', townshipId: 't-east' })).toBeUndefined()
  })
  it('nothing for another township, another department, or a removed record', () => {
    expect(staffFor(all, { kind: 'township', townshipId: 't-north' })).toBeUndefined()
    expect(staffFor(all, { kind: 'department', departmentId: 'dep-roads' })).toBeUndefined()
    expect(staffFor(all, { kind: 'township', townshipId: 't-west' })).toBeUndefined()
  })
  it('an admin-only action needs an admin record', () => {
    expect(staffFor(all, { kind: 'township', townshipId: 't-east' }, 'admin')).toBeUndefined()
    expect(staffFor(all, { kind: 'district', districtId: 'd1' }, 'admin')?._id).toBe('admin')
  })
})
