/**
 * The input of every `village` action. The mini-program's forms (join, review, roles, register
 * import, village settings) check with the same schemas before sending; the function checks
 * again, since a request can come from anywhere.
 */
import * as v from 'valibot'
import type { VillageApi } from '../../types/api/village'
import type { MemberStatus } from '../../types/model/member'
import { ROLES } from '../../types/model/member'
import { DomainError } from '../shared/errors'
import { cursor, id, localDate, pageSize, payload, text } from '../shared/validate'
import { validateTalkDays } from '../talkday'
import { HOUSEHOLD_NO, HOUSEHOLD_NO_MESSAGE, IMPORT_LIMITS } from './households'
import { BAD_INVITE_CODE, isInviteCode, normaliseInviteCode } from './inviteCode'
import {
  BAD_FOUNDING_CODE,
  isFoundingCode,
  NO_FOUNDING_CODE,
  normaliseFoundingCode,
} from './foundingCode'

export const LIMITS = {
  name: 20,
  villageName: 30,
  /** A word of a village's name, to find it (listVillages). */
  villageSearch: 20,
  reason: 200,
  roles: 10,
  delegationNote: 200,
} as const

/** Bounds of a village's settings (inclusive). */
export const SETTING_BOUNDS = {
  agendaSize: { min: 1, max: 50, label: '每个说事日的议题数' },
  responseDeadlineDays: { min: 1, max: 30, label: '接诉即办的期限（天）' },
  reportThreshold: { min: 1, max: 20, label: '自动隐藏所需的举报数' },
  ratingWindowDays: { min: 1, max: 60, label: '测评期限（天）' },
  pollNoticeDays: { min: 1, max: 30, label: '表决的公告期（天）' },
  proxyLimit: { min: 0, max: 10, label: '每人每次表决可代投的票数' },
} as const

export const COUNT_BOUNDS = {
  adults: { min: 0, max: 100_000, label: '18 岁以上村民人数' },
  households: { min: 0, max: 100_000, label: '户数' },
  representatives: { min: 0, max: 1_000, label: '村民代表人数' },
} as const

const MEMBER_STATUSES: MemberStatus[] = ['pending', 'verified', 'declined', 'left']

function wholeNumber(bound: { min: number; max: number; label: string }) {
  const message = `${bound.label}应当是 ${bound.min} 到 ${bound.max} 之间的整数`
  return v.optional(
    v.pipe(
      v.number(message),
      v.integer(message),
      v.minValue(bound.min, message),
      v.maxValue(bound.max, message),
    ),
  )
}

const memberId = id('村民编号')
const personId = id('名册上的人')

const householdNo = v.pipe(
  v.string('户号应当是文字'),
  v.trim(),
  v.nonEmpty('请填写户号'),
  v.regex(HOUSEHOLD_NO, HOUSEHOLD_NO_MESSAGE),
)

const phone = v.optional(
  v.pipe(
    v.string('手机号应当是数字'),
    v.trim(),
    v.check((s) => s === '' || /^1\d{10}$/.test(s), '手机号应当是 11 位数字，以 1 开头'),
  ),
  '',
)

/** 说事日: checked by domain/talkday, sorted and without repeats. */
const talkDays = v.pipe(
  v.array(v.number('说事日应当是 1 到 31 之间的日子'), '说事日应当是日期的列表'),
  v.maxLength(31, '说事日最多 31 天'),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    try {
      return validateTalkDays(dataset.value)
    } catch (error) {
      addIssue({ message: error instanceof DomainError ? error.message : '说事日设置有误' })
      return NEVER
    }
  }),
)

/** 启用码 as typed (a village's 村委会启用码, a staff record's): normalised like an invite code, then twelve of its characters. */
export const foundingCode = v.pipe(
  v.custom<unknown>((x) => x !== undefined && x !== null, NO_FOUNDING_CODE),
  v.string(BAD_FOUNDING_CODE),
  v.maxLength(64, BAD_FOUNDING_CODE),
  v.transform(normaliseFoundingCode),
  v.nonEmpty(NO_FOUNDING_CODE),
  v.check(isFoundingCode, BAD_FOUNDING_CODE),
)

/** A new village as `npm run village:create` takes it: the same rules as renaming one. */
export const VILLAGE_CREATE = v.object(
  { name: text('村名', LIMITS.villageName), talkDays },
  '村名和说事日不对',
)

type Schemas = {
  [A in keyof VillageApi]: v.GenericSchema<unknown, VillageApi[A]['request']>
}

export const VILLAGE_SCHEMAS = {
  whoami: payload({}),
  requestJoin: payload({
    villageId: id('要加入的村'),
    name: text('姓名', LIMITS.name),
    householdNo,
    phone,
  }),
  claimVillage: payload({
    code: foundingCode,
    name: text('姓名', LIMITS.name),
    householdNo,
    phone,
  }),
  getMe: payload({}),
  listVillages: v.pipe(
    payload({
      q: v.optional(text('村名', LIMITS.villageSearch)),
      inviteCode: v.optional(
        v.pipe(
          v.string(BAD_INVITE_CODE),
          v.maxLength(64, BAD_INVITE_CODE),
          v.transform(normaliseInviteCode),
          v.check(isInviteCode, BAD_INVITE_CODE),
        ),
      ),
    }),
    v.check((input) => !(input.q && input.inviteCode), '请按村名或邀请码中的一种来找'),
  ),
  leaveVillage: payload({}),
  approveMember: payload({ memberId, personId: v.optional(personId) }),
  declineMember: payload({ memberId, reason: text('不通过的理由', LIMITS.reason) }),
  assignRoles: payload({
    memberId,
    roles: v.pipe(
      v.array(v.picklist(ROLES, '角色不对'), '角色应当是一个列表'),
      v.maxLength(LIMITS.roles, '角色太多了'),
    ),
  }),
  listMembers: payload({
    status: v.optional(v.picklist(MEMBER_STATUSES, '状态不对')),
    cursor: cursor(),
    limit: pageSize,
  }),
  importHouseholds: payload({
    csv: v.pipe(
      v.string('导入的内容应当是表格文字（CSV）'),
      v.nonEmpty('请选择要导入的表格'),
      v.maxLength(
        IMPORT_LIMITS.chars,
        `文件太大了：最多 ${IMPORT_LIMITS.rows} 行、约 200 KB，请分成几个文件导入`,
      ),
    ),
  }),
  getVillage: payload({}),
  listPersons: payload({
    householdId: v.optional(id('户')),
    cursor: cursor(),
    limit: pageSize,
  }),
  linkPerson: payload({ memberId, personId }),
  unlinkPerson: payload({ memberId }),
  setRepresentative: payload({
    personId,
    representative: v.boolean('请选择是否村民代表'),
  }),
  setHouseholdVoter: payload({ householdId: id('户'), personId }),
  updateVillage: payload({
    name: v.optional(text('村名', LIMITS.villageName)),
    talkDays: v.optional(talkDays),
    settings: v.optional(
      v.object(
        {
          agendaSize: wholeNumber(SETTING_BOUNDS.agendaSize),
          responseDeadlineDays: wholeNumber(SETTING_BOUNDS.responseDeadlineDays),
          reportThreshold: wholeNumber(SETTING_BOUNDS.reportThreshold),
          ratingWindowDays: wholeNumber(SETTING_BOUNDS.ratingWindowDays),
          pollNoticeDays: wholeNumber(SETTING_BOUNDS.pollNoticeDays),
          proxyLimit: wholeNumber(SETTING_BOUNDS.proxyLimit),
          /** 授权: set with its date and note; null clears it. */
          delegation: v.optional(
            v.nullable(
              v.object(
                {
                  date: localDate('授权日期'),
                  note: text('授权内容', LIMITS.delegationNote, { multiline: true }),
                },
                '授权应当写明日期和内容',
              ),
            ),
          ),
        },
        '设置不对',
      ),
    ),
    counts: v.optional(
      v.object(
        {
          adults: wholeNumber(COUNT_BOUNDS.adults),
          households: wholeNumber(COUNT_BOUNDS.households),
          representatives: wholeNumber(COUNT_BOUNDS.representatives),
        },
        '人数不对',
      ),
    ),
  }),
} satisfies Schemas
