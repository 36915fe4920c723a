import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { ServiceView } from '../../../../../types/api/township'
import { DECLINE_REASON_MAX } from '../../../../../domain/township/schemas'
import FormField from '../../../../components/FormField'
import EmptyView from '../../../../components/EmptyView'
import LoadView from '../../../../components/LoadView'
import Screen from '../../../../components/Screen'
import { callFunction } from '../../../../services/cloud'
import { ROUTES, withQuery } from '../../../../routes'
import { ServiceCard } from '../../shared/parts'
import { usePaged } from '../../shared/paged'
import { townshipChoice } from '../../shared/township'
import AskFirstButton from '../../../../components/AskFirstButton'
import { WITHDRAW_WORDS } from '../../shared/withdrawWords'
import '../../shared/township.css'

/**
 * 服务清单 of the township (one `township.listServices` call; 加载更多), with 登记服务. When a
 * village has taken up a service (村里认领), the staff member who acts for its provider confirms
 * or declines here. An open service can be taken off the list (撤回: withdrawListing), and a claim
 * made with it for its provider or a match by the township taken back while the village has not
 * answered (撤回认领: withdrawClaim) — each asked first, the list read again after.
 */
export default function TownshipServices() {
  const [choice] = useState(townshipChoice)
  const list = usePaged((cursor?: string) =>
    callFunction('township', 'listServices', { ...choice, ...(cursor ? { cursor } : {}) }),
  )
  const [moreFailure, setMoreFailure] = useState<string>()
  // Back from 登记服务: read the list again.
  const [shown, setShown] = useState(false)
  useDidShow(() => {
    if (shown) list.reload()
    setShown(true)
  })
  return (
    <Screen className="township">
      <LoadView state={list.state} onRetry={list.reload}>
        {({ items, nextCursor }) => (
          <View className="tw__page" id="tw-services">
            <Text className="tw__title">服务清单</Text>
            <Button
              id="tw-offer"
              type="primary"
              size="large"
              block
              onClick={() =>
                void Taro.navigateTo({ url: withQuery(ROUTES.townshipOffer, { ...choice }) })
              }
            >
              登记服务
            </Button>
            {items.length === 0 && (
              <EmptyView
                id="tw-services-empty"
                title="还没有登记服务"
                hint="社会组织、企业、在职党员能提供的服务，登记在这里。"
              />
            )}
            <View id="tw-services-list">
              {items.map((s) => (
                <ServiceCard key={s.id} service={s}>
                  {s.status === 'open' && (
                    <AskFirstButton
                      id={`service-withdraw-${s.id}`}
                      words={WITHDRAW_WORDS.service}
                      act={() =>
                        callFunction('township', 'withdrawListing', { kind: 'service', id: s.id })
                      }
                      onDone={list.reload}
                    />
                  )}
                  {s.status === 'claimed' && s.claim?.by === 'village' && s.claim.needId && (
                    <Answer service={s} needId={s.claim.needId} onDone={list.reload} />
                  )}
                  {s.status === 'claimed' && s.claim && s.claim.by !== 'village' && (
                    <>
                      <Text className="tw__line">等村里确认</Text>
                      {s.mayTakeBackClaim && (
                        <AskFirstButton
                          id={`service-withdraw-claim-${s.id}`}
                          words={WITHDRAW_WORDS.claim}
                          act={() =>
                            callFunction('township', 'withdrawClaim', { kind: 'service', id: s.id })
                          }
                          onDone={list.reload}
                        />
                      )}
                    </>
                  )}
                </ServiceCard>
              ))}
            </View>
            {moreFailure && <Text className="tw__failure">{moreFailure}</Text>}
            {nextCursor && (
              <Button
                id="tw-services-more"
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

/** 村里认领了这项服务: the provider's side confirms (a ledger entry) or declines with a reason. */
function Answer({
  service,
  needId,
  onDone,
}: {
  service: ServiceView
  needId: string
  onDone: () => void
}) {
  const [declining, setDeclining] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const send = async (confirm: boolean) => {
    setBusy(true)
    setFailure(undefined)
    const res = confirm
      ? await callFunction('township', 'confirmClaim', { needId })
      : await callFunction('township', 'declineClaim', { needId, reason })
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    void Taro.showToast({ title: confirm ? '已确认，记入台账' : '已拒绝', icon: 'none' })
    onDone()
  }
  return (
    <View className="tw__buttons">
      <Text className="tw__line">村里认领了这项服务，请确认能不能提供。</Text>
      {!declining ? (
        <>
          <Button
            id={`service-confirm-${service.id}`}
            type="primary"
            size="large"
            block
            loading={busy}
            onClick={() => send(true)}
          >
            确认认领
          </Button>
          <Button
            id={`service-decline-${service.id}`}
            size="large"
            block
            onClick={() => setDeclining(true)}
          >
            拒绝认领
          </Button>
        </>
      ) : (
        <>
          <FormField id={`service-reason-${service.id}`} label="拒绝的理由（村里会看到）">
            <Textarea
              id={`service-reason-${service.id}`}
              className="tw__textarea"
              value={reason}
              maxlength={DECLINE_REASON_MAX}
              onInput={(e) => setReason(e.detail.value)}
            />
          </FormField>
          <Button
            id={`service-decline-send-${service.id}`}
            size="large"
            block
            loading={busy}
            onClick={() => send(false)}
          >
            拒绝认领
          </Button>
        </>
      )}
      {failure && <Text className="tw__failure">{failure}</Text>}
    </View>
  )
}
