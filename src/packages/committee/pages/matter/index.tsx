import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { AppError, Envelope } from '../../../../../types/api'
import type { MatterDetail } from '../../../../../types/api/matters'
import { formatMonthDayWeekday } from '../../../../../domain/shared/time'
import { clockAlarm, clockWords, respondByOf } from '../../../../../domain/matters/clock'
import { hoursLeft } from '../../../../../domain/matters/rules'
import Screen from '../../../../components/Screen'
import { FOCUSABLE } from '../../../../components/MatterItem'
import LoadView from '../../../../components/LoadView'
import StatusTag from '../../../../components/StatusTag'
import PhotoGrid from '../../../../components/PhotoGrid'
import PrivacyConsent from '../../../../components/PrivacyConsent'
import { shanghaiTime } from '../../../../components/Timeline'
import { useLoad } from '../../../../hooks/useLoad'
import { callFunction } from '../../../../services/cloud'
import { loadMyVillage, type MyVillage } from '../../../../services/talkDays'
import { matterUrl, mediationUrl, ROUTES, withQuery } from '../../../../routes'
import { mayBlowWhistle, WhistlePanel } from './whistle'
import {
  AcceptPanel,
  AssignPanel,
  CategoryPanel,
  DecisionPanel,
  DeclinePanel,
  MergePanel,
  ProcedurePanel,
  ProgressPanel,
  ResolvePanel,
} from './panels'
import { confirmAct } from '../../../../services/confirm'
import '../../shared/committee.css'
import './index.css'

const NO_MATTER: AppError = { code: 'NOT_FOUND', message: '没有找到这件事。' }

export interface CommitteeMatterData {
  detail: MatterDetail
  /** Only for a raised matter: its deadline and the coming talk days to accept it onto. */
  village?: MyVillage
}

/** WeChat hands the query over as written; H5 may have decoded it already. */
function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/**
 * The committee on one matter (`?id=`): one getMatter call (a raised matter also reads the
 * village's deadline and talk days); its `can` list decides which acts are offered.
 */
export default function CommitteeMatter() {
  const raw = Taro.getCurrentInstance().router?.params?.id ?? ''
  return <CommitteeMatterScreen matterId={decoded(raw)} />
}

export async function loadCommitteeMatter(
  matterId: string,
): Promise<Envelope<CommitteeMatterData>> {
  if (!matterId) return { ok: false, error: NO_MATTER }
  const res = await callFunction('matters', 'getMatter', { matterId })
  if (!res.ok) return res
  if (res.data.status !== 'raised') return { ok: true, data: { detail: res.data } }
  const village = await loadMyVillage()
  if (!village.ok) return village
  return { ok: true, data: { detail: res.data, village: village.data } }
}

export function CommitteeMatterScreen({ matterId }: { matterId: string }) {
  const load = useCallback(() => loadCommitteeMatter(matterId), [matterId])
  const [state, reload] = useLoad(load)
  // After an act: the matter again, without the loading screen, and what was done in words.
  const [fresh, setFresh] = useState<CommitteeMatterData>()
  const [done, setDone] = useState<string>()
  const acted = async (words: string) => {
    setDone(words)
    const res = await load()
    if (res.ok) setFresh(res.data)
  }
  return (
    <Screen className="cmatter">
      <PrivacyConsent />
      <LoadView state={state} onRetry={reload}>
        {(data) => <Body data={fresh ?? data} done={done} onActed={acted} />}
      </LoadView>
    </Screen>
  )
}

interface BodyProps {
  data: CommitteeMatterData
  done?: string
  onActed: (words: string) => void
}

function Body({ data: { detail: d, village }, done, onActed }: BodyProps) {
  const can = (a: string) => d.can.includes(a)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const draft = d.polls.find((p) => p.phase === 'draft')
  const open = d.polls.find((p) => p.phase === 'open')

  const startDiscussion = async () => {
    const sure = await confirmAct(
      '开始议事',
      '开始后村民就可以在这件事下面发言讨论。确定开始吗？',
      '开始议事',
    )
    if (!sure) return
    setBusy(true)
    setFailure(undefined)
    const res = await callFunction('matters', 'startDiscussion', { matterId: d.id })
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    onActed('已开始议事')
  }

  const close = async () => {
    const sure = await confirmAct('关闭', '关闭后这件事就结束了，不能再改。确定关闭吗？', '关闭')
    if (!sure) return
    setBusy(true)
    setFailure(undefined)
    const res = await callFunction('matters', 'closeMatter', { matterId: d.id })
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    onActed('已关闭')
  }

  return (
    <View className="cm__page" id="cmatter">
      <View className="cm__card">
        <Text className="cm__title" id="cmatter-title">
          {d.title}
        </Text>
        <View className="cmatter__tags">
          <StatusTag status={d.status} id="cmatter-status" />
          {d.urgent && <Text className="cmatter__tag cmatter__tag--urgent">急事急办</Text>}
          {d.category && (
            <Text className="cmatter__tag" id="cmatter-category">
              {d.category.label}
              {d.category.art24 ? `（${d.category.clause ?? '第二十四条'}）` : ''}
            </Text>
          )}
        </View>
        <Text className="cm__meta">
          {d.origin === 'committee' ? '村委会开题' : `${d.raisedByName} 提出`} ·{' '}
          {shanghaiTime(d.raisedAt)}
        </Text>
        {d.talkDay && (
          <Text className="cm__meta" id="cmatter-talkday">
            说事日：{formatMonthDayWeekday(d.talkDay)}
          </Text>
        )}
        {d.status === 'raised' && village && <Clock detail={d} village={village} />}
        <Text className="cm__text" id="cmatter-body">
          {d.body}
        </Text>
        <PhotoGrid photos={d.photos} label="照片" />
        {/* Focusable, so that the long page can be scrolled from the keyboard. */}
        <Button
          id="cmatter-resident-link"
          {...FOCUSABLE}
          className="cm__button"
          size="large"
          block
          onClick={() => Taro.navigateTo({ url: matterUrl(d.id) })}
        >
          看村民看到的页面（经过和发言）›
        </Button>
        {/* 需求清单: a matter the village cannot answer alone goes to the township as a need. */}
        <Button
          id="cmatter-raise-need"
          className="cm__button"
          size="large"
          block
          onClick={() =>
            Taro.navigateTo({ url: withQuery(ROUTES.villageNeeds, { matterId: d.id }) })
          }
        >
          提给乡镇（提需求）›
        </Button>
      </View>

      {done && (
        <Text className="cm__done" id="cmatter-done">
          {done}
        </Text>
      )}
      {failure && (
        <Text className="cm__failure" id="cmatter-failure">
          {failure}
        </Text>
      )}

      {(d.mediation || can('openMediation')) && (
        <View className="cm__card" id="cmatter-mediation">
          <Text className="cm__section">调解</Text>
          {d.mediation && (
            <Text className="cm__text" id="cmatter-mediation-status">
              {d.mediation.statusLabel}
            </Text>
          )}
          {d.mediation?.kind === 'full' && (
            <Button
              id="cmatter-mediation-link"
              size="large"
              block
              onClick={() => Taro.navigateTo({ url: mediationUrl(d.id) })}
            >
              看调解 ›
            </Button>
          )}
          {!d.mediation && (
            <Button
              id="cmatter-mediation-open"
              type="primary"
              size="large"
              block
              onClick={() =>
                Taro.navigateTo({ url: withQuery(ROUTES.openMediation, { matterId: d.id }) })
              }
            >
              开始调解 ›
            </Button>
          )}
        </View>
      )}

      {mayBlowWhistle(d) && <WhistlePanel detail={d} onActed={onActed} />}
      {can('acceptMatter') && <AcceptPanel detail={d} village={village} onActed={onActed} />}
      {can('declineMatter') && <DeclinePanel detail={d} onActed={onActed} />}
      {can('mergeMatter') && <MergePanel detail={d} onActed={onActed} />}
      {can('changeCategory') && <CategoryPanel detail={d} onActed={onActed} />}
      {(can('recordProcedureStep') || d.procedure.length > 0) && (
        <ProcedurePanel detail={d} may={can('recordProcedureStep')} onActed={onActed} />
      )}

      {can('startDiscussion') && (
        <View className="cm__card">
          <Text className="cm__section">开始议事</Text>
          <Text className="cm__meta">
            {d.urgent ? '急事急办：现在就可以开始。' : '今天是这件事的说事日，可以开始议事了。'}
          </Text>
          <Button
            id="cmatter-start"
            type="primary"
            size="large"
            block
            loading={busy}
            onClick={startDiscussion}
          >
            开始议事
          </Button>
        </View>
      )}

      {(can('draftPoll') || draft || open) && (
        <View className="cm__card" id="cmatter-polls">
          <Text className="cm__section">表决</Text>
          {draft && (
            <Button
              id="cmatter-poll-draft"
              size="large"
              block
              onClick={() =>
                Taro.navigateTo({ url: withQuery(ROUTES.pollDraft, { pollId: draft.id }) })
              }
            >
              {`改草稿再发起：${draft.question}`}
            </Button>
          )}
          {open && (
            <Button
              id="cmatter-poll-meeting"
              className="cm__button"
              size="large"
              block
              onClick={() =>
                Taro.navigateTo({ url: withQuery(ROUTES.meeting, { pollId: open.id }) })
              }
            >
              {`现场投票：${open.question}`}
            </Button>
          )}
          {can('draftPoll') && !draft && (
            <Button
              id="cmatter-poll"
              className="cm__button"
              type="primary"
              size="large"
              block
              onClick={() =>
                Taro.navigateTo({ url: withQuery(ROUTES.pollDraft, { matterId: d.id }) })
              }
            >
              发起表决 ›
            </Button>
          )}
        </View>
      )}

      {can('recordDecision') && <DecisionPanel detail={d} onActed={onActed} />}
      {can('assignHandling') && <AssignPanel detail={d} onActed={onActed} />}
      {d.handling && <Handling detail={d} />}
      {can('reportProgress') && <ProgressPanel detail={d} onActed={onActed} />}
      {can('resolveMatter') && <ResolvePanel detail={d} onActed={onActed} />}

      {d.decision && (
        <View className="cm__card" id="cmatter-decision">
          <Text className="cm__section">决议</Text>
          <Text className="cm__text">{d.decision}</Text>
        </View>
      )}
      {d.outcome && (
        <View className="cm__card" id="cmatter-outcome">
          <Text className="cm__section">办理结果</Text>
          <Text className="cm__text">{d.outcome}</Text>
        </View>
      )}

      {can('closeMatter') && (
        <View className="cm__card">
          <Text className="cm__section">关闭这件事</Text>
          <Text className="cm__meta">评价期已过，可以关闭了。</Text>
          <Button id="cmatter-close" size="large" block loading={busy} onClick={close}>
            关闭
          </Button>
        </View>
      )}
    </View>
  )
}

/** 接诉即办: the time left to answer, or how long overdue (red under a day). */
function Clock({ detail: d, village }: { detail: MatterDetail; village: MyVillage }) {
  const by = respondByOf(d.raisedAt, village.responseDeadlineDays)
  const now = Date.now()
  const hours = hoursLeft({ respondBy: by }, new Date(now))
  return (
    <View className="cmatter__clock" id="cmatter-clock">
      <Text className={`cm__text${clockAlarm(hours) ? ' cm__alarm' : ''}`}>
        {clockWords(by, now)}
      </Text>
      <Text className="cm__meta">
        要在 {shanghaiTime(by.toISOString())} 前答复（本村 {village.responseDeadlineDays} 天内答复）
      </Text>
    </View>
  )
}

function Handling({ detail: d }: { detail: MatterDetail }) {
  const h = d.handling
  if (!h) return null
  return (
    <View className="cm__card" id="cmatter-handling">
      <Text className="cm__section">办理进展</Text>
      <Text className="cm__text">
        办理人：{h.handlerName}，期限：{formatMonthDayWeekday(h.deadline)}
      </Text>
      {h.reports.length === 0 && <Text className="cm__meta">还没有报告进展</Text>}
      {h.reports.map((r, i) => (
        <View key={`${r.at}-${i}`} className="cmatter__report">
          <Text className="cm__meta">
            {shanghaiTime(r.at)} · {r.by}
          </Text>
          <Text className="cm__text">{r.text}</Text>
          <PhotoGrid photos={r.photos} label="进展照片" />
        </View>
      ))}
    </View>
  )
}
