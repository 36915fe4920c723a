import { useRef } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { ConsoleView } from '../../../../../types/api/matters'
import { formatMonthDayWeekday } from '../../../../../domain/shared/time'
import EmptyView from '../../../../components/EmptyView'
import LoadView from '../../../../components/LoadView'
import Screen from '../../../../components/Screen'
import { useLoad } from '../../../../hooks/useLoad'
import { callFunction } from '../../../../services/cloud'
import { ROUTES, withQuery } from '../../../../routes'
import { useSubscribe } from '../../../../services/subscribe'
import { CommitteeMatterRow, ConsoleRow, go } from './parts'

/** `roles` may be missing from an older back end: then every row is shown. */
type Seen = Omit<ConsoleView, 'roles'> & { roles?: ConsoleView['roles'] }

const loadConsole = () => callFunction('matters', 'getConsole', {})

/** 订阅消息 for the committee: new matters, join requests, matters near their deadline. */
function NotifyRow() {
  const notify = useSubscribe('committee', 'village')
  return (
    <ConsoleRow
      id="console-notify"
      label="有新事、入村申请时提醒我"
      hint={notify.busy ? '正在设置…' : (notify.words ?? '用微信消息提醒，快到答复期限时也提醒')}
      onTap={() => {
        if (!notify.busy) void notify.ask()
      }}
    />
  )
}

function Body({ view }: { view: Seen }) {
  const committee = !view.roles || view.roles.includes('committee')
  const moderator = !view.roles || view.roles.includes('moderator')
  return (
    <View>
      <Text className="cc-title" id="console-title">
        {view.village.name} · 村务
      </Text>

      {committee && (
        <View className="cc-section" id="console-todo">
          <ConsoleRow
            id="console-members"
            label="入村申请"
            hint={view.pendingMembers > 0 ? '点开审核：通过或不通过' : '没有等待审核的申请'}
            count={view.pendingMembers}
            alert={view.pendingMembers > 0}
            onTap={() => go(ROUTES.members)}
          />
          <ConsoleRow
            id="console-overdue"
            label="超期未答复"
            hint={
              view.overdue > 0
                ? `已超过 ${view.village.responseDeadlineDays} 天的答复期限`
                : '没有超期的事'
            }
            count={view.overdue}
            alert={view.overdue > 0}
            onTap={() => go(ROUTES.overdue)}
          />
          <ConsoleRow
            id="console-needs"
            label="需求与服务"
            hint="向乡镇提需求、认领服务、确认对接、评价"
            onTap={() => go(ROUTES.villageNeeds)}
          />
          <ConsoleRow
            id="console-dashboard"
            label="数据看板"
            hint="本村每月的响应率、解决率、满意率"
            onTap={() => go(withQuery(ROUTES.dashboard, { unit: 'village' }))}
          />
        </View>
      )}

      {committee && (
        <View className="cc-section" id="console-incoming">
          <Text className="cc-section__title">等待答复的事</Text>
          <Text className="cc-section__hint">
            接诉即办：提出后 {view.village.responseDeadlineDays} 天内要答复（受理或不予受理）。
          </Text>
          {view.incoming.length === 0 ? (
            <EmptyView id="console-incoming-empty" title="没有等待答复的事" />
          ) : (
            view.incoming.map((m) => <CommitteeMatterRow key={m.id} matter={m} clock={m} />)
          )}
        </View>
      )}

      <View className="cc-section" id="console-agenda">
        <Text className="cc-section__title">接下来的说事日</Text>
        {view.talkDays.map((d) => (
          <ConsoleRow
            key={d.date}
            id={`console-agenda-${d.date}`}
            label={formatMonthDayWeekday(d.date)}
            hint={
              d.items.length === 0
                ? `还没有议题，还能放 ${d.room} 件`
                : `议程 ${d.items.length} 件，还能放 ${d.room} 件`
            }
            count={d.items.length}
            onTap={() => go(ROUTES.agenda)}
          />
        ))}
      </View>

      {moderator && (
        <View className="cc-section" id="console-moderator">
          <Text className="cc-section__title">主持人</Text>
          <ConsoleRow
            id="console-runsheet"
            label="主持说事"
            hint="说事日的议程，一件一件来"
            onTap={() => go(ROUTES.runSheet)}
          />
          <ConsoleRow
            id="console-moderation"
            label="发言审核"
            hint={view.moderationPending > 0 ? '被举报或隐藏的发言，等您看' : '没有等待审核的发言'}
            count={view.moderationPending}
            alert={view.moderationPending > 0}
            onTap={() => go(ROUTES.moderationQueue)}
          />
          {view.toClose.length > 0 && (
            <View id="console-to-close">
              <Text className="cc-section__hint">
                测评期已过、可以关闭的事（{view.toClose.length} 件）：
              </Text>
              {view.toClose.map((m) => (
                <CommitteeMatterRow key={m.id} matter={m} />
              ))}
            </View>
          )}
        </View>
      )}

      {view.openPolls.length > 0 && (
        <View className="cc-section" id="console-open-polls">
          <Text className="cc-section__title">正在表决</Text>
          {view.openPolls.map((p) => (
            <ConsoleRow
              key={p.id}
              id={`console-poll-${p.id}`}
              label={p.matterTitle}
              hint={`${p.question}　现场投票、纸质票、代投`}
              onTap={() => go(withQuery(ROUTES.meeting, { pollId: p.id }))}
            />
          ))}
        </View>
      )}

      {committee && (
        <View className="cc-section" id="console-handling">
          <Text className="cc-section__title">正在办理</Text>
          {view.handling.length === 0 ? (
            <EmptyView id="console-handling-empty" title="没有正在办理的事" />
          ) : (
            view.handling.map((m) => <CommitteeMatterRow key={m.id} matter={m} />)
          )}
        </View>
      )}

      {committee && (
        <View className="cc-section" id="console-more">
          <Text className="cc-section__title">村务</Text>
          <ConsoleRow
            id="console-topic"
            label="开题"
            hint="村委会自己提出一件事"
            onTap={() => go(ROUTES.topic)}
          />
          <ConsoleRow
            id="console-register"
            label="户籍名册"
            hint="村民代表、户代表、导入名册"
            onTap={() => go(ROUTES.register)}
          />
          <ConsoleRow
            id="console-settings"
            label="村里的设置"
            hint="说事日、答复期限、公告期、代投"
            onTap={() => go(ROUTES.settings)}
          />
          <NotifyRow />
        </View>
      )}
    </View>
  )
}

/**
 * 村务 (one `matters.getConsole` call): what waits for the committee — join requests, the raised
 * matters with their 接诉即办 clock, the overdue ones — the coming 说事日 and their agendas, open
 * polls, what is being handled; for moderators the run sheet and the statements to review.
 */
export default function ConsoleHome() {
  const [state, reload] = useLoad(loadConsole)
  // Back from a member, a matter or the settings: read again.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
  return (
    <Screen className="cc-page committee-index">
      <LoadView state={state} onRetry={reload}>
        {(view) => <Body view={view} />}
      </LoadView>
    </Screen>
  )
}
