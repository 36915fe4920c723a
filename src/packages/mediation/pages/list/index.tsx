import { useCallback } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MediationBrief, MediationView } from '../../../../../types/api/mediation'
import Screen from '../../../../components/Screen'
import LoadView from '../../../../components/LoadView'
import EmptyView from '../../../../components/EmptyView'
import { FOCUSABLE } from '../../../../components/MatterItem'
import { useLoad } from '../../../../hooks/useLoad'
import { callFunction } from '../../../../services/cloud'
import { mediationUrl } from '../../../../routes'
import '../../shared/mediation.css'

/** 调解案件: the village's cases, newest first. One listMediations call. */
export default function MediationsPage() {
  return <MediationsScreen />
}

export function MediationsScreen() {
  const load = useCallback(() => callFunction('mediation', 'listMediations', {}), [])
  const [state, reload] = useLoad(load)
  return (
    <Screen className="mediations">
      <LoadView state={state} onRetry={reload}>
        {({ items }) => (
          <View className="med__page" id="mediations">
            <View className="med__card" id="mediations-list">
              <Text className="med__section">调解案件</Text>
              {items.length === 0 && (
                <EmptyView title="还没有调解案件" hint="法治委员在一件事的页面上点“开始调解”。" />
              )}
              {items.map((item) => (
                <Row key={item.matterId} item={item} />
              ))}
            </View>
          </View>
        )}
      </LoadView>
    </Screen>
  )
}

/** One case: its matter's title, how it stands, and (for a case seen whole) who is in it. */
function Row({ item }: { item: MediationView | MediationBrief }) {
  const full = item.kind === 'full'
  return (
    <View
      className="med__item"
      id={`mediations-${item.matterId}`}
      role="link"
      {...FOCUSABLE}
      onClick={() => Taro.navigateTo({ url: mediationUrl(item.matterId) })}
    >
      <Text className="med__party-name">{item.matterTitle}</Text>
      <Text className="med__text">
        {item.statusLabel}
        {full ? ` · 当事人：${item.parties.map((p) => p.name).join('、')}` : ''}
      </Text>
      {full && item.mayConfirm && <Text className="med__failure">等您确认调解协议</Text>}
    </View>
  )
}
