import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { getCurrentInstance, useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { WhistleStatus } from '../../../../../types/model/township'
import EmptyView from '../../../../components/EmptyView'
import LoadView from '../../../../components/LoadView'
import Screen from '../../../../components/Screen'
import { callFunction } from '../../../../services/cloud'
import { ROUTES, withQuery } from '../../../../routes'
import Choices from '../../shared/Choices'
import { usePaged } from '../../shared/paged'
import WhistleCard from '../../shared/WhistleCard'
import '../../shared/township.css'

const SHOWN: Record<'raised' | 'acknowledged' | 'resolved', string> = {
  raised: '待报到',
  acknowledged: '已报到，在办',
  resolved: '已办结',
}

/**
 * 吹哨事项 (one `whistles.listWhistles` call; 加载更多): what the caller's unit must answer — a
 * department its own, a township or the district those the clock has taken to them — by due
 * time, each with its clock in words and overdue said and shown in red. `?staffId=` names which
 * of the caller's staff records (from the 工作台).
 */
export default function Whistles() {
  const [staffId] = useState(() => getCurrentInstance().router?.params?.staffId)
  const [status, setStatus] = useState<keyof typeof SHOWN>('raised')
  const list = usePaged((cursor?: string) =>
    callFunction('whistles', 'listWhistles', {
      status: status as WhistleStatus,
      ...(staffId ? { staffId } : {}),
      ...(cursor ? { cursor } : {}),
    }),
  )
  const [moreFailure, setMoreFailure] = useState<string>()
  const { reload } = list
  // Another status chosen, or back on this page from one whistle: read again.
  const opened = useRef(false)
  useEffect(() => {
    if (opened.current) reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status])
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
  useEffect(() => {
    opened.current = true
  }, [])
  return (
    <Screen className="township">
      <View className="tw__page" id="tw-whistles">
        <Text className="tw__title">吹哨事项</Text>
        <Choices id="tw-whistles-status" options={SHOWN} value={status} onChoose={setStatus} />
        <LoadView state={list.state} onRetry={reload}>
          {({ items, nextCursor }) => (
            <View id="tw-whistles-list">
              {items.length === 0 && (
                <EmptyView
                  id="tw-whistles-empty"
                  title={status === 'raised' ? '没有等待报到的吹哨' : '这里还没有吹哨事项'}
                />
              )}
              {items.map((w) => (
                <WhistleCard
                  key={w.id}
                  whistle={w}
                  onTap={() =>
                    void Taro.navigateTo({
                      url: withQuery(ROUTES.townshipWhistle, { id: w.id, matterId: w.matterId }),
                    })
                  }
                />
              ))}
              {moreFailure && <Text className="tw__failure">{moreFailure}</Text>}
              {nextCursor && (
                <Button
                  id="tw-whistles-more"
                  size="large"
                  block
                  loading={list.loadingMore}
                  onClick={async () => setMoreFailure(await list.more())}
                >
                  加载更多
                </Button>
              )}
            </View>
          )}
        </LoadView>
      </View>
    </Screen>
  )
}
