import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { AppError, Envelope } from '../../../../../types/api'
import type { MatterDetail } from '../../../../../types/api/matters'
import type { PollView } from '../../../../../types/api/polls'
import type { VillageView } from '../../../../../types/api/village'
import type { PollBody, PollKind } from '../../../../../types/model/poll'
import {
  DEFAULT_CLOSING_HOUR,
  defaultClosingTime,
  MAX_OPTIONS,
  MIN_OPTIONS,
} from '../../../../../domain/polls/design'
import { LAW } from '../../../../../domain/polls/rules'
import { POLL_LIMITS, POLL_SCHEMAS } from '../../../../../domain/polls/schemas'
import { designRefusal } from '../../../../../domain/matters/pollDesign'
import { formatMonthDayWeekday, inShanghai, shanghaiDate } from '../../../../../domain/shared/time'
import FormField from '../../../../components/FormField'
import LoadView from '../../../../components/LoadView'
import Screen from '../../../../components/Screen'
import { useLoad } from '../../../../hooks/useLoad'
import { useSchemaForm } from '../../../../hooks/useSchemaForm'
import { callFunction } from '../../../../services/cloud'
import { ROUTES, withQuery } from '../../../../routes'
import { confirmAct } from '../../../../services/confirm'
import '../../shared/committee.css'
import './index.css'

const NOTHING: AppError = { code: 'NOT_FOUND', message: '没有找到要表决的事。' }

export interface PollPageData {
  matter: MatterDetail
  village: VillageView
  /** The draft being edited (`?pollId=`). */
  poll?: PollView
}

/** Who votes, in the words the committee uses; a consultation decides nothing. */
export const BODY_WORDS: Record<PollBody, string> = {
  assembly: '村民会议（全村 18 岁以上村民）',
  representatives: '村民代表会议（村民代表）',
  households: '户代表投票（每户一票）',
  consult: '民意征询（听听大家意见，不作决定）',
}
const BODIES: PollBody[] = ['assembly', 'representatives', 'households', 'consult']

/** WeChat hands the query over as written; H5 may have decoded it already. */
function decoded(raw: string | undefined): string {
  if (!raw) return ''
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/** A Shanghai date at the closing hour, as the ISO instant the function takes. */
export const closingInstant = (date: string): string =>
  new Date(`${date}T${String(DEFAULT_CLOSING_HOUR).padStart(2, '0')}:00:00+08:00`).toISOString()

/**
 * The draft (`?pollId=`), its matter and the village (counts, settings): what the design check
 * needs, so it runs on the phone as the person types.
 */
export async function loadPollPage(q: {
  matterId?: string
  pollId?: string
}): Promise<Envelope<PollPageData>> {
  let poll: PollView | undefined
  let matterId = q.matterId
  if (q.pollId) {
    const res = await callFunction('polls', 'getPoll', { pollId: q.pollId })
    if (!res.ok) return res
    poll = res.data
    matterId = poll.matterId
  }
  if (!matterId) return { ok: false, error: NOTHING }
  const [matter, village] = await Promise.all([
    callFunction('matters', 'getMatter', { matterId }),
    callFunction('village', 'getVillage', {}),
  ])
  if (!matter.ok) return matter
  if (!village.ok) return village
  return { ok: true, data: { matter: matter.data, village: village.data, poll } }
}

/** 发起表决: a new draft on a matter (`?matterId=`) or a draft to edit and open (`?pollId=`). */
export default function PollDraftPage() {
  const params = Taro.getCurrentInstance().router?.params ?? {}
  return <PollDraftScreen matterId={decoded(params.matterId)} pollId={decoded(params.pollId)} />
}

export function PollDraftScreen({ matterId, pollId }: { matterId?: string; pollId?: string }) {
  const load = useCallback(
    () => loadPollPage({ matterId: matterId || undefined, pollId: pollId || undefined }),
    [matterId, pollId],
  )
  const [state, reload] = useLoad(load)
  return (
    <Screen className="poll-draft">
      <LoadView state={state} onRetry={reload}>
        {(data) =>
          data.poll && data.poll.phase !== 'draft' ? (
            <Started poll={data.poll} />
          ) : (
            <DraftForm data={data} />
          )
        }
      </LoadView>
    </Screen>
  )
}

function Started({ poll }: { poll: PollView }) {
  return (
    <View className="cm__page" id="poll-started">
      <Text className="cm__title">这个表决已经开始了</Text>
      <Text className="cm__text">{poll.question}</Text>
      <Button
        id="poll-to-meeting"
        type="primary"
        size="large"
        block
        onClick={() => Taro.redirectTo({ url: withQuery(ROUTES.meeting, { pollId: poll.id }) })}
      >
        去现场投票 ›
      </Button>
    </View>
  )
}

function DraftForm({ data }: { data: PollPageData }) {
  const { matter, village, poll } = data
  const now = new Date()
  const noticeDays = village.settings.pollNoticeDays
  const closingFor = (body: PollBody) =>
    shanghaiDate(defaultClosingTime(body, now, village.talkDays, noticeDays))
  const initialBody: PollBody = poll?.body ?? 'assembly'
  const form = useSchemaForm(
    POLL_SCHEMAS.draftPoll,
    {
      matterId: matter.id,
      question: poll?.question ?? '',
      kind: (poll?.kind ?? 'yesNo') as PollKind,
      options: poll?.options.map((o) => o.label) ?? [],
      maxSelections: poll?.maxSelections ?? 1,
      body: initialBody,
      secret: poll?.secret ?? true,
      closesAt: poll?.closesAt ?? closingInstant(closingFor(initialBody)),
    },
    poll ? `poll-edit:${poll.id}` : `poll:${matter.id}`,
  )
  const v = form.values
  const [closeTouched, setCloseTouched] = useState(!!poll)
  const [closeDate, setCloseDate] = useState(shanghaiDate(v.closesAt ?? now))
  const [pollId, setPollId] = useState(poll?.id)
  const [busy, setBusy] = useState<'save' | 'open'>()
  const [failure, setFailure] = useState<string>()
  const [saved, setSaved] = useState<string>()

  const closesAt = /^\d{4}-\d{2}-\d{2}$/.test(closeDate)
    ? new Date(closingInstant(closeDate))
    : undefined
  const refusal = closesAt
    ? designRefusal(
        {
          village: {
            talkDays: village.talkDays,
            counts: village.counts,
            settings: village.settings,
          },
          matter: { category: matter.category?.key, procedure: matter.procedure },
        },
        {
          body: v.body,
          kind: v.kind,
          options: v.options,
          maxSelections: v.maxSelections,
          closesAt,
        },
        now,
      )
    : '截止日期要写成 2026-12-04 这样。'

  const setBody = (body: PollBody) => {
    form.set('body', body)
    if (!closeTouched) {
      const date = closingFor(body)
      setCloseDate(date)
      form.set('closesAt', closingInstant(date))
    }
  }
  const setClose = (date: string) => {
    setCloseTouched(true)
    setCloseDate(date)
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) form.set('closesAt', closingInstant(date))
  }
  // A yes/no poll sends no options: those typed for a choice are kept here meanwhile.
  const [keptOptions, setKeptOptions] = useState<string[]>(['', ''])
  const setKind = (kind: PollKind) => {
    if (kind === v.kind) return
    form.set('kind', kind)
    if (kind === 'yesNo') {
      setKeptOptions(v.options.length > 0 ? v.options : ['', ''])
      form.set('options', [])
      form.set('maxSelections', 1)
    } else form.set('options', v.options.length >= MIN_OPTIONS ? v.options : keptOptions)
  }
  const setOption = (i: number, label: string) =>
    form.set(
      'options',
      v.options.map((o, j) => (j === i ? label : o)),
    )
  const removeOption = (i: number) => {
    const next = v.options.filter((_, j) => j !== i)
    form.set('options', next)
    if (v.maxSelections > next.length) form.set('maxSelections', Math.max(1, next.length))
  }

  /** The draft as sent, once its fields pass the schema (their messages shown otherwise). */
  const checked = () => {
    setFailure(undefined)
    setSaved(undefined)
    const input = form.check()
    if (!input) return undefined
    return {
      question: input.question,
      kind: input.kind,
      options: input.kind === 'choice' ? input.options : [],
      maxSelections: input.kind === 'choice' ? input.maxSelections : 1,
      body: input.body,
      secret: input.secret,
      ...(input.closesAt ? { closesAt: input.closesAt } : {}),
    }
  }
  type Draft = NonNullable<ReturnType<typeof checked>>

  /** Saves the draft (new or edited); answers its id, or undefined with the failure shown. */
  const save = async (draft: Draft): Promise<string | undefined> => {
    if (pollId) {
      const res = await callFunction('polls', 'updateDraft', { ...draft, pollId })
      if (!res.ok) return void setFailure(res.error.message)
      return pollId
    }
    const res = await callFunction('polls', 'draftPoll', { ...draft, matterId: matter.id })
    if (!res.ok) return void setFailure(res.error.message)
    setPollId(res.data.pollId)
    return res.data.pollId
  }

  const saveOnly = async () => {
    const draft = checked()
    if (!draft) return
    setBusy('save')
    const id = await save(draft)
    setBusy(undefined)
    if (id) setSaved('草稿已保存，还没有开始投票。')
  }

  const open = async () => {
    if (refusal) return
    const draft = checked()
    if (!draft) return
    const sure = await confirmAct(
      '开始表决',
      '开始后选民名单就定下来了，问题、选项和截止时间都不能再改。确定开始吗？',
      '开始表决',
    )
    if (!sure) return
    setBusy('open')
    const id = await save(draft)
    if (!id) return setBusy(undefined)
    const res = await callFunction('polls', 'openPoll', { pollId: id })
    setBusy(undefined)
    if (!res.ok) return setFailure(res.error.message)
    form.sent()
    void Taro.redirectTo({ url: withQuery(ROUTES.meeting, { pollId: id }) })
  }

  return (
    <View className="cm__page" id="poll-draft">
      <Text className="cm__title">发起表决</Text>
      <Text className="cm__text" id="poll-matter">
        {`事项：${matter.title}`}
      </Text>
      {matter.category && (
        <Text className="cm__meta">
          {`类别：${matter.category.label}${matter.category.art24 ? `（${matter.category.clause ?? '第二十四条'}所列事项）` : ''}`}
        </Text>
      )}

      <FormField id="poll-question" label="1. 要大家表决什么" error={form.errors.question}>
        <Textarea
          id="poll-question"
          className="cm__textarea"
          value={v.question}
          maxlength={POLL_LIMITS.question + 10}
          placeholder="例如：同意把果园承包给李家吗？"
          onInput={(e) => form.set('question', e.detail.value)}
        />
      </FormField>

      <FormField id="poll-kind" label="2. 怎么投" error={form.errors.kind}>
        <View className="cm__choices">
          {(
            [
              ['yesNo', '赞成 / 反对 / 弃权'],
              ['choice', `从几个选项里选（${MIN_OPTIONS} 到 ${MAX_OPTIONS} 个）`],
            ] as const
          ).map(([kind, words]) => (
            <Button
              key={kind}
              id={`poll-kind-${kind}`}
              type={v.kind === kind ? 'primary' : 'default'}
              size="large"
              block
              onClick={() => setKind(kind)}
            >
              {`${words}${v.kind === kind ? '（已选）' : ''}`}
            </Button>
          ))}
        </View>
      </FormField>

      {v.kind === 'choice' && (
        <FormField id="poll-options" label="选项" error={form.errors.options}>
          {v.options.map((o, i) => (
            <View key={i} className="poll-draft__option">
              <Input
                id={`poll-option-${i + 1}`}
                className="cm__input"
                value={o}
                maxlength={POLL_LIMITS.option + 10}
                placeholder={`第 ${i + 1} 个选项`}
                onInput={(e) => setOption(i, e.detail.value)}
              />
              {v.options.length > MIN_OPTIONS && (
                <Button
                  id={`poll-option-remove-${i + 1}`}
                  size="large"
                  onClick={() => removeOption(i)}
                >
                  删掉
                </Button>
              )}
            </View>
          ))}
          {v.options.length < MAX_OPTIONS && (
            <Button
              id="poll-option-add"
              size="large"
              block
              onClick={() => form.set('options', [...v.options, ''])}
            >
              加一个选项
            </Button>
          )}
          <Text className="cm__ask">每人最多选几项</Text>
          <View className="poll-draft__max">
            {v.options.map((_, i) => (
              <Button
                key={i}
                id={`poll-max-${i + 1}`}
                type={v.maxSelections === i + 1 ? 'primary' : 'default'}
                size="large"
                onClick={() => form.set('maxSelections', i + 1)}
              >
                {`${i + 1} 项`}
              </Button>
            ))}
          </View>
        </FormField>
      )}

      <FormField id="poll-body" label="3. 由谁表决" error={form.errors.body}>
        <View className="cm__choices">
          {BODIES.map((body) => (
            <Button
              key={body}
              id={`poll-body-${body}`}
              type={v.body === body ? 'primary' : 'default'}
              size="large"
              block
              onClick={() => setBody(body)}
            >
              {`${BODY_WORDS[body]}${v.body === body ? '（已选）' : ''}`}
            </Button>
          ))}
        </View>
        {!LAW[v.body].decides && (
          <Text className="cm__meta">民意征询的结果只作参考，不能决定这件事。</Text>
        )}
      </FormField>

      <FormField id="poll-secret" label="4. 投票公开吗" error={form.errors.secret}>
        <View className="cm__choices">
          <Button
            id="poll-secret-yes"
            type={v.secret ? 'primary' : 'default'}
            size="large"
            block
            onClick={() => form.set('secret', true)}
          >
            {`无记名：谁投了什么不公开${v.secret ? '（已选）' : ''}`}
          </Button>
          <Button
            id="poll-secret-no"
            type={!v.secret ? 'primary' : 'default'}
            size="large"
            block
            onClick={() => form.set('secret', false)}
          >
            {`记名：谁投了什么公开${!v.secret ? '（已选）' : ''}`}
          </Button>
        </View>
      </FormField>

      <FormField
        id="poll-closes"
        label={`5. 哪天截止（当天晚上 ${DEFAULT_CLOSING_HOUR}:00，写成 2026-12-04 这样）`}
        error={form.errors.closesAt}
      >
        <Input
          id="poll-closes"
          className="cm__input"
          value={closeDate}
          placeholder="2026-12-04"
          maxlength={10}
          onInput={(e) => setClose(e.detail.value.trim())}
        />
        <Text className="cm__meta" id="poll-closes-words">
          {closesAt
            ? `${formatMonthDayWeekday(shanghaiDate(closesAt))} ${inShanghai(closesAt).format('HH:mm')} 截止`
            : ''}
        </Text>
        <Button
          id="poll-closes-default"
          size="large"
          block
          onClick={() => {
            setCloseTouched(false)
            const date = closingFor(v.body)
            setCloseDate(date)
            form.set('closesAt', closingInstant(date))
          }}
        >
          {`用最早可以截止的时间（${formatMonthDayWeekday(closingFor(v.body))}）`}
        </Button>
      </FormField>

      <View className="cm__card poll-draft__check" id="poll-design">
        <Text className="cm__section">开始前的检查</Text>
        {refusal ? (
          <Text className="cm__failure" id="poll-design-refusal">
            {`现在还不能开始：${refusal}`}
          </Text>
        ) : (
          <Text className="cm__done" id="poll-design-ok">
            检查通过，可以开始表决。
          </Text>
        )}
      </View>

      {failure && (
        <Text className="cm__failure" id="poll-failure">
          {failure}
        </Text>
      )}
      {saved && (
        <Text className="cm__done" id="poll-saved">
          {saved}
        </Text>
      )}
      <Button
        id="poll-save"
        size="large"
        block
        loading={busy === 'save'}
        disabled={!!busy}
        onClick={saveOnly}
      >
        保存草稿
      </Button>
      <Button
        id="poll-open"
        className="cm__button"
        type="primary"
        size="large"
        block
        loading={busy === 'open'}
        disabled={!!busy || !!refusal}
        onClick={open}
      >
        开始表决
      </Button>
    </View>
  )
}
