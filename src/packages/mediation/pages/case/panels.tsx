/**
 * The legal officer's acts on a case, one card each: checked with the function's own schema
 * before sending (useSchemaForm), long texts kept as a draft on the phone, a question before what
 * cannot be undone. Each act answers the case again (`onActed`).
 */
import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Envelope } from '../../../../../types/api'
import type { MediationView } from '../../../../../types/api/mediation'
import { MEDIATION_LIMITS } from '../../../../../domain/mediation/rules'
import { MEDIATION_SCHEMAS } from '../../../../../domain/mediation/schemas'
import { inShanghai } from '../../../../../domain/shared/time'
import FormField from '../../../../components/FormField'
import { useSchemaForm } from '../../../../hooks/useSchemaForm'
import { callFunction } from '../../../../services/cloud'
import { confirmAct } from '../../shared/ask'

interface PanelProps {
  view: MediationView
  onActed: (view: MediationView, words: string) => void
}

/** `2026-11-21` and `9:30` (Shanghai) as an instant, or '' when either is not a date or time. */
export function meetingInstant(date: string, time: string): string {
  const d = date.trim()
  const t = time.trim().replace('：', ':')
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || !/^\d{1,2}:\d{2}$/.test(t)) return ''
  const [h, m] = t.split(':')
  const at = new Date(`${d}T${h.padStart(2, '0')}:${m}:00+08:00`)
  return Number.isNaN(at.getTime()) ? '' : at.toISOString()
}

/** Runs one act: busy while it goes, its refusal in words, the case it answers to `after`. */
function useAct() {
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const run = async (
    call: () => Promise<Envelope<MediationView>>,
    after: (view: MediationView) => void,
  ) => {
    setBusy(true)
    setFailure(undefined)
    const res = await call()
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    after(res.data)
  }
  return { busy, failure, run }
}

function Failure({ id, text }: { id: string; text?: string }) {
  if (!text) return null
  return (
    <Text className="med__failure" id={id}>
      {text}
    </Text>
  )
}

/** 记录一次调解: where, when (today, now, to begin with), and what was said. */
export function MeetingPanel({ view: c, onActed }: PanelProps) {
  const now = inShanghai(Date.now())
  const [date, setDate] = useState(now.format('YYYY-MM-DD'))
  const [time, setTime] = useState(now.format('HH:mm'))
  const form = useSchemaForm(
    MEDIATION_SCHEMAS.recordMeeting,
    { caseId: c.id, at: meetingInstant(date, time), place: '', notes: '' },
    `mediation-meeting:${c.id}`,
  )
  const act = useAct()
  const when = (d: string, t: string) => {
    setDate(d)
    setTime(t)
    form.set('at', meetingInstant(d, t))
  }
  const save = async () => {
    const input = form.check()
    if (!input) return
    await act.run(
      () => callFunction('mediation', 'recordMeeting', { ...input, caseId: c.id }),
      (view) => {
        form.sent()
        form.reset()
        onActed(view, '已记录这次调解')
      },
    )
  }
  return (
    <View className="med__card" id="mediation-meeting-card">
      <Text className="med__section">记录一次调解</Text>
      <FormField id="mediation-meeting-place" label="在哪里调解" error={form.errors.place}>
        <Input
          id="mediation-meeting-place"
          className="med__input"
          value={form.values.place}
          maxlength={MEDIATION_LIMITS.place}
          placeholder="比如：村委会调解室"
          onInput={(e) => form.set('place', e.detail.value)}
        />
      </FormField>
      <FormField id="mediation-meeting-at" label="哪天、几点（北京时间）" error={form.errors.at}>
        <View className="med__row">
          <Input
            id="mediation-meeting-date"
            className="med__input"
            value={date}
            maxlength={10}
            placeholder="2026-11-21"
            onInput={(e) => when(e.detail.value, time)}
          />
          <Input
            id="mediation-meeting-time"
            className="med__input"
            value={time}
            maxlength={5}
            placeholder="09:30"
            onInput={(e) => when(date, e.detail.value)}
          />
        </View>
      </FormField>
      <FormField id="mediation-meeting-notes" label="谈了什么" error={form.errors.notes}>
        <Textarea
          id="mediation-meeting-notes"
          className="med__textarea"
          value={form.values.notes}
          maxlength={MEDIATION_LIMITS.notes}
          placeholder="这次调解谈了什么、双方怎么说"
          onInput={(e) => form.set('notes', e.detail.value)}
        />
      </FormField>
      <Failure id="mediation-meeting-error" text={act.failure} />
      <Button
        id="mediation-meeting-save"
        type="primary"
        size="large"
        block
        loading={act.busy}
        onClick={save}
      >
        记录这次调解
      </Button>
    </View>
  )
}

/** 拟定调解协议: the text the parties confirm; a new text clears every confirmation. */
export function ProposePanel({ view: c, onActed }: PanelProps) {
  const form = useSchemaForm(
    MEDIATION_SCHEMAS.proposeAgreement,
    { caseId: c.id, text: c.agreement?.text ?? '' },
    `mediation-agreement:${c.id}`,
  )
  const act = useAct()
  const again = c.agreement !== undefined
  const save = async () => {
    const input = form.check()
    if (!input) return
    const sure = await confirmAct(
      again ? '改调解协议' : '拟定调解协议',
      again
        ? '改了以后，当事人已经做的确认都作废，每个人要重新看、重新确认。确定吗？'
        : '拟好后，每位当事人都会看到这份协议，各自在自己的手机上确认。确定吗？',
      again ? '改协议' : '拟定',
    )
    if (!sure) return
    await act.run(
      () => callFunction('mediation', 'proposeAgreement', { ...input, caseId: c.id }),
      (view) => {
        form.sent()
        onActed(view, '调解协议已拟定，等当事人确认')
      },
    )
  }
  return (
    <View className="med__card" id="mediation-propose-card">
      <Text className="med__section">{again ? '改调解协议' : '拟定调解协议'}</Text>
      <FormField id="mediation-propose-text" label="协议写什么" error={form.errors.text}>
        <Textarea
          id="mediation-propose-text"
          className="med__textarea"
          value={form.values.text}
          maxlength={MEDIATION_LIMITS.agreement}
          placeholder="双方同意的办法，写清楚谁做什么、什么时候做完"
          onInput={(e) => form.set('text', e.detail.value)}
        />
      </FormField>
      <Failure id="mediation-propose-error" text={act.failure} />
      <Button
        id="mediation-propose-save"
        type="primary"
        size="large"
        block
        loading={act.busy}
        onClick={save}
      >
        {again ? '改调解协议' : '拟定调解协议'}
      </Button>
    </View>
  )
}

/** 调解未成: behind a button, with a note on why (may be left empty). */
export function FailurePanel({ view: c, onActed }: PanelProps) {
  const [shown, setShown] = useState(false)
  const form = useSchemaForm(MEDIATION_SCHEMAS.recordFailure, { caseId: c.id, note: '' })
  const act = useAct()
  const save = async () => {
    const input = form.check()
    if (!input) return
    const sure = await confirmAct(
      '调解未成',
      '记录后这起调解就结束了（村里其他人只看到“调解结束”）。之后还可以转法律援助。确定吗？',
      '调解未成',
    )
    if (!sure) return
    await act.run(
      () => callFunction('mediation', 'recordFailure', { ...input, caseId: c.id }),
      (view) => onActed(view, '已记录调解未成'),
    )
  }
  return (
    <View className="med__card" id="mediation-failure-card">
      {!shown ? (
        <Button id="mediation-failure-open" size="large" block onClick={() => setShown(true)}>
          调解未成
        </Button>
      ) : (
        <View>
          <Text className="med__section">调解未成</Text>
          <FormField
            id="mediation-failure-note"
            label="为什么没调成（可以不写）"
            error={form.errors.note}
          >
            <Textarea
              id="mediation-failure-note"
              className="med__textarea"
              value={form.values.note}
              maxlength={MEDIATION_LIMITS.failureNote}
              placeholder="为什么没调成（可以不写）"
              onInput={(e) => form.set('note', e.detail.value)}
            />
          </FormField>
          <Failure id="mediation-failure-error" text={act.failure} />
          <Button id="mediation-failure-save" size="large" block loading={act.busy} onClick={save}>
            确定调解未成
          </Button>
        </View>
      )}
    </View>
  )
}

/** 转法律援助: to whom, and a note (may be left empty). */
export function ReferPanel({ view: c, onActed }: PanelProps) {
  const [shown, setShown] = useState(false)
  const form = useSchemaForm(MEDIATION_SCHEMAS.referToLegalAid, { caseId: c.id, to: '', note: '' })
  const act = useAct()
  const save = async () => {
    const input = form.check()
    if (!input) return
    const sure = await confirmAct(
      '转法律援助',
      `把这起调解转给“${input.to}”。转了以后村里不再调解这件事。确定吗？`,
      '转法律援助',
    )
    if (!sure) return
    await act.run(
      () => callFunction('mediation', 'referToLegalAid', { ...input, caseId: c.id }),
      (view) => onActed(view, '已转法律援助'),
    )
  }
  return (
    <View className="med__card" id="mediation-refer-card">
      {!shown ? (
        <Button id="mediation-refer-open" size="large" block onClick={() => setShown(true)}>
          转法律援助
        </Button>
      ) : (
        <View>
          <Text className="med__section">转法律援助</Text>
          <FormField id="mediation-refer-to" label="转给哪里" error={form.errors.to}>
            <Input
              id="mediation-refer-to"
              className="med__input"
              value={form.values.to}
              maxlength={MEDIATION_LIMITS.referredTo}
              placeholder="比如：区法律援助中心"
              onInput={(e) => form.set('to', e.detail.value)}
            />
          </FormField>
          <FormField id="mediation-refer-note" label="说明（可以不写）" error={form.errors.note}>
            <Textarea
              id="mediation-refer-note"
              className="med__textarea"
              value={form.values.note}
              maxlength={MEDIATION_LIMITS.referralNote}
              placeholder="转介说明（可以不写）"
              onInput={(e) => form.set('note', e.detail.value)}
            />
          </FormField>
          <Failure id="mediation-refer-error" text={act.failure} />
          <Button id="mediation-refer-save" size="large" block loading={act.busy} onClick={save}>
            确定转法律援助
          </Button>
        </View>
      )}
    </View>
  )
}
