import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { AppError } from '../../../../../types/api'
import type { MediationBrief, MediationView } from '../../../../../types/api/mediation'
import { formatMonthDayWeekday } from '../../../../../domain/shared/time'
import Screen from '../../../../components/Screen'
import LoadView from '../../../../components/LoadView'
import { shanghaiTime } from '../../../../components/Timeline'
import { FOCUSABLE } from '../../../../components/MatterItem'
import { useLoad } from '../../../../hooks/useLoad'
import { callFunction } from '../../../../services/cloud'
import { matterUrl } from '../../../../routes'
import { confirmAct, decoded } from '../../shared/ask'
import { FailurePanel, MeetingPanel, ProposePanel, ReferPanel } from './panels'
import '../../shared/mediation.css'

const NO_CASE: AppError = { code: 'NOT_FOUND', message: '找不到这起调解。' }

/** 调解 (`?matterId=`): one getMediation call; every act answers the case again. */
export default function MediationPage() {
  const raw = Taro.getCurrentInstance().router?.params?.matterId ?? ''
  return <MediationScreen matterId={decoded(raw)} />
}

export function MediationScreen({ matterId }: { matterId: string }) {
  const load = useCallback(
    async () =>
      matterId
        ? callFunction('mediation', 'getMediation', { matterId })
        : ({ ok: false, error: NO_CASE } as const),
    [matterId],
  )
  const [state, reload] = useLoad(load)
  // After an act: the case as its answer tells it, and what was done in words.
  const [fresh, setFresh] = useState<MediationView>()
  const [done, setDone] = useState<string>()
  const acted = (view: MediationView, words: string) => {
    setFresh(view)
    setDone(words)
  }
  return (
    <Screen className="mediation">
      <LoadView state={state} onRetry={reload}>
        {(c) =>
          c.kind === 'brief' ? (
            <Brief brief={c} />
          ) : (
            <Case view={fresh ?? c} done={done} onActed={acted} />
          )
        }
      </LoadView>
    </Screen>
  )
}

/** What any other member of the village sees: the matter's title and one word. */
function Brief({ brief: b }: { brief: MediationBrief }) {
  return (
    <View className="med__page" id="mediation">
      <View className="med__card" id="mediation-brief">
        <Text className="med__title" id="mediation-title">
          {b.matterTitle}
        </Text>
        <Text
          className={`med__status${b.statusLabel === '已调解' ? ' med__status--agreed' : ''}`}
          id="mediation-status"
        >
          {b.statusLabel}
        </Text>
        <Text className="med__text">
          调解的内容只有当事人、法治委员和村委会能看到，这是为了保护当事人。
        </Text>
        <Button
          id="mediation-matter-link"
          {...FOCUSABLE}
          className="med__button"
          size="large"
          block
          onClick={() => Taro.navigateTo({ url: matterUrl(b.matterId) })}
        >
          看这件事 ›
        </Button>
      </View>
    </View>
  )
}

interface CaseProps {
  view: MediationView
  done?: string
  onActed: (view: MediationView, words: string) => void
}

/** The whole case, for its parties, its legal officer and the committee. */
function Case({ view: c, done, onActed }: CaseProps) {
  const open = c.status === 'open'
  return (
    <View className="med__page" id="mediation">
      <View className="med__card">
        <Text className="med__title" id="mediation-title">
          {c.matterTitle}
        </Text>
        <Text
          className={`med__status${c.status === 'agreed' ? ' med__status--agreed' : ''}`}
          id="mediation-status"
        >
          {c.statusLabel}
        </Text>
        <Text className="med__text" id="mediation-officer">
          主持调解的法治委员：{c.legalOfficer.name}
        </Text>
        {c.closedOn && (
          <Text className="med__meta" id="mediation-closed">
            结束日期：{formatMonthDayWeekday(c.closedOn)}
          </Text>
        )}
      </View>

      {done && (
        <Text className="med__done" id="mediation-done">
          {done}
        </Text>
      )}

      <Agreement view={c} />
      {c.mayConfirm && <Confirm view={c} onActed={onActed} />}
      <Parties view={c} />
      <Meetings view={c} />

      {c.failure && (
        <View className="med__card" id="mediation-failure">
          <Text className="med__section">调解未成</Text>
          <Text className="med__meta">{shanghaiTime(c.failure.at)}</Text>
          <Text className="med__text">{c.failure.note}</Text>
        </View>
      )}
      {c.referral && (
        <View className="med__card" id="mediation-referral">
          <Text className="med__section">已转法律援助</Text>
          <Text className="med__text">转给：{c.referral.to}</Text>
          <Text className="med__meta">{shanghaiTime(c.referral.at)}</Text>
          {c.referral.note && <Text className="med__text">{c.referral.note}</Text>}
        </View>
      )}

      {c.mayLead && open && <MeetingPanel view={c} onActed={onActed} />}
      {c.mayLead && open && <ProposePanel view={c} onActed={onActed} />}
      {c.mayLead && open && <FailurePanel view={c} onActed={onActed} />}
      {c.mayLead && (open || c.status === 'failed') && <ReferPanel view={c} onActed={onActed} />}

      <View className="med__card">
        <Button
          id="mediation-matter-link"
          {...FOCUSABLE}
          size="large"
          block
          onClick={() => Taro.navigateTo({ url: matterUrl(c.matterId) })}
        >
          看这件事 ›
        </Button>
      </View>
    </View>
  )
}

/** 调解协议, in large type. */
function Agreement({ view: c }: { view: MediationView }) {
  return (
    <View className="med__card" id="mediation-agreement">
      <Text className="med__section">调解协议</Text>
      {c.agreement ? (
        <View>
          <Text className="med__agreement" id="mediation-agreement-text">
            {c.agreement.text}
          </Text>
          <Text className="med__meta">拟定时间：{shanghaiTime(c.agreement.proposedAt)}</Text>
        </View>
      ) : (
        <Text className="med__text">法治委员还没有拟定调解协议。</Text>
      )}
    </View>
  )
}

/** A party who has not confirmed: one big button, and a question that it is their own yes. */
function Confirm({ view: c, onActed }: Pick<CaseProps, 'view' | 'onActed'>) {
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const agreement = c.agreement
  if (!agreement) return null
  const confirm = async () => {
    const sure = await confirmAct(
      '我同意这份调解协议',
      '这是您本人的决定：确认后，就表示您自己同意上面这份调解协议，不能撤回。确定同意吗？',
      '我同意',
    )
    if (!sure) return
    setBusy(true)
    setFailure(undefined)
    const res = await callFunction('mediation', 'confirmAgreement', {
      caseId: c.id,
      proposedAt: agreement.proposedAt,
    })
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    onActed(
      res.data,
      res.data.status === 'agreed'
        ? '您已同意。双方都同意了，调解完成。'
        : '您已同意这份调解协议。',
    )
  }
  return (
    <View className="med__card med__confirm" id="mediation-confirm-card">
      <Text className="med__section">请您确认</Text>
      <Text className="med__text">
        请把上面的调解协议仔细看一遍。同意的话，请点下面的按钮。要由您本人在自己的手机上确认，别人不能替您确认。
      </Text>
      {failure && (
        <Text className="med__failure" id="mediation-confirm-error">
          {failure}
        </Text>
      )}
      <Button
        id="mediation-confirm"
        {...FOCUSABLE}
        type="primary"
        size="large"
        block
        loading={busy}
        onClick={confirm}
      >
        我同意这份调解协议
      </Button>
    </View>
  )
}

function Parties({ view: c }: { view: MediationView }) {
  return (
    <View className="med__card" id="mediation-parties">
      <Text className="med__section">当事人</Text>
      {c.parties.map((p) => (
        <View key={p.memberId} className="med__party" id={`mediation-party-${p.memberId}`}>
          <Text className="med__party-name">{p.name}</Text>
          <Text className={`med__party-state${p.confirmedAt ? ' med__party-state--yes' : ''}`}>
            {p.confirmedAt
              ? `已同意（${shanghaiTime(p.confirmedAt)}）`
              : c.agreement
                ? '还没有确认'
                : '等协议拟好'}
          </Text>
        </View>
      ))}
    </View>
  )
}

function Meetings({ view: c }: { view: MediationView }) {
  return (
    <View className="med__card" id="mediation-meetings">
      <Text className="med__section">调解记录</Text>
      {c.meetings.length === 0 && <Text className="med__text">还没有记录调解。</Text>}
      {c.meetings.map((m, i) => (
        <View key={`${m.at}-${i}`} className="med__meeting">
          <Text className="med__meta">
            {shanghaiTime(m.at)} · {m.place}
          </Text>
          <Text className="med__text">{m.notes}</Text>
        </View>
      ))}
    </View>
  )
}
