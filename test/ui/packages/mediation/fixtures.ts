/** Hand-written answers of the mediation function, as it would give them. */
import type { MediationBrief, MediationView } from '../../../../types/api/mediation'

/** 王德福 leads; 陈大山 and 刘玉兰 are the parties; one meeting, an agreement proposed. */
export function caseView(over: Partial<MediationView> = {}): MediationView {
  return {
    kind: 'full',
    id: 'm1',
    matterId: 'm1',
    matterTitle: '两家院墙之间的排水沟',
    status: 'open',
    statusLabel: '调解中',
    legalOfficer: { memberId: 'demo-legal', name: '王德福' },
    parties: [
      { memberId: 'demo-resident-1', name: '陈大山' },
      { memberId: 'demo-resident-2', name: '刘玉兰' },
    ],
    meetings: [
      { at: '2026-11-20T02:00:00.000Z', place: '村委会调解室', notes: '双方都说了自己的想法。' },
    ],
    agreement: {
      text: '排水沟由两家各出一半钱修好，陈家负责清理。',
      proposedAt: '2026-11-20T03:00:00.000Z',
    },
    mayConfirm: false,
    mayLead: false,
    ...over,
  }
}

export const brief = (over: Partial<MediationBrief> = {}): MediationBrief => ({
  kind: 'brief',
  matterId: 'm1',
  matterTitle: '两家院墙之间的排水沟',
  statusLabel: '已调解',
  ...over,
})
