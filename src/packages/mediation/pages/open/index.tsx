import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { AppError } from '../../../../../types/api'
import type { PartyChoice } from '../../../../../types/api/mediation'
import Screen from '../../../../components/Screen'
import LoadView from '../../../../components/LoadView'
import { FOCUSABLE } from '../../../../components/MatterItem'
import { useLoad } from '../../../../hooks/useLoad'
import { callFunction } from '../../../../services/cloud'
import { mediationUrl } from '../../../../routes'
import { confirmAct, decoded } from '../../shared/ask'
import '../../shared/mediation.css'

const NO_MATTER: AppError = { code: 'NOT_FOUND', message: '没有找到这件事。' }

/** More names than this: a name filter above the list. */
export const FILTER_FROM = 12

/**
 * 开始调解 (`?matterId=`): the legal officer chooses two or more parties among the village's
 * verified members (listPartyChoices: names only, for legal officers), then opens the case and
 * goes on to it.
 */
export default function OpenMediationPage() {
  const raw = Taro.getCurrentInstance().router?.params?.matterId ?? ''
  return <OpenMediationScreen matterId={decoded(raw)} />
}

export function OpenMediationScreen({ matterId }: { matterId: string }) {
  const load = useCallback(
    async () =>
      matterId
        ? callFunction('mediation', 'listPartyChoices', { matterId })
        : ({ ok: false, error: NO_MATTER } as const),
    [matterId],
  )
  const [state, reload] = useLoad(load)
  return (
    <Screen className="open-mediation">
      <LoadView state={state} onRetry={reload}>
        {({ members }) => <Choose matterId={matterId} members={members} />}
      </LoadView>
    </Screen>
  )
}

function Choose({ matterId, members }: { matterId: string; members: PartyChoice[] }) {
  const [chosen, setChosen] = useState<string[]>([])
  const [filter, setFilter] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const toggle = (id: string) => {
    setFailure(undefined)
    setChosen((old) => (old.includes(id) ? old.filter((x) => x !== id) : [...old, id]))
  }
  const nameOf = (id: string) => members.find((m) => m.memberId === id)?.name ?? ''
  const shown = members.filter(
    (m) => chosen.includes(m.memberId) || !filter.trim() || m.name.includes(filter.trim()),
  )
  const open = async () => {
    if (chosen.length < 2) return setFailure('调解至少要有两位当事人，请再选。')
    const names = chosen.map(nameOf).join('、')
    const sure = await confirmAct(
      '开始调解',
      `当事人：${names}。开始后，他们、您和村委会能看到调解的全部内容，村里其他人只看到“调解中”。确定开始吗？`,
      '开始调解',
    )
    if (!sure) return
    setBusy(true)
    setFailure(undefined)
    const res = await callFunction('mediation', 'openMediation', { matterId, partyIds: chosen })
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    void Taro.redirectTo({ url: mediationUrl(matterId) })
  }
  return (
    <View className="med__page" id="open-mediation">
      <View className="med__card">
        <Text className="med__section">选当事人</Text>
        <Text className="med__text">
          选出这起纠纷的双方（两位或更多）。已选 {chosen.length} 位
          {chosen.length ? `：${chosen.map(nameOf).join('、')}` : ''}。
        </Text>
        {members.length > FILTER_FROM && (
          <Input
            id="open-mediation-filter"
            className="med__input"
            value={filter}
            placeholder="输入名字找人"
            onInput={(e) => setFilter(e.detail.value)}
          />
        )}
        <View className="med__choices" id="open-mediation-members">
          {shown.map((m) => {
            const on = chosen.includes(m.memberId)
            return (
              <Button
                key={m.memberId}
                id={`open-mediation-${m.memberId}`}
                type={on ? 'primary' : 'default'}
                size="large"
                block
                onClick={() => toggle(m.memberId)}
              >
                {`${m.name}${on ? '（已选）' : ''}`}
              </Button>
            )
          })}
        </View>
        {failure && (
          <Text className="med__failure" id="open-mediation-error">
            {failure}
          </Text>
        )}
        <Button
          id="open-mediation-start"
          {...FOCUSABLE}
          type="primary"
          size="large"
          block
          loading={busy}
          onClick={open}
        >
          开始调解
        </Button>
      </View>
    </View>
  )
}
