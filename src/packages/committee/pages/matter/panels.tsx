/**
 * The committee's acts on one matter, one card each: each checks with the function's own schema
 * before sending (useSchemaForm), keeps typed text as a draft, and asks before what cannot be undone.
 */
import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MatterDetail, MatterSummary } from '../../../../../types/api/matters'
import type { MemberView } from '../../../../../types/api/village'
import type { MatterCategory } from '../../../../../types/model/matter'
import { CATEGORIES, CATEGORY_KEYS } from '../../../../../domain/matters/categories'
import { LIMITS, MATTER_SCHEMAS } from '../../../../../domain/matters/schemas'
import { upcomingTalkDays } from '../../../../../domain/matters/rules'
import { FINAL_STATUSES, STATUS_LABELS } from '../../../../../domain/matters/lifecycle'
import { PROCEDURE_STEPS } from '../../../../../domain/polls/design'
import { calendarDay, formatMonthDayWeekday, shanghaiDate } from '../../../../../domain/shared/time'
import FormField from '../../../../components/FormField'
import { useSchemaForm } from '../../../../hooks/useSchemaForm'
import { callFunction } from '../../../../services/cloud'
import type { MyVillage } from '../../../../services/talkDays'
import PhotoPicker from '../../shared/PhotoPicker'
import { confirmAct } from '../../../../services/confirm'

interface PanelProps {
  detail: MatterDetail
  onActed: (words: string) => void
}

/** How many coming talk days acceptance offers (the next one first). */
export const ACCEPT_TALK_DAYS = 3
/** Days from today a handling's deadline is set to at first. */
export const DEFAULT_HANDLING_DAYS = 7

const today = () => shanghaiDate(Date.now())
const inDays = (n: number) => calendarDay(today()).add(n, 'day').format('YYYY-MM-DD')

/** `集体经济项目立项和承包（第二十四条第五项）` */
export function categoryWords(key: MatterCategory): string {
  const c = CATEGORIES[key]
  return c.art24 ? `${c.label}（${c.clause}）` : c.label
}

/** Said once above the categories: what the article's mark means. */
export const ART24_HINT = '标着“第二十四条”的事，要先做完“四议”，再由村民会议表决。'

/** Everyday categories first; the eight of Art. 24 after them. */
export const CATEGORY_ORDER: readonly MatterCategory[] = [
  ...CATEGORY_KEYS.filter((k) => !CATEGORIES[k].art24),
  ...CATEGORY_KEYS.filter((k) => CATEGORIES[k].art24),
]

/** The categories as big buttons, the chosen one marked 已选 in words. */
function CategoryChoice({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string
  value?: MatterCategory
  onChange: (c: MatterCategory) => void
}) {
  return (
    <View className="cm__choices">
      {CATEGORY_ORDER.map((key) => {
        const on = value === key
        return (
          <Button
            key={key}
            id={`${idPrefix}-${key}`}
            type={on ? 'primary' : 'default'}
            size="large"
            block
            onClick={() => onChange(key)}
          >
            {`${categoryWords(key)}${on ? '（已选）' : ''}`}
          </Button>
        )
      })}
    </View>
  )
}

/** Runs one act: busy while it goes, its refusal in words. */
function useAct() {
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const run = async (
    call: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>,
    after: () => void,
  ) => {
    setBusy(true)
    setFailure(undefined)
    const res = await call()
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    after()
  }
  return { busy, failure, setFailure, run }
}

function Failure({ id, text }: { id: string; text?: string }) {
  if (!text) return null
  return (
    <Text className="cm__failure" id={id}>
      {text}
    </Text>
  )
}

type When = 'next' | 'urgent' | string

/** 受理: what it is about, and when: the next talk day, a later one, or at once (遇事解事). */
export function AcceptPanel({ detail: d, village, onActed }: PanelProps & { village?: MyVillage }) {
  const [category, setCategory] = useState<MatterCategory>()
  const [when, setWhen] = useState<When>('next')
  const [missing, setMissing] = useState<string>()
  const act = useAct()
  const days = village ? upcomingTalkDays(new Date(), village.talkDays, ACCEPT_TALK_DAYS) : []
  const later = days.slice(1)

  const whenWords = (w: When) =>
    w === 'next'
      ? `下一个说事日${days[0] ? `（${formatMonthDayWeekday(days[0])}）` : ''}`
      : w === 'urgent'
        ? '急事，马上办（遇事解事）'
        : `${formatMonthDayWeekday(w)}的说事日`

  const accept = async () => {
    setMissing(undefined)
    if (!category) return setMissing('请先选这件事属于哪一类。')
    const sure = await confirmAct(
      '受理',
      `受理“${d.title}”，类别“${CATEGORIES[category].label}”，${whenWords(when)}。受理后不能撤回，确定吗？`,
      '确定受理',
    )
    if (!sure) return
    await act.run(
      () =>
        callFunction('matters', 'acceptMatter', {
          matterId: d.id,
          category,
          urgent: when === 'urgent',
          ...(when !== 'next' && when !== 'urgent' ? { talkDay: when } : {}),
        }),
      () => onActed('已受理'),
    )
  }

  const whens: When[] = ['next', ...later, 'urgent']
  return (
    <View className="cm__card" id="cmatter-accept-card">
      <Text className="cm__section">受理</Text>
      <Text className="cm__ask">1. 这件事属于哪一类？</Text>
      <Text className="cm__meta">{ART24_HINT}</Text>
      <CategoryChoice idPrefix="cmatter-accept-category" value={category} onChange={setCategory} />
      <Text className="cm__ask">2. 什么时候说？</Text>
      <View className="cm__choices">
        {whens.map((w) => {
          const on = when === w
          const key = w === 'next' || w === 'urgent' ? w : w
          return (
            <Button
              key={key}
              id={`cmatter-when-${key}`}
              type={on ? 'primary' : 'default'}
              size="large"
              block
              onClick={() => setWhen(w)}
            >
              {`${whenWords(w)}${on ? '（已选）' : ''}`}
            </Button>
          )
        })}
      </View>
      {when === 'next' && (
        <Text className="cm__meta">如果那天的议程满了，就放到后面有空位的说事日。</Text>
      )}
      <Failure id="cmatter-accept-error" text={missing ?? act.failure} />
      <Button
        id="cmatter-accept"
        type="primary"
        size="large"
        block
        loading={act.busy}
        onClick={accept}
      >
        受理
      </Button>
    </View>
  )
}

/** 不予受理, with the reason the resident will read. */
export function DeclinePanel({ detail: d, onActed }: PanelProps) {
  const [open, setOpen] = useState(false)
  const form = useSchemaForm(
    MATTER_SCHEMAS.declineMatter,
    { matterId: d.id, reason: '' },
    `decline:${d.id}`,
  )
  const act = useAct()
  const decline = async () => {
    const input = form.check()
    if (!input) return
    const sure = await confirmAct(
      '不予受理',
      `不予受理“${d.title}”，理由会告诉提事的人。不能撤回，确定吗？`,
      '不予受理',
    )
    if (!sure) return
    await act.run(
      () => callFunction('matters', 'declineMatter', { ...input, matterId: d.id }),
      () => {
        form.sent()
        onActed('已不予受理')
      },
    )
  }
  if (!open) {
    return (
      <View className="cm__card">
        <Button id="cmatter-open-decline" size="large" block onClick={() => setOpen(true)}>
          不予受理…
        </Button>
      </View>
    )
  }
  return (
    <View className="cm__card" id="cmatter-decline-card">
      <Text className="cm__section">不予受理</Text>
      <FormField
        id="cmatter-decline-reason"
        label="理由（提事的人会看到）"
        error={form.errors.reason}
      >
        <Textarea
          id="cmatter-decline-reason"
          className="cm__textarea"
          value={form.values.reason}
          maxlength={LIMITS.reason + 10}
          placeholder="例如：这件事归镇里管，请找镇民政办"
          onInput={(e) => form.set('reason', e.detail.value)}
        />
      </FormField>
      <Failure id="cmatter-decline-error" text={act.failure} />
      <Button id="cmatter-decline" size="large" block loading={act.busy} onClick={decline}>
        不予受理
      </Button>
    </View>
  )
}

/** 合并: find the other matter by a word of it, then merge this one into it. */
export function MergePanel({ detail: d, onActed }: PanelProps) {
  const [open, setOpen] = useState(false)
  const [q, setQ] = useState('')
  const [found, setFound] = useState<MatterSummary[]>()
  const [into, setInto] = useState<MatterSummary>()
  const [searching, setSearching] = useState(false)
  const act = useAct()

  const search = async () => {
    act.setFailure(undefined)
    setSearching(true)
    const word = q.trim()
    const res = await callFunction('matters', 'listMatters', {
      ...(word ? { q: word } : {}),
      mine: false,
      overdue: false,
      limit: 20,
    })
    setSearching(false)
    if (!res.ok) return act.setFailure(res.error.message)
    setFound(res.data.items.filter((m) => m.id !== d.id && !FINAL_STATUSES.includes(m.status)))
  }

  const merge = async () => {
    if (!into) return
    const sure = await confirmAct(
      '合并',
      `把“${d.title}”合并到“${into.title}”里一起办。合并后不能撤回，确定吗？`,
      '确定合并',
    )
    if (!sure) return
    await act.run(
      () => callFunction('matters', 'mergeMatter', { matterId: d.id, intoId: into.id }),
      () => onActed(`已合并到“${into.title}”`),
    )
  }

  if (!open) {
    return (
      <View className="cm__card">
        <Button id="cmatter-open-merge" size="large" block onClick={() => setOpen(true)}>
          和另一件事合并…
        </Button>
      </View>
    )
  }
  return (
    <View className="cm__card" id="cmatter-merge-card">
      <Text className="cm__section">合并到另一件事</Text>
      <FormField id="cmatter-merge-q" label="找那件事：输入标题里的一个词">
        <Input
          id="cmatter-merge-q"
          className="cm__input"
          value={q}
          maxlength={LIMITS.search}
          placeholder="例如：路灯"
          onInput={(e) => setQ(e.detail.value)}
        />
      </FormField>
      <Button id="cmatter-merge-search" size="large" block loading={searching} onClick={search}>
        找
      </Button>
      {found && found.length === 0 && (
        <Text className="cm__meta" id="cmatter-merge-none">
          没有找到，换个词试试。
        </Text>
      )}
      {found && found.length > 0 && (
        <View className="cm__choices cm__button" id="cmatter-merge-found">
          {found.map((m) => {
            const on = into?.id === m.id
            return (
              <Button
                key={m.id}
                id={`cmatter-merge-${m.id}`}
                type={on ? 'primary' : 'default'}
                size="large"
                block
                onClick={() => setInto(m)}
              >
                {`${m.title}（${STATUS_LABELS[m.status]}）${on ? '（已选）' : ''}`}
              </Button>
            )
          })}
        </View>
      )}
      <Failure id="cmatter-merge-error" text={act.failure} />
      {into && (
        <Button
          id="cmatter-merge"
          type="primary"
          size="large"
          block
          loading={act.busy}
          onClick={merge}
        >
          {`合并到“${into.title}”`}
        </Button>
      )}
    </View>
  )
}

/** 改类别 (before any poll opened). */
export function CategoryPanel({ detail: d, onActed }: PanelProps) {
  const [open, setOpen] = useState(false)
  const [category, setCategory] = useState<MatterCategory | undefined>(d.category?.key)
  const act = useAct()
  const save = async () => {
    if (!category) return
    await act.run(
      () => callFunction('matters', 'changeCategory', { matterId: d.id, category }),
      () => {
        setOpen(false)
        onActed(`类别已改成“${CATEGORIES[category].label}”`)
      },
    )
  }
  if (!open) {
    return (
      <View className="cm__card">
        <Text className="cm__meta">
          类别：{d.category ? categoryWords(d.category.key) : '还没有选'}
        </Text>
        <Button id="cmatter-open-category" size="large" block onClick={() => setOpen(true)}>
          改类别…
        </Button>
      </View>
    )
  }
  return (
    <View className="cm__card" id="cmatter-category-card">
      <Text className="cm__section">改类别</Text>
      <Text className="cm__meta">{ART24_HINT}</Text>
      <CategoryChoice idPrefix="cmatter-category" value={category} onChange={setCategory} />
      <Failure id="cmatter-category-error" text={act.failure} />
      <Button
        id="cmatter-category-save"
        type="primary"
        size="large"
        block
        loading={act.busy}
        disabled={!category || category === d.category?.key}
        onClick={save}
      >
        保存类别
      </Button>
    </View>
  )
}

/** A count typed as digits: the number, or NaN when it is not one (the schema says so). */
const asCount = (s: string): number => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN)

/** A kept count as it was typed ('' for none: a draft stores NaN as null). */
const typed0 = (n: unknown): string =>
  typeof n === 'number' && Number.isFinite(n) ? String(n) : ''

/** 四议: the steps recorded so far, in order, and the form for the next one. */
export function ProcedurePanel({ detail: d, may, onActed }: PanelProps & { may: boolean }) {
  const recorded = new Set(d.procedure.map((s) => s.step))
  const next = PROCEDURE_STEPS.find((s) => !recorded.has(s.key))
  return (
    <View className="cm__card" id="cmatter-procedure">
      <Text className="cm__section">四议（表决前的三步）</Text>
      {PROCEDURE_STEPS.map(({ key, label }, i) => {
        const s = d.procedure.find((p) => p.step === key)
        return (
          <View key={key} className="cmatter__step" id={`cmatter-step-${key}`}>
            <Text className="cm__text">
              {`${i + 1}. ${label}：`}
              {s
                ? `${s.date}，应到 ${s.expected} 人，实到 ${s.present} 人，结果：${s.result}${s.note ? `；${s.note}` : ''}`
                : '还没有记录'}
            </Text>
          </View>
        )
      })}
      {may && next && <StepForm key={next.key} detail={d} step={next} onActed={onActed} />}
      {!next && <Text className="cm__done">三步都记录了，可以发起村民会议表决。</Text>}
    </View>
  )
}

function StepForm({
  detail: d,
  step,
  onActed,
}: PanelProps & { step: (typeof PROCEDURE_STEPS)[number] }) {
  const form = useSchemaForm(
    MATTER_SCHEMAS.recordProcedureStep,
    {
      matterId: d.id,
      step: step.key,
      date: today(),
      expected: Number.NaN,
      present: Number.NaN,
      result: '',
      note: '',
    },
    `step:${d.id}:${step.key}`,
  )
  const [typed, setTyped] = useState({
    expected: typed0(form.values.expected),
    present: typed0(form.values.present),
  })
  const act = useAct()
  const count = (k: 'expected' | 'present', s: string) => {
    setTyped((t) => ({ ...t, [k]: s }))
    form.set(k, asCount(s))
  }
  const save = async () => {
    const input = form.check()
    if (!input) return
    await act.run(
      () => callFunction('matters', 'recordProcedureStep', { ...input, matterId: d.id }),
      () => {
        form.sent()
        onActed(`已记录“${step.label}”`)
      },
    )
  }
  return (
    <View className="cmatter__step-form" id="cmatter-step-form">
      <Text className="cm__ask">{`记录：${step.label}`}</Text>
      <FormField
        id="cmatter-step-date"
        label="会议日期（例如 2026-11-20）"
        error={form.errors.date}
      >
        <Input
          id="cmatter-step-date"
          className="cm__input"
          value={form.values.date}
          maxlength={10}
          onInput={(e) => form.set('date', e.detail.value.trim())}
        />
      </FormField>
      <View className="cm__row">
        <FormField id="cmatter-step-expected" label="应到（人）" error={form.errors.expected}>
          <Input
            id="cmatter-step-expected"
            className="cm__input"
            type="number"
            value={typed.expected}
            onInput={(e) => count('expected', e.detail.value)}
          />
        </FormField>
        <FormField id="cmatter-step-present" label="实到（人）" error={form.errors.present}>
          <Input
            id="cmatter-step-present"
            className="cm__input"
            type="number"
            value={typed.present}
            onInput={(e) => count('present', e.detail.value)}
          />
        </FormField>
      </View>
      <FormField id="cmatter-step-result" label="会议结果" error={form.errors.result}>
        <Input
          id="cmatter-step-result"
          className="cm__input"
          value={form.values.result}
          maxlength={LIMITS.reason + 10}
          placeholder="例如：同意提交村民会议表决"
          onInput={(e) => form.set('result', e.detail.value)}
        />
      </FormField>
      <FormField id="cmatter-step-note" label="备注（可以不写）" error={form.errors.note}>
        <Textarea
          id="cmatter-step-note"
          className="cm__textarea"
          value={form.values.note}
          maxlength={LIMITS.note + 10}
          onInput={(e) => form.set('note', e.detail.value)}
        />
      </FormField>
      <Failure id="cmatter-step-error" text={act.failure} />
      <Button
        id="cmatter-step-save"
        type="primary"
        size="large"
        block
        loading={act.busy}
        onClick={save}
      >
        {`记录${step.label}`}
      </Button>
    </View>
  )
}

/** 记录决议 (not for an Art. 24 matter: the back end leaves it out of `can`). */
export function DecisionPanel({ detail: d, onActed }: PanelProps) {
  const form = useSchemaForm(
    MATTER_SCHEMAS.recordDecision,
    { matterId: d.id, decision: '' },
    `decision:${d.id}`,
  )
  const act = useAct()
  const save = async () => {
    const input = form.check()
    if (!input) return
    const sure = await confirmAct(
      '记录决议',
      '大家在会上商量一致、不用投票时才记录决议。记录后这件事就按决议办理，确定吗？',
      '记录决议',
    )
    if (!sure) return
    await act.run(
      () => callFunction('matters', 'recordDecision', { ...input, matterId: d.id }),
      () => {
        form.sent()
        onActed('已记录决议')
      },
    )
  }
  return (
    <View className="cm__card" id="cmatter-decision-card">
      <Text className="cm__section">记录决议（不投票）</Text>
      <FormField id="cmatter-decision-text" label="会上商量定了什么" error={form.errors.decision}>
        <Textarea
          id="cmatter-decision-text"
          className="cm__textarea"
          value={form.values.decision}
          maxlength={LIMITS.note + 10}
          onInput={(e) => form.set('decision', e.detail.value)}
        />
      </FormField>
      <Failure id="cmatter-decision-error" text={act.failure} />
      <Button id="cmatter-decision-save" size="large" block loading={act.busy} onClick={save}>
        记录决议
      </Button>
    </View>
  )
}

/** 安排办理: a verified member, and by when. */
export function AssignPanel({ detail: d, onActed }: PanelProps) {
  const [members, setMembers] = useState<MemberView[]>()
  const [loading, setLoading] = useState(false)
  const form = useSchemaForm(MATTER_SCHEMAS.assignHandling, {
    matterId: d.id,
    handlerId: '',
    deadline: inDays(DEFAULT_HANDLING_DAYS),
  })
  const act = useAct()

  const loadMembers = async () => {
    act.setFailure(undefined)
    setLoading(true)
    const res = await callFunction('village', 'listMembers', { status: 'verified', limit: 50 })
    setLoading(false)
    if (!res.ok) return act.setFailure(res.error.message)
    setMembers(res.data.members)
  }

  const handler = members?.find((m) => m.id === form.values.handlerId)
  const assign = async () => {
    const input = form.check()
    if (!input) return
    await act.run(
      () => callFunction('matters', 'assignHandling', { ...input, matterId: d.id }),
      () => onActed(`已安排${handler?.name ?? ''}办理`),
    )
  }

  return (
    <View className="cm__card" id="cmatter-assign-card">
      <Text className="cm__section">安排办理</Text>
      <Text className="cm__ask">1. 谁来办？</Text>
      {!members && (
        <Button
          id="cmatter-handler-choose"
          size="large"
          block
          loading={loading}
          onClick={loadMembers}
        >
          选择办理人
        </Button>
      )}
      {members && (
        <View className="cm__choices" id="cmatter-handlers">
          {members.map((m) => {
            const on = form.values.handlerId === m.id
            return (
              <Button
                key={m.id}
                id={`cmatter-handler-${m.id}`}
                type={on ? 'primary' : 'default'}
                size="large"
                block
                onClick={() => form.set('handlerId', m.id)}
              >
                {`${m.name}（${m.householdNo} 户）${on ? '（已选）' : ''}`}
              </Button>
            )
          })}
        </View>
      )}
      {form.errors.handlerId && (
        <Text className="cm__failure" id="cmatter-handler-error">
          请选择办理人
        </Text>
      )}
      <FormField
        id="cmatter-deadline"
        label="2. 办理期限（例如 2026-11-28）"
        error={form.errors.deadline}
      >
        <Input
          id="cmatter-deadline"
          className="cm__input"
          value={form.values.deadline}
          maxlength={10}
          onInput={(e) => form.set('deadline', e.detail.value.trim())}
        />
      </FormField>
      <Failure id="cmatter-assign-error" text={act.failure} />
      <Button
        id="cmatter-assign"
        type="primary"
        size="large"
        block
        loading={act.busy}
        onClick={assign}
      >
        安排办理
      </Button>
    </View>
  )
}

/** 报告进展, with photos. */
export function ProgressPanel({ detail: d, onActed }: PanelProps) {
  const form = useSchemaForm(
    MATTER_SCHEMAS.reportProgress,
    { matterId: d.id, text: '', photos: [] as string[] },
    `progress:${d.id}`,
  )
  const [uploading, setUploading] = useState(false)
  const act = useAct()
  const send = async () => {
    const input = form.check()
    if (!input) return
    await act.run(
      () => callFunction('matters', 'reportProgress', { ...input, matterId: d.id }),
      () => {
        form.sent()
        form.reset()
        onActed('进展已发布')
      },
    )
  }
  return (
    <View className="cm__card" id="cmatter-progress-card">
      <Text className="cm__section">报告进展</Text>
      <FormField id="cmatter-progress-text" label="办到哪一步了" error={form.errors.text}>
        <Textarea
          id="cmatter-progress-text"
          className="cm__textarea"
          value={form.values.text}
          maxlength={LIMITS.note + 10}
          placeholder="例如：材料买好了，下周一开工"
          onInput={(e) => form.set('text', e.detail.value)}
        />
      </FormField>
      <FormField id="cmatter-progress-photos" label="照片（可以不加）" error={form.errors.photos}>
        <PhotoPicker
          id="cmatter-progress-photos"
          photos={form.values.photos}
          onChange={(p) => form.set('photos', p)}
          onBusy={setUploading}
        />
      </FormField>
      <Failure id="cmatter-progress-error" text={act.failure} />
      <Button
        id="cmatter-progress-send"
        type="primary"
        size="large"
        block
        loading={act.busy}
        disabled={uploading}
        onClick={send}
      >
        发布进展
      </Button>
    </View>
  )
}

/** 办结, with the outcome everyone reads (and then rates). */
export function ResolvePanel({ detail: d, onActed }: PanelProps) {
  const form = useSchemaForm(
    MATTER_SCHEMAS.resolveMatter,
    { matterId: d.id, outcome: '' },
    `resolve:${d.id}`,
  )
  const act = useAct()
  const resolve = async () => {
    const input = form.check()
    if (!input) return
    const sure = await confirmAct(
      '办结',
      '办结后村民就可以评价办得怎么样，不能再报告进展。确定办结吗？',
      '确定办结',
    )
    if (!sure) return
    await act.run(
      () => callFunction('matters', 'resolveMatter', { ...input, matterId: d.id }),
      () => {
        form.sent()
        onActed('已办结')
      },
    )
  }
  return (
    <View className="cm__card" id="cmatter-resolve-card">
      <Text className="cm__section">办结</Text>
      <FormField
        id="cmatter-outcome-text"
        label="办理结果（村民会看到）"
        error={form.errors.outcome}
      >
        <Textarea
          id="cmatter-outcome-text"
          className="cm__textarea"
          value={form.values.outcome}
          maxlength={LIMITS.note + 10}
          placeholder="例如：减速带已经装好了"
          onInput={(e) => form.set('outcome', e.detail.value)}
        />
      </FormField>
      <Failure id="cmatter-resolve-error" text={act.failure} />
      <Button id="cmatter-resolve" size="large" block loading={act.busy} onClick={resolve}>
        办结
      </Button>
    </View>
  )
}
