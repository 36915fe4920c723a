/** What the township's page tests share: a staff record, a need, a service, a ledger entry. */
import type {
  LedgerEntryView,
  NeedView,
  ServiceView,
  StaffView,
} from '../../../../types/api/township'
import type { WhistleView } from '../../../../types/api/whistles'

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

export const whistle = (id: string, more: Partial<WhistleView> = {}): WhistleView => ({
  id,
  matterId: 'm1',
  matterTitle: '村口水管爆了',
  villageId: 'v1',
  villageName: '西村',
  departmentId: 'water',
  departmentName: '区水务局',
  tier: 'utilities',
  tierLabel: '水电气热',
  status: 'raised',
  raisedAt: '2026-11-21T00:00:00.000Z',
  dueAt: '2026-11-22T00:00:00.000Z',
  level: 'department',
  overdue: false,
  clockWords: '还剩 23 小时',
  steps: [{ kind: 'raised', at: '2026-11-21T00:00:00.000Z', byLabel: '村委会', text: '修不了' }],
  ...more,
})
