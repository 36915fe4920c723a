/**
 * What a matter is about, and whether 村民委员会组织法 Art. 24 reserves it to the villagers'
 * assembly (or, by a recorded delegation, the representatives' meeting). Such a matter is never
 * decided by a simple poll or by the committee's `recordDecision`. One table: an amendment is one edit.
 */
import type { MatterCategory } from '../../types/model/matter'

export interface CategoryRule {
  label: string
  /** Reserved by Art. 24 (the clause of the article in `clause`). */
  art24: boolean
  clause?: string
}

export const CATEGORIES: Readonly<Record<MatterCategory, CategoryRule>> = {
  allowances: { label: '误工补贴人员及标准', art24: true, clause: '第二十四条第一项' },
  collectiveIncome: { label: '集体经济收益的使用', art24: true, clause: '第二十四条第二项' },
  publicWelfare: { label: '公益事业兴办和筹资筹劳', art24: true, clause: '第二十四条第三项' },
  landContracting: { label: '土地承包经营方案', art24: true, clause: '第二十四条第四项' },
  collectiveEnterprise: {
    label: '集体经济项目立项和承包',
    art24: true,
    clause: '第二十四条第五项',
  },
  homestead: { label: '宅基地使用方案', art24: true, clause: '第二十四条第六项' },
  landCompensation: { label: '征地补偿费使用和分配', art24: true, clause: '第二十四条第七项' },
  collectiveProperty: { label: '处分村集体财产', art24: true, clause: '第二十四条第八项' },
  roadsUtilities: { label: '道路水电', art24: false },
  environment: { label: '环境卫生', art24: false },
  publicOrder: { label: '治安安全', art24: false },
  neighbourhood: { label: '邻里关系', art24: false },
  services: { label: '便民服务', art24: false },
  other: { label: '其他', art24: false },
}

export const CATEGORY_KEYS = Object.keys(CATEGORIES) as MatterCategory[]

/** Whether a matter of this category may only be decided by the assembly (or its delegates). */
export function isArt24(category: MatterCategory | undefined): boolean {
  return category !== undefined && CATEGORIES[category].art24
}
