import { useEffect, useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { LedgerEntryView } from '../../../../../types/api/township'
import { LEDGER_STATUS_LABELS, LIST_LIMITS } from '../../../../../domain/township/lists'
import EmptyView from '../../../../components/EmptyView'
import FormField from '../../../../components/FormField'
import LoadView from '../../../../components/LoadView'
import Screen from '../../../../components/Screen'
import { shanghaiTime } from '../../../../components/Timeline'
import { useLoad } from '../../../../hooks/useLoad'
import { saveCsvFile } from '../../../../services/ballots'
import { callFunction } from '../../../../services/cloud'
import { townshipChoice } from '../../shared/township'
import { categoryLabel, monthWords, shiftMonth } from '../../shared/words'
import '../../shared/township.css'

/**
 * 台账 of one month (one `township.listLedger` call; the current month unless chosen), by
 * category: each entry's progress, 进展 to add, 办结; 导出 the month as a CSV file (a download in
 * the browser, WeChat's send-file sheet in the mini-program, as the ballots' export does).
 */
export default function TownshipLedger() {
  const [choice] = useState(townshipChoice)
  const [month, setMonth] = useState<string>()
  const [changed, setChanged] = useState<Record<string, LedgerEntryView>>({})
  const [state, reload] = useLoad(() =>
    callFunction('township', 'listLedger', { ...choice, ...(month ? { month } : {}) }),
  )
  // Another month chosen: read it (useLoad runs the loader of the latest render).
  useEffect(() => {
    if (month) reload()
  }, [month, reload])
  const goMonth = (m: string) => {
    setChanged({})
    setMonth(m)
  }
  const replace = (e: LedgerEntryView) => setChanged((old) => ({ ...old, [e.id]: e }))
  return (
    <Screen className="township">
      <LoadView state={state} onRetry={reload}>
        {(ledger) => {
          const items = ledger.items.map((e) => changed[e.id] ?? e)
          return (
            <View className="tw__page" id="tw-ledger">
              <Text className="tw__title" id="tw-ledger-month">
                {monthWords(ledger.month)}台账
              </Text>
              <View className="tw__buttons">
                <Button
                  id="tw-ledger-prev"
                  size="large"
                  block
                  onClick={() => goMonth(shiftMonth(ledger.month, -1))}
                >
                  ‹ 上个月
                </Button>
                <Button
                  id="tw-ledger-next"
                  size="large"
                  block
                  onClick={() => goMonth(shiftMonth(ledger.month, 1))}
                >
                  下个月 ›
                </Button>
                {/* Nothing to export in an empty month: no button (a greyed one is hard to read). */}
                {items.length > 0 && <Export month={ledger.month} />}
              </View>
              {items.length === 0 && (
                <EmptyView
                  id="tw-ledger-empty"
                  title="这个月还没有台账"
                  hint="需求和服务对接好、村里确认后，就记入台账。"
                />
              )}
              <View id="tw-ledger-list">
                {items.map((e, i) => (
                  <View key={e.id}>
                    {(i === 0 || items[i - 1].category !== e.category) && (
                      <Text className="tw__section">{categoryLabel(e.category)}</Text>
                    )}
                    <Entry entry={e} onChanged={replace} />
                  </View>
                ))}
              </View>
            </View>
          )
        }}
      </LoadView>
    </Screen>
  )
}

function Export({ month }: { month: string }) {
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<string>()
  const run = async () => {
    setBusy(true)
    setNote(undefined)
    const res = await callFunction('township', 'exportLedger', { month, ...townshipChoice() })
    if (!res.ok) {
      setBusy(false)
      return setNote(res.error.message)
    }
    const saved = await saveCsvFile({ fileName: res.data.filename, csv: res.data.csv })
    setBusy(false)
    if (!saved.ok) return setNote(saved.error.message)
    if (saved.data === 'cancelled') return
    setNote(
      saved.data === 'copied'
        ? '台账内容已复制，可以粘贴到表格里。'
        : saved.data === 'shared'
          ? '台账文件已发出，可以在电脑上打开。'
          : `台账文件已下载：${res.data.filename}`,
    )
  }
  return (
    <View>
      <Button id="tw-ledger-export" size="large" block loading={busy} onClick={run}>
        导出本月台账
      </Button>
      {note && (
        <Text className="tw__line" id="tw-ledger-export-note">
          {note}
        </Text>
      )}
    </View>
  )
}

function Entry({
  entry: e,
  onChanged,
}: {
  entry: LedgerEntryView
  onChanged: (e: LedgerEntryView) => void
}) {
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const act = async (
    run: () => ReturnType<typeof callFunction<'township', 'addLedgerProgress'>>,
  ) => {
    setBusy(true)
    setFailure(undefined)
    const res = await run()
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    setText('')
    onChanged(res.data)
  }
  const complete = async () => {
    const sure = await Taro.showModal({
      title: '办结',
      content: '确定这件事已经办完了吗？办结后村里会来评价。',
      confirmText: '确定办结',
      cancelText: '先不',
    }).catch(() => ({ confirm: false }))
    if (!sure.confirm) return
    await act(() => callFunction('township', 'completeLedgerEntry', { entryId: e.id }))
  }
  return (
    <View className="tw__card" id={`entry-${e.id}`}>
      <View className="tw__head">
        <Text className="tw__status" id={`entry-status-${e.id}`}>
          {LEDGER_STATUS_LABELS[e.status]}
        </Text>
        <Text className="tw__category">{e.villageName}</Text>
      </View>
      <Text className="tw__text">需求：{e.needDescription}</Text>
      <Text className="tw__line">
        服务：{e.serviceWhat}（{e.providerName}）
      </Text>
      {e.progress.length > 0 && (
        <View className="tw__progress" id={`entry-progress-${e.id}`}>
          {e.progress.map((p, i) => (
            <Text key={i} className="tw__line">
              {shanghaiTime(p.at)}　{p.text}
            </Text>
          ))}
        </View>
      )}
      {e.rating && (
        <Text className="tw__line" id={`entry-rating-${e.id}`}>
          村里评价：{e.rating.score} 分{e.rating.comment ? `，${e.rating.comment}` : ''}
        </Text>
      )}
      {e.status === 'inProgress' && (
        <View>
          <FormField id={`entry-text-${e.id}`} label="进展">
            <Textarea
              id={`entry-text-${e.id}`}
              className="tw__textarea"
              value={text}
              maxlength={LIST_LIMITS.progress}
              placeholder="例如 第一次送餐已完成"
              onInput={(ev) => setText(ev.detail.value)}
            />
          </FormField>
          <View className="tw__buttons">
            <Button
              id={`entry-progress-send-${e.id}`}
              type="primary"
              size="large"
              block
              loading={busy}
              onClick={() =>
                act(() => callFunction('township', 'addLedgerProgress', { entryId: e.id, text }))
              }
            >
              记下进展
            </Button>
            <Button
              id={`entry-complete-${e.id}`}
              size="large"
              block
              disabled={busy}
              onClick={complete}
            >
              办结
            </Button>
          </View>
        </View>
      )}
      {failure && <Text className="tw__failure">{failure}</Text>}
    </View>
  )
}
