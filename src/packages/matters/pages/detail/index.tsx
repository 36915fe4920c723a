import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { AppError } from '../../../../../types/api'
import type { MatterDetail } from '../../../../../types/api/matters'
import { formatMonthDayWeekday } from '../../../../../domain/shared/time'
import Screen from '../../../../components/Screen'
import LoadView from '../../../../components/LoadView'
import StatusTag from '../../../../components/StatusTag'
import PhotoGrid from '../../../../components/PhotoGrid'
import Timeline, { shanghaiTime } from '../../../../components/Timeline'
import Discussion from '../../../../components/Discussion'
import VoteCard from '../../../../components/VoteCard'
import RatingCard from '../../../../components/RatingCard'
import { useLoad } from '../../../../hooks/useLoad'
import { callFunction } from '../../../../services/cloud'
import { queryOfLink } from '../../../../../domain/notice/link'
import { matterUrl, mediationUrl, ROUTES, withQuery } from '../../../../routes'
import './index.css'

const NO_MATTER: AppError = { code: 'NOT_FOUND', message: '没有找到这件事。' }

/** Poll phases whose card the page shows (drafts are the committee's work in progress). */
const SHOWN_PHASES = ['open', 'counting', 'closed']

/** One matter: its story, the vote, the rating, the discussion. One getMatter call on open. */
export default function MatterPage() {
  const params = Taro.getCurrentInstance().router?.params ?? {}
  return <MatterScreen matterId={params.id ? decoded(params.id) : fromScannedLink(params.q)} />
}

/**
 * Opened by scanning a 决议公告's QR code (扫普通链接二维码打开小程序): WeChat hands over the whole
 * link, encoded, as `q`; the matter's id is in its query (domain/notice/link.ts).
 */
function fromScannedLink(q: string | undefined): string {
  if (!q) return ''
  return queryOfLink(decoded(q), ROUTES.matter)?.id ?? ''
}

/** WeChat hands the query over as written (matterUrl encodes it); H5 may have decoded it already. */
function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

export function MatterScreen({ matterId }: { matterId: string }) {
  const load = useCallback(
    async () =>
      matterId
        ? callFunction('matters', 'getMatter', { matterId })
        : ({ ok: false, error: NO_MATTER } as const),
    [matterId],
  )
  const [state, reload] = useLoad(load)
  // A rating changes the count and the average: fetched again, without the loading screen.
  const [fresh, setFresh] = useState<MatterDetail>()
  const refresh = async () => {
    const res = await load()
    if (res.ok) setFresh(res.data)
  }
  return (
    <Screen className="matter">
      <LoadView state={state} onRetry={reload}>
        {(detail) => <MatterBody detail={fresh ?? detail} onRated={refresh} />}
      </LoadView>
    </Screen>
  )
}

function MatterBody({ detail: d, onRated }: { detail: MatterDetail; onRated: () => void }) {
  const poll = d.polls[0]
  const showPoll = poll && SHOWN_PHASES.includes(poll.phase)
  const showRating = !!d.ratingEndsAt || d.rating.count > 0 || d.can.includes('rateMatter')
  return (
    <View className="matter__page">
      <View className="matter__card">
        <Text className="matter__title" id="matter-title">
          {d.title}
        </Text>
        <View className="matter__tags">
          <StatusTag status={d.status} id="matter-status" />
          {d.urgent && <Text className="matter__tag matter__tag--urgent">急事急办</Text>}
          {d.category && <Text className="matter__tag">{d.category.label}</Text>}
        </View>
        <Text className="matter__meta">
          {d.origin === 'committee' ? '村委会开题' : `${d.raisedByName} 提出`} ·{' '}
          {shanghaiTime(d.raisedAt)}
        </Text>
        {d.talkDay && (
          <Text className="matter__meta" id="matter-talkday">
            说事日：{formatMonthDayWeekday(d.talkDay)}
          </Text>
        )}
        {d.status === 'declined' && (
          <Text className="matter__notice" id="matter-declined">
            不予受理。理由：{d.declineReason || '村委会没有写理由'}
          </Text>
        )}
        {d.status === 'merged' && d.mergedInto && (
          <View className="matter__notice" id="matter-merged">
            <Text className="matter__notice-text">
              这件事已经合并到另一件事里一起办：{d.mergedIntoTitle ?? '另一件事'}
            </Text>
            <Button
              id="matter-merged-link"
              className="matter__link"
              size="large"
              block
              onClick={() => Taro.navigateTo({ url: matterUrl(d.mergedInto as string) })}
            >
              去看“{d.mergedIntoTitle ?? '合并后的事'}” ›
            </Button>
          </View>
        )}
        <Text className="matter__body" id="matter-body">
          {d.body}
        </Text>
        <PhotoGrid photos={d.photos} label="照片" />
      </View>

      <Mediation detail={d} />

      {d.outcome && (
        <View className="matter__card" id="matter-outcome">
          <Text className="section-title">办理结果</Text>
          <Text className="matter__text">{d.outcome}</Text>
        </View>
      )}

      {showPoll && (
        <View className="matter__card">
          <VoteCard summary={poll} />
          {poll.phase === 'closed' && (
            <Button
              id="matter-notice-link"
              className="matter__link"
              size="large"
              block
              onClick={() =>
                Taro.navigateTo({ url: withQuery(ROUTES.notice, { pollId: poll.id }) })
              }
            >
              决议公告（贴到公告栏） ›
            </Button>
          )}
        </View>
      )}

      {showRating && (
        <View className="matter__card">
          <RatingCard
            matterId={d.id}
            rating={d.rating}
            ratingEndsAt={d.ratingEndsAt}
            can={d.can}
            onRated={onRated}
          />
        </View>
      )}

      {d.decision && (
        <View className="matter__card" id="matter-decision">
          <Text className="section-title">决议</Text>
          <Text className="matter__text">{d.decision}</Text>
        </View>
      )}

      {d.handling && (
        <View className="matter__card" id="matter-handling">
          <Text className="section-title">办理进展</Text>
          <Text className="matter__text">
            办理人：{d.handling.handlerName}，期限：{formatMonthDayWeekday(d.handling.deadline)}
          </Text>
          {d.handling.reports.length === 0 && <Text className="matter__meta">还没有报告进展</Text>}
          {d.handling.reports.map((r, i) => (
            <View key={`${r.at}-${i}`} className="matter__report">
              <Text className="matter__meta">
                {shanghaiTime(r.at)} · {r.by}
              </Text>
              <Text className="matter__text">{r.text}</Text>
              <PhotoGrid photos={r.photos} label="进展照片" />
            </View>
          ))}
        </View>
      )}

      {d.minutes.length > 0 && (
        <View className="matter__card" id="matter-minutes">
          <Text className="section-title">会议纪要</Text>
          {d.minutes.map((m) => (
            <View key={m.talkDay} className="matter__minute">
              <Text className="matter__meta">{formatMonthDayWeekday(m.talkDay)} 说事日</Text>
              <Text className="matter__text">{m.text}</Text>
            </View>
          ))}
        </View>
      )}

      <View className="matter__card">
        <Timeline matterId={d.id} items={d.timeline} cursor={d.timelineCursor} />
      </View>

      <View className="matter__card">
        <Discussion
          matterId={d.id}
          first={d.discussion}
          can={d.can}
          secondary={(showPoll && poll.phase === 'open') || d.can.includes('rateMatter')}
        />
      </View>
    </View>
  )
}

/**
 * 调解: how the matter's case stands, in the words the caller may read; the case itself for those
 * who see it whole. 开始调解 for a legal officer on a matter without a case.
 */
function Mediation({ detail: d }: { detail: MatterDetail }) {
  const m = d.mediation
  if (!m && !d.can.includes('openMediation')) return null
  return (
    <View className="matter__card" id="matter-mediation">
      <Text className="section-title">调解</Text>
      {m ? (
        <Text className="matter__text" id="matter-mediation-status">
          {m.statusLabel}
        </Text>
      ) : (
        <Text className="matter__text">您是本村的法治委员，可以为这件事的双方调解。</Text>
      )}
      {m?.kind === 'full' && (
        <Button
          id="matter-mediation-link"
          className="matter__link"
          size="large"
          block
          onClick={() => Taro.navigateTo({ url: mediationUrl(d.id) })}
        >
          看调解 ›
        </Button>
      )}
      {!m && (
        <Button
          id="matter-mediation-open"
          className="matter__link"
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
  )
}
