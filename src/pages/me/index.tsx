import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { HomeView } from '../../../types/api/matters'
import type { MemberView, MembershipBrief } from '../../../types/api/village'
import { MEMBER_STATUS_LABELS } from '../../../domain/village/roles'
import EmptyView from '../../components/EmptyView'
import LoadView from '../../components/LoadView'
import MatterItem, { FOCUSABLE } from '../../components/MatterItem'
import Screen from '../../components/Screen'
import { useLargeText } from '../../hooks/useLargeText'
import { useLoad } from '../../hooks/useLoad'
import { callFunction, chooseVillage } from '../../services/cloud'
import { setLargeText } from '../../services/largeText'
import { isMember, loadHome, NOBODY_HOME } from '../../services/talkDays'
import { ROUTES } from '../../routes'
import './index.css'

/** How many of my matters 我的 shows (the rest are on 议事 → 我提的事). */
export const ME_MINE = 3

function statusLine(home: HomeView): string {
  const m = home.member
  if (!m) return '还没有加入村子'
  if (m.status === 'verified') return home.village ? `已加入${home.village.name}` : '已加入村子'
  if (m.status === 'pending') return '已申请加入，等待村委会审核'
  if (m.status === 'declined') return '村委会没有通过您的加入申请'
  return '已退出本村'
}

/** A row that goes somewhere: its word, and an arrow that is only decoration. */
function LinkRow({ id, label, onTap }: { id: string; label: string; onTap: () => void }) {
  return (
    <View className="me__row" id={id} role="link" {...FOCUSABLE} onClick={onTap}>
      <Text className="me__row-label">{label}</Text>
      <Text className="me__row-arrow" aria-hidden>
        ›
      </Text>
    </View>
  )
}

function Who({ member, home }: { member: MemberView | null; home: HomeView }) {
  return (
    <View className="me__who">
      <Text className="me__name" id="me-name">
        {member && member.status !== 'left' ? member.name : '您好'}
      </Text>
      {member && member.status !== 'left' && (
        <Text className="me__household">户号：{member.householdNo}</Text>
      )}
      <View className="me__status" id="me-status">
        <Text className="me__status-text">{statusLine(home)}</Text>
        {member?.status === 'declined' && member.declineReason && (
          <Text className="me__reason">理由：{member.declineReason}</Text>
        )}
      </View>
    </View>
  )
}

/**
 * 切换村子: one row per village the person belongs to (or asked to join, or left), shown only with
 * two or more; the one being looked at says so, a tap on another makes every call act there.
 */
function SwitchVillage({
  memberships,
  current,
  onPick,
}: {
  memberships: MembershipBrief[]
  current: string | undefined
  onPick: (villageId: string) => void
}) {
  return (
    <View className="me__section" id="me-switch">
      <Text className="me__section-title">切换村子</Text>
      {memberships.map((m) => {
        const here = m.villageId === current
        return (
          <View
            key={m.villageId}
            className="me__row"
            id={`me-village-${m.villageId}`}
            role="radio"
            aria-checked={here}
            {...FOCUSABLE}
            onClick={() => !here && onPick(m.villageId)}
          >
            <Text className="me__row-label">{m.villageName || '村子'}</Text>
            <Text className={`me__switch${here ? ' me__switch--on' : ''}`}>
              {here ? '正在看' : MEMBER_STATUS_LABELS[m.status]}
            </Text>
          </View>
        )
      })}
    </View>
  )
}

/**
 * 我的 (one `matters.getHome` call): who I am in the village and how my request stands, my
 * matters, my votes, 大字模式, the 隐私说明, and leaving the village (with a confirmation); with
 * memberships in two or more villages, 切换村子 (the choice is kept on the phone; see
 * services/cloud.ts).
 */
export default function Me() {
  const [loaded, reload] = useLoad(loadHome)
  const [left, setLeft] = useState<HomeView>()
  const [leaveError, setLeaveError] = useState<string>()
  const [leaving, setLeaving] = useState(false)
  const large = useLargeText()
  // Back on this page (from joining, from 我的投票): read again.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) {
      setLeft(undefined)
      reload()
    }
    shown.current = true
  })
  const state = left ? { status: 'ready' as const, data: left } : loaded

  const pick = (villageId: string) => {
    chooseVillage(villageId)
    setLeaveError(undefined)
    setLeft(undefined)
    reload()
  }

  const leave = async (home: HomeView) => {
    setLeaveError(undefined)
    const sure = await Taro.showModal({
      title: '退出本村',
      content: '退出后就不能再提事、发言和投票了。想再加入，要村委会重新审核。确定退出吗？',
      confirmText: '确定退出',
      cancelText: '不退出',
    }).catch(() => ({ confirm: false }))
    if (!sure.confirm) return
    setLeaving(true)
    const res = await callFunction('village', 'leaveVillage', {})
    setLeaving(false)
    if (!res.ok) return setLeaveError(res.error.message)
    const member = home.member ? { ...home.member, status: 'left' as const, roles: [] } : null
    const memberships = home.memberships?.map((m) =>
      m.villageId === member?.villageId ? { ...m, status: 'left' as const } : m,
    )
    setLeft({ ...NOBODY_HOME, member, ...(memberships ? { memberships } : {}) })
    void Taro.showToast({ title: '已退出本村', icon: 'none' })
  }

  return (
    <Screen className="me" tab="me">
      <LoadView state={state} onRetry={reload}>
        {(home) => {
          const member = isMember(home)
          const roles = member ? (home.member?.roles ?? []) : []
          const canJoin = !home.member || ['declined', 'left'].includes(home.member.status)
          return (
            <View>
              <Who member={home.member} home={home} />
              {home.memberships && home.memberships.length > 1 && (
                <SwitchVillage
                  memberships={home.memberships}
                  current={home.member?.villageId}
                  onPick={pick}
                />
              )}
              {canJoin && (
                <Button
                  id="me-join"
                  className="me__join"
                  type="primary"
                  size="large"
                  block
                  onClick={() => Taro.navigateTo({ url: ROUTES.join })}
                >
                  {home.member?.status === 'declined' ? '重新申请加入' : '去加入村子'}
                </Button>
              )}
              {member && (
                <View className="me__section" id="me-mine">
                  <Text className="me__section-title">我提的事</Text>
                  {home.mine.length === 0 ? (
                    <EmptyView title="您还没有提过事" />
                  ) : (
                    home.mine.slice(0, ME_MINE).map((m) => <MatterItem key={m.id} matter={m} />)
                  )}
                  <LinkRow
                    id="me-mine-all"
                    label="看全部我提的事"
                    onTap={() => Taro.redirectTo({ url: `${ROUTES.matters}?mine=1` })}
                  />
                </View>
              )}
              {(roles.includes('committee') || roles.includes('moderator')) && (
                <View className="me__section" id="me-work">
                  <LinkRow
                    id="me-console"
                    label="村务管理"
                    onTap={() => Taro.navigateTo({ url: ROUTES.console })}
                  />
                  {roles.includes('moderator') && (
                    <LinkRow
                      id="me-runsheet"
                      label="主持说事"
                      onTap={() => Taro.navigateTo({ url: ROUTES.runSheet })}
                    />
                  )}
                </View>
              )}
              {(roles.includes('legalOfficer') || roles.includes('committee')) && (
                <View className="me__section" id="me-mediation">
                  <LinkRow
                    id="me-mediations"
                    label="调解案件"
                    onTap={() => Taro.navigateTo({ url: ROUTES.mediations })}
                  />
                </View>
              )}
              <View className="me__section">
                {member && (
                  <LinkRow
                    id="me-votes"
                    label="我的投票"
                    onTap={() => Taro.navigateTo({ url: ROUTES.votes })}
                  />
                )}
                {member && (
                  <LinkRow
                    id="me-join-another"
                    label="再加入一个村子"
                    onTap={() => Taro.navigateTo({ url: ROUTES.join })}
                  />
                )}
                <View
                  className="me__row"
                  id="me-large-text"
                  role="switch"
                  aria-checked={large}
                  {...FOCUSABLE}
                  onClick={() => setLargeText(!large)}
                >
                  <Text className="me__row-label">大字模式</Text>
                  <Text className={`me__switch${large ? ' me__switch--on' : ''}`}>
                    {large ? '已打开' : '已关闭'}
                  </Text>
                </View>
                <LinkRow
                  id="me-privacy"
                  label="隐私说明"
                  onTap={() => Taro.navigateTo({ url: ROUTES.privacy })}
                />
              </View>
              {/* getHome does not say whether the caller holds a staff record (that is the
                  township function's, and a second call on every open of 我的 is not worth it):
                  the row is always there, under its own small heading. */}
              <View className="me__section" id="me-staff">
                <Text className="me__section-hint">工作人员入口</Text>
                <LinkRow
                  id="me-township"
                  label="乡镇/部门工作台"
                  onTap={() => Taro.navigateTo({ url: ROUTES.township })}
                />
              </View>
              {member && (
                <View className="me__section">
                  {leaveError && (
                    <Text className="me__error" id="me-leave-error">
                      {leaveError}
                    </Text>
                  )}
                  <Button
                    id="me-leave"
                    className="me__leave"
                    size="large"
                    block
                    loading={leaving}
                    onClick={() => leave(home)}
                  >
                    退出本村
                  </Button>
                </View>
              )}
            </View>
          )
        }}
      </LoadView>
    </Screen>
  )
}
