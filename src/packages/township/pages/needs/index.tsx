import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { NeedView, ServiceView } from '../../../../../types/api/township'
import EmptyView from '../../../../components/EmptyView'
import LoadView from '../../../../components/LoadView'
import Screen from '../../../../components/Screen'
import { callFunction } from '../../../../services/cloud'
import { NeedCard } from '../../shared/parts'
import { usePaged } from '../../shared/paged'
import { townshipChoice } from '../../shared/township'
import AskFirstButton from '../../../../components/AskFirstButton'
import { WITHDRAW_WORDS } from '../../shared/withdrawWords'
import { categoryLabel, providerWords } from '../../shared/words'
import '../../shared/township.css'

/**
 * 需求清单 of the township (one `township.listNeeds` call; 加载更多 for the next page). An open
 * need can be matched with one of the township's open services (匹配服务: assignPair, the village
 * then confirms) or claimed with a service this staff member registered, for its provider
 * (代服务方认领: claimNeed). The open services are read only when one of the two is tapped. A
 * match or a claim made here, while the village has not answered it, can be taken back (撤回认领:
 * withdrawClaim, asked first; the list is read again).
 */
export default function TownshipNeeds() {
  const [choice] = useState(townshipChoice)
  const list = usePaged((cursor?: string) =>
    callFunction('township', 'listNeeds', { ...choice, ...(cursor ? { cursor } : {}) }),
  )
  const [moreFailure, setMoreFailure] = useState<string>()
  return (
    <Screen className="township">
      <LoadView state={list.state} onRetry={list.reload}>
        {({ items, nextCursor }) => (
          <View className="tw__page" id="tw-needs">
            <Text className="tw__title">需求清单</Text>
            {items.length === 0 && (
              <EmptyView
                id="tw-needs-empty"
                title="还没有需求"
                hint="村里提了需求，就会出现在这里。"
              />
            )}
            <View id="tw-needs-list">
              {items.map((n) => (
                <NeedCard key={n.id} need={n}>
                  {n.status === 'open' && <PairPanel need={n} onPaired={list.replace} />}
                  {n.status === 'claimed' && n.claim?.by === 'village' && (
                    <Text className="tw__line">等服务方确认</Text>
                  )}
                  {n.status === 'claimed' && n.claim && n.claim.by !== 'village' && (
                    <>
                      <Text className="tw__line">等村里确认</Text>
                      {n.mayTakeBackClaim && (
                        <AskFirstButton
                          id={`need-withdraw-claim-${n.id}`}
                          words={WITHDRAW_WORDS.claim}
                          act={() =>
                            callFunction('township', 'withdrawClaim', { kind: 'need', id: n.id })
                          }
                          onDone={list.reload}
                        />
                      )}
                    </>
                  )}
                </NeedCard>
              ))}
            </View>
            {moreFailure && <Text className="tw__failure">{moreFailure}</Text>}
            {nextCursor && (
              <Button
                id="tw-needs-more"
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
    </Screen>
  )
}

type Way = 'assignPair' | 'claimNeed'

const WAY_ASK: Record<Way, string> = {
  assignPair: '选一项服务，和这条需求对接',
  claimNeed: '选一项您登记的服务，替服务方认领',
}

/** 匹配服务 / 代服务方认领: choose one of the township's open services, then send. */
function PairPanel({ need, onPaired }: { need: NeedView; onPaired: (n: NeedView) => void }) {
  const [way, setWay] = useState<Way>()
  const [services, setServices] = useState<ServiceView[]>()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()

  const open = async (w: Way) => {
    setWay(w)
    setFailure(undefined)
    if (services) return
    setBusy(true)
    const res = await callFunction('township', 'listServices', {
      ...townshipChoice(),
      status: 'open',
    })
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    setServices(res.data.items)
  }

  const pair = async (service: ServiceView) => {
    if (!way) return
    setBusy(true)
    setFailure(undefined)
    const res = await callFunction('township', way, { needId: need.id, serviceId: service.id })
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    onPaired(res.data)
  }

  return (
    <View className="tw__buttons" id={`need-pair-${need.id}`}>
      {!way && (
        <>
          <Button
            id={`need-assign-${need.id}`}
            type="primary"
            size="large"
            block
            onClick={() => open('assignPair')}
          >
            匹配服务
          </Button>
          <Button id={`need-claim-${need.id}`} size="large" block onClick={() => open('claimNeed')}>
            代服务方认领
          </Button>
        </>
      )}
      {way && (
        <View>
          <Text className="tw__section">{WAY_ASK[way]}</Text>
          {services?.length === 0 && (
            <Text className="tw__line">服务清单里还没有可以对接的服务，请先登记服务。</Text>
          )}
          <View className="tw__choices">
            {services?.map((s) => (
              <Button
                key={s.id}
                id={`need-${need.id}-service-${s.id}`}
                size="large"
                block
                disabled={busy}
                onClick={() => pair(s)}
              >
                {`${s.what}（${providerWords(s)}，${categoryLabel(s.category)}）`}
              </Button>
            ))}
          </View>
          <Button
            id={`need-pair-cancel-${need.id}`}
            size="large"
            block
            onClick={() => setWay(undefined)}
          >
            先不
          </Button>
        </View>
      )}
      {failure && (
        <Text className="tw__failure" id={`need-pair-failure-${need.id}`}>
          {failure}
        </Text>
      )}
    </View>
  )
}
