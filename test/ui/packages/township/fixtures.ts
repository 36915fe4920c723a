/** What the township's page tests share: a staff record, a need, a service, a ledger entry. */
import type {
  LedgerEntryView,
  NeedView,
  ServiceView,
  StaffView,
} from '../../../../types/api/township'

export const STAFF: StaffView = {
  id: 'tsa',
  name: '周干部',
  role: 'staff',
  unit: { kind: 'township', districtId: 'd1', townshipId: 'east' },
  unitName: '东镇',
}

export const need = (id: string, more: Partial<NeedView> = {}): NeedView => ({
  id,
  townshipId: 'east',
  villageId: 'v1',
  villageName: '西村',
  category: 'elderly',
  description: '独居老人午餐配送',
  place: '村东头',
  when: '每周一、三、五中午',
  peopleAffected: 12,
  status: 'open',
  createdAt: '2026-11-20T02:00:00.000Z',
  ...more,
})

export const service = (id: string, more: Partial<ServiceView> = {}): ServiceView => ({
  id,
  townshipId: 'east',
  provider: { kind: 'organisation', name: '东镇社工站' },
  category: 'elderly',
  what: '老年餐桌送餐上门',
  capacity: '30 人',
  area: '东镇各村',
  time: '工作日中午',
  status: 'open',
  createdAt: '2026-11-19T02:00:00.000Z',
  ...more,
})

export const entry = (id: string, more: Partial<LedgerEntryView> = {}): LedgerEntryView => ({
  id,
  villageId: 'v1',
  villageName: '西村',
  needId: 'n1',
  serviceId: 's1',
  category: 'elderly',
  month: '2026-11',
  status: 'inProgress',
  needDescription: '独居老人午餐配送',
  serviceWhat: '老年餐桌送餐上门',
  providerName: '东镇社工站',
  progress: [],
  ...more,
})
