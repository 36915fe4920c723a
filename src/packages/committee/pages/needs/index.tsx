import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { getCurrentInstance } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { LedgerEntryView, NeedView, ServiceView } from '../../../../../types/api/township'
import {
  categoryLabel,
  LEDGER_STATUS_LABELS,
  LIST_CATEGORIES,
  LIST_LIMITS,
  LIST_STATUS_LABELS,
  NEED_INPUT,
  PROVIDER_KINDS,
  type ListCategory,
} from '../../../../../domain/township/lists'
import { DECLINE_REASON_MAX } from '../../../../../domain/township/schemas'
import AskFirstButton, { type AskFirstWords } from '../../../../components/AskFirstButton'
import EmptyView from '../../../../components/EmptyView'
import FormField from '../../../../components/FormField'
import LoadView from '../../../../components/LoadView'
import Screen from '../../../../components/Screen'
import { useLoad } from '../../../../hooks/useLoad'
import { useSchemaForm } from '../../../../hooks/useSchemaForm'
import { callFunction } from '../../../../services/cloud'
import '../../shared/committee.css'
import './index.css'

type View3 = 'needs' | 'services' | 'ledger'

const VIEWS: Record<View3, string> = {
  needs: '我们的需求',
  services: '乡镇的服务',
  ledger: '台账和评价',
}

/**
 * 需求与服务 (#14): the village committee's side of the township's two lists. One view at a time,
 * each one call: 我们的需求 (`listNeeds`: 提需求, confirm or decline what the township or a
 * provider proposed, 撤回 an open need, 撤回认领 our own claim not yet answered — both asked
 * first), 乡镇的服务 (`listServices`: the open ones, 认领 one for an open need of ours), 台账和评价
 * (`listLedger`: rate what is done). Opened from a matter (`?matterId=`), the 提需求 form is open
 * and the need is gathered from that matter.
 */
export default function VillageNeeds() {
  const [matterId] = useState(() => getCurrentInstance().router?.params?.matterId)
  const [view, setView] = useState<View3>('needs')
  return (
    <Screen className="vneeds">
      <View className="cm__page" id="vneeds">
        <Text className="cm__title">需求与服务</Text>
        <View className="vn__tabs">
          {(Object.keys(VIEWS) as View3[]).map((k) => (
            <Button
              key={k}
              id={`vneeds-tab-${k}`}
              size="large"
              block
              type={view === k ? 'primary' : 'default'}
              onClick={() => setView(k)}
            >
              {view === k ? `${VIEWS[k]}（正在看）` : VIEWS[k]}
            </Button>
          ))}
        </View>
        {view === 'needs' && <Needs matterId={matterId} />}
        {view === 'services' && <Services />}
        {view === 'ledger' && <Ledger />}
      </View>
    </Screen>
  )
}

const fail = (text?: string, id?: string) =>
  text ? (
    <Text className="cm__failure" id={id}>
      {text}
    </Text>
  ) : null

// ---------------------------------------------------------------------------------------------
// 我们的需求

function Needs({ matterId }: { matterId?: string }) {
  const [state, reload] = useLoad(() => callFunction('township', 'listNeeds', {}))
  const [raising, setRaising] = useState(Boolean(matterId))
  return (
    <LoadView state={state} onRetry={reload}>
      {({ items }) => (
        <View id="vneeds-needs">
          {raising ? (
            <RaiseNeed
              matterId={matterId}
              onDone={() => {
                setRaising(false)
                reload()
              }}
            />
          ) : (
            <Button
              id="vneeds-raise"
              type="primary"
              size="large"
              block
              onClick={() => setRaising(true)}
            >
              提需求
            </Button>
          )}
          {items.length === 0 && (
            <EmptyView title="还没有提过需求" hint="村里办不了、需要乡镇帮忙的事，可以提需求。" />
          )}
          {items.map((n) => (
            <NeedRow key={n.id} need={n} onChanged={reload} />
          ))}
        </View>
      )}
    </LoadView>
  )
}

function NeedRow({ need: n, onChanged }: { need: NeedView; onChanged: () => void }) {
  const [declining, setDeclining] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  // A claim by the township or a provider waits for us; our own claim waits for the provider.
  const ours = n.status === 'claimed' && n.claim && n.claim.by !== 'village'
  const send = async (confirm: boolean) => {
    setBusy(true)
    setFailure(undefined)
    const res = confirm
      ? await callFunction('township', 'confirmClaim', { needId: n.id })
      : await callFunction('township', 'declineClaim', { needId: n.id, reason })
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    void Taro.showToast({ title: confirm ? '已确认，记入台账' : '已拒绝', icon: 'none' })
    onChanged()
  }
  return (
    <View className="cm__card" id={`vneed-${n.id}`}>
      <Text className="vn__status">{LIST_STATUS_LABELS[n.status]}</Text>
      <Text className="vn__what">{n.description}</Text>
      <Text className="cm__text">
        {categoryLabel(n.category)}　{n.place}　{n.when}　{n.peopleAffected} 人
      </Text>
      {n.status === 'open' && (
        <AskFirstButton
          id={`vneed-withdraw-${n.id}`}
          words={WITHDRAW.need}
          act={() => callFunction('township', 'withdrawListing', { kind: 'need', id: n.id })}
          onDone={onChanged}
        />
      )}
      {n.status === 'claimed' && !ours && (
        <View>
          <Text className="cm__meta">等服务方确认</Text>
          <AskFirstButton
            id={`vneed-withdraw-claim-${n.id}`}
            words={WITHDRAW.claim}
            act={() => callFunction('township', 'withdrawClaim', { kind: 'need', id: n.id })}
            onDone={onChanged}
          />
        </View>
      )}
      {ours && (
        <View>
          <Text className="cm__ask">
            {n.claim?.by === 'township' ? '乡镇为这条需求匹配了服务' : '服务方认领了这条需求'}
            ，请确认是否接受。
          </Text>
          {!declining ? (
            <View className="cm__choices">
              <Button
                id={`vneed-confirm-${n.id}`}
                type="primary"
                size="large"
                block
                loading={busy}
                onClick={() => send(true)}
              >
                确认接受
              </Button>
              <Button
                id={`vneed-decline-${n.id}`}
                size="large"
                block
                onClick={() => setDeclining(true)}
              >
                不接受
              </Button>
            </View>
          ) : (
            <View>
              <FormField id={`vneed-reason-${n.id}`} label="不接受的理由">
                <Textarea
                  id={`vneed-reason-${n.id}`}
                  className="cm__textarea"
                  value={reason}
                  maxlength={DECLINE_REASON_MAX}
                  onInput={(e) => setReason(e.detail.value)}
                />
              </FormField>
              <Button
                id={`vneed-decline-send-${n.id}`}
                size="large"
                block
                loading={busy}
                onClick={() => send(false)}
              >
                不接受
              </Button>
            </View>
          )}
        </View>
      )}
      {fail(failure)}
    </View>
  )
}

/** What each withdrawal asks before and says after (WeChat's buttons hold at most 4 characters). */
const WITHDRAW: Record<'need' | 'claim', AskFirstWords> = {
  need: {
    label: '撤回这条需求',
    title: '撤回需求',
    content: '撤回后，这条需求不再出现在乡镇的需求清单上，也不能再对接。确定撤回吗？',
    confirmText: '撤回',
    done: '需求已撤回',
  },
  claim: {
    label: '撤回认领',
    title: '撤回认领',
    content: '撤回后，这条需求和这项服务都回到“待认领”，可以再认领别的服务。确定撤回吗？',
    confirmText: '撤回认领',
    done: '已撤回认领',
  },
}

const EMPTY_NEED = {
  category: '' as ListCategory | '',
  description: '',
  place: '',
  when: '',
  peopleAffected: '' as number | string,
}

type NeedText = 'place' | 'when'

function RaiseNeed({ matterId, onDone }: { matterId?: string; onDone: () => void }) {
  const form = useSchemaForm(NEED_INPUT, EMPTY_NEED, 'committee.need')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const submit = async () => {
    setFailure(undefined)
    const input = form.check()
    if (!input) return
    setBusy(true)
    const res = await callFunction('township', 'raiseNeed', {
      ...input,
      ...(matterId ? { matterId } : {}),
    })
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    form.sent()
    form.reset()
    void Taro.showToast({ title: '需求已提给乡镇', icon: 'none' })
    onDone()
  }
  const line = (key: NeedText, label: string, placeholder: string) => (
    <FormField id={`need-${key}`} label={label} error={form.errors[key]}>
      <Input
        id={`need-${key}`}
        className="cm__input"
        value={form.values[key]}
        maxlength={LIST_LIMITS[key] + 5}
        placeholder={placeholder}
        onInput={(e) => form.set(key, e.detail.value)}
      />
    </FormField>
  )
  return (
    <View className="cm__card" id="vneeds-form">
      <Text className="cm__section">提需求</Text>
      {matterId && <Text className="cm__meta">从村民提的事整理成需求</Text>}
      <FormField id="need-category" label="类别" error={form.errors.category}>
        <View className="cm__choices" id="need-category">
          {(Object.keys(LIST_CATEGORIES) as ListCategory[]).map((k) => (
            <Button
              key={k}
              id={`need-category-${k}`}
              size="large"
              block
              type={form.values.category === k ? 'primary' : 'default'}
              onClick={() => form.set('category', k)}
            >
              {form.values.category === k ? `${LIST_CATEGORIES[k]}（已选）` : LIST_CATEGORIES[k]}
            </Button>
          ))}
        </View>
      </FormField>
      <FormField id="need-description" label="需要什么" error={form.errors.description}>
        <Textarea
          id="need-description"
          className="cm__textarea"
          value={form.values.description}
          maxlength={LIST_LIMITS.description + 10}
          placeholder="例如 独居老人午餐配送，每周三次"
          onInput={(e) => form.set('description', e.detail.value)}
        />
      </FormField>
      {line('place', '地点', '例如 村东头')}
      {line('when', '什么时候', '例如 每周一、三、五中午')}
      <FormField id="need-people" label="受益人数" error={form.errors.peopleAffected}>
        <Input
          id="need-people"
          className="cm__input"
          type="number"
          value={String(form.values.peopleAffected)}
          maxlength={6}
          placeholder="例如 12"
          // Digits become the number the schema asks; anything else stays, for its message.
          onInput={(e) => {
            const typed = e.detail.value.trim()
            form.set('peopleAffected', /^\d+$/.test(typed) ? Number(typed) : typed)
          }}
        />
      </FormField>
      {fail(failure, 'vneeds-form-failure')}
      <Button
        id="vneeds-form-submit"
        type="primary"
        size="large"
        block
        loading={busy}
        onClick={submit}
      >
        提给乡镇
      </Button>
    </View>
  )
}

// ---------------------------------------------------------------------------------------------
// 乡镇的服务

function Services() {
  const [state, reload] = useLoad(() => callFunction('township', 'listServices', {}))
  return (
    <LoadView state={state} onRetry={reload}>
      {({ items }) => (
        <View id="vneeds-services">
          {items.length === 0 && (
            <EmptyView title="乡镇还没有可以认领的服务" hint="乡镇登记了服务，就会出现在这里。" />
          )}
          {items.map((s) => (
            <ServiceRow key={s.id} service={s} onChanged={reload} />
          ))}
        </View>
      )}
    </LoadView>
  )
}

function ServiceRow({ service: s, onChanged }: { service: ServiceView; onChanged: () => void }) {
  const [needs, setNeeds] = useState<NeedView[]>()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const choose = async () => {
    setBusy(true)
    setFailure(undefined)
    const res = await callFunction('township', 'listNeeds', { status: 'open' })
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    setNeeds(res.data.items)
  }
  const claim = async (need: NeedView) => {
    setBusy(true)
    setFailure(undefined)
    const res = await callFunction('township', 'claimService', {
      needId: need.id,
      serviceId: s.id,
    })
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    void Taro.showToast({ title: '已认领，等服务方确认', icon: 'none' })
    onChanged()
  }
  return (
    <View className="cm__card" id={`vservice-${s.id}`}>
      <Text className="vn__status">{LIST_STATUS_LABELS[s.status]}</Text>
      <Text className="vn__what">{s.what}</Text>
      <Text className="cm__text">
        {PROVIDER_KINDS[s.provider.kind]} {s.provider.name}
      </Text>
      <Text className="cm__text">
        {categoryLabel(s.category)}　{s.capacity}　{s.area}　{s.time}
      </Text>
      {s.status === 'open' && !needs && (
        <Button id={`vservice-claim-${s.id}`} size="large" block loading={busy} onClick={choose}>
          认领这项服务
        </Button>
      )}
      {needs && (
        <View>
          <Text className="cm__ask">用在哪条需求上？</Text>
          {needs.length === 0 && (
            <Text className="cm__text">没有等待认领的需求，请先在“我们的需求”里提需求。</Text>
          )}
          <View className="cm__choices">
            {needs.map((n) => (
              <Button
                key={n.id}
                id={`vservice-${s.id}-need-${n.id}`}
                size="large"
                block
                disabled={busy}
                onClick={() => claim(n)}
              >
                {n.description}
              </Button>
            ))}
          </View>
          <Button size="large" block onClick={() => setNeeds(undefined)}>
            先不
          </Button>
        </View>
      )}
      {fail(failure)}
    </View>
  )
}

// ---------------------------------------------------------------------------------------------
// 台账和评价

function Ledger() {
  const [state, reload] = useLoad(() => callFunction('township', 'listLedger', {}))
  return (
    <LoadView state={state} onRetry={reload}>
      {({ items }) => (
        <View id="vneeds-ledger">
          {items.length === 0 && (
            <EmptyView title="这个月还没有台账" hint="需求和服务对接好以后，就记在这里。" />
          )}
          {items.map((e) => (
            <EntryRow key={e.id} entry={e} />
          ))}
        </View>
      )}
    </LoadView>
  )
}

function EntryRow({ entry }: { entry: LedgerEntryView }) {
  const [e, setE] = useState(entry)
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const rate = async () => {
    if (score < 1) return setFailure('请先选几分。')
    setBusy(true)
    setFailure(undefined)
    const res = await callFunction('township', 'rateLedgerEntry', {
      entryId: e.id,
      score,
      comment,
    })
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    setE(res.data)
  }
  return (
    <View className="cm__card" id={`ventry-${e.id}`}>
      <Text className="vn__status">{LEDGER_STATUS_LABELS[e.status]}</Text>
      <Text className="vn__what">{e.needDescription}</Text>
      <Text className="cm__text">
        服务：{e.serviceWhat}（{e.providerName}）
      </Text>
      {e.progress.map((p, i) => (
        <Text key={i} className="cm__meta">
          {p.text}
        </Text>
      ))}
      {e.rating && (
        <Text className="cm__done" id={`ventry-rated-${e.id}`}>
          已评价：{e.rating.score} 分
        </Text>
      )}
      {e.status === 'completed' && !e.rating && (
        <View>
          <Text className="cm__ask">办得怎么样？请打分（5 分最好）</Text>
          <View className="vn__stars">
            {[1, 2, 3, 4, 5].map((n) => (
              <Button
                key={n}
                id={`ventry-score-${e.id}-${n}`}
                size="large"
                type={score === n ? 'primary' : 'default'}
                onClick={() => setScore(n)}
              >
                {score === n ? `${n} 分（已选）` : `${n} 分`}
              </Button>
            ))}
          </View>
          <FormField id={`ventry-comment-${e.id}`} label="说几句（可以不填）">
            <Textarea
              id={`ventry-comment-${e.id}`}
              className="cm__textarea"
              value={comment}
              maxlength={LIST_LIMITS.comment}
              onInput={(ev) => setComment(ev.detail.value)}
            />
          </FormField>
          <Button
            id={`ventry-rate-${e.id}`}
            type="primary"
            size="large"
            block
            loading={busy}
            onClick={rate}
          >
            提交评价
          </Button>
        </View>
      )}
      {fail(failure)}
    </View>
  )
}
