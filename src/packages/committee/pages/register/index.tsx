import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type {
  ImportHouseholdsResponse,
  PersonView,
  RegisterChange,
} from '../../../../../types/api/village'
import { VILLAGE_SCHEMAS } from '../../../../../domain/village/schemas'
import EmptyView from '../../../../components/EmptyView'
import FormField from '../../../../components/FormField'
import LoadView from '../../../../components/LoadView'
import Screen from '../../../../components/Screen'
import { useLoad } from '../../../../hooks/useLoad'
import { useSchemaForm } from '../../../../hooks/useSchemaForm'
import { callFunction } from '../../../../services/cloud'
import { pickCsvFile } from '../../../../services/files'
import '../index/console.css'

const PAGE = 50

type Page = { persons: PersonView[]; nextCursor?: string }

const loadPage = (cursor?: string) =>
  callFunction('village', 'listPersons', { limit: PAGE, ...(cursor ? { cursor } : {}) })

interface Household {
  id: string
  number: string
  persons: PersonView[]
}

/** The register's persons by household, in the order the households first appear. */
export function byHousehold(persons: readonly PersonView[]): Household[] {
  const out = new Map<string, Household>()
  for (const p of persons) {
    const h = out.get(p.householdId) ?? { id: p.householdId, number: p.householdNo, persons: [] }
    h.persons.push(p)
    out.set(p.householdId, h)
  }
  return [...out.values()]
}

const who = (list: RegisterChange[]) => list.map((c) => `${c.householdNo}户${c.name}`).join('、')

/** The import's answer in plain words: each row, the households, the persons, the counts. */
function Report({ report }: { report: ImportHouseholdsResponse }) {
  const bad = report.rows.filter((r) => !r.ok)
  const p = report.persons
  return (
    <View className="cc-card" id="import-report">
      <Text className="cc-card__name">导入结果</Text>
      <Text className="cc-card__line" id="import-rows-summary">
        {bad.length === 0
          ? `表格共 ${report.rows.length} 行，每一行都导入了。`
          : `表格共 ${report.rows.length} 行：${report.rows.length - bad.length} 行导入了，${bad.length} 行没有导入（原因在下面）。`}
      </Text>
      <Text className="cc-card__line" id="import-households">
        户：新加 {report.created} 户，更新 {report.updated} 户，{report.unchanged} 户没有变化。
      </Text>
      <Text className="cc-card__line" id="import-persons">
        人：新加 {p.created} 人，改了 {p.updated} 人，{p.unchanged} 人没有变化。
      </Text>
      {p.removed.length > 0 && (
        <Text className="cc-card__line" id="import-removed">
          表格里没有、已从名册上去掉的：{who(p.removed)}。
        </Text>
      )}
      {p.kept.length > 0 && (
        <Text className="cc-failure" id="import-kept">
          表格里没有、但有账号关联所以留在名册上的：{who(p.kept)}
          。如果确实离开了，请先在成员审核里取消关联，再导入一次。
        </Text>
      )}
      <Text className="cc-card__line" id="import-counts">
        现在名册上共 {report.counts.households} 户，18 岁以上 {report.counts.adults} 人，村民代表{' '}
        {report.counts.representatives} 人。
      </Text>
      <View id="import-rows">
        {report.rows.map((r) => (
          <Text
            key={r.row}
            id={`import-row-${r.row}`}
            className={r.ok ? 'cc-card__line' : 'cc-failure'}
          >
            第 {r.row} 行：{r.ok ? '已导入' : `没有导入，${r.reason ?? '这一行不对'}`}
          </Text>
        ))}
      </View>
    </View>
  )
}

function Import({ onImported }: { onImported: () => void }) {
  const form = useSchemaForm(VILLAGE_SCHEMAS.importHouseholds, { csv: '' })
  const [file, setFile] = useState<string>()
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const [report, setReport] = useState<ImportHouseholdsResponse>()

  const choose = async () => {
    setFailure(undefined)
    const res = await pickCsvFile()
    if (!res.ok) return setFailure(res.error.message)
    if (!res.data) return
    setFile(res.data.name)
    form.set('csv', res.data.text)
  }

  const ask = () => {
    setFailure(undefined)
    setReport(undefined)
    if (form.check()) setAsking(true)
  }

  const send = async () => {
    setAsking(false)
    const input = form.check()
    if (!input) return
    setBusy(true)
    const res = await callFunction('village', 'importHouseholds', input)
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    setReport(res.data)
    setFile(undefined)
    form.set('csv', '')
    onImported()
  }

  const lines = form.values.csv ? form.values.csv.split(/\r?\n/).filter((l) => l.trim()).length : 0

  return (
    <View className="cc-section" id="register-import">
      <Text className="cc-section__title">导入户籍名册</Text>
      <Text className="cc-section__hint">
        表格第一行写：户号,户主,姓名,是否成年。下面每个人一行，例如：001,张建国,张建国,是
      </Text>
      <Button id="import-file" size="large" block onClick={choose}>
        {process.env.TARO_ENV === 'weapp' ? '从微信聊天里选表格文件' : '选表格文件（.csv）'}
      </Button>
      {process.env.TARO_ENV === 'weapp' && (
        <Text className="cc-section__hint">先在电脑上把表格发到“文件传输助手”，再在这里选。</Text>
      )}
      {file ? (
        <View className="cc-card" id="import-file-chosen">
          <Text className="cc-card__name">已选：{file}</Text>
          <Text className="cc-card__line">共 {lines} 行（含第一行标题）</Text>
          <View
            className="cc-choice"
            id="import-file-clear"
            role="button"
            onClick={() => {
              setFile(undefined)
              form.set('csv', '')
            }}
          >
            <Text>不用这个文件</Text>
          </View>
        </View>
      ) : (
        <FormField id="import-csv" label="或者把表格的文字粘贴在这里" error={form.errors.csv}>
          <Textarea
            id="import-csv"
            className="cc-textarea"
            value={form.values.csv}
            maxlength={-1}
            placeholder={'户号,户主,姓名,是否成年\n001,张建国,张建国,是'}
            onInput={(e) => form.set('csv', e.detail.value)}
          />
        </FormField>
      )}
      {file && form.errors.csv && (
        <Text className="cc-failure" id="import-csv-error">
          {form.errors.csv}
        </Text>
      )}
      {asking ? (
        <View id="confirm">
          <Text className="cc-failure">
            导入后，名册按这个表格更新：表格里各户没有写的人会从名册上去掉（有账号关联的会留下）。确定导入吗？
          </Text>
          <View className="cc-buttons">
            <Button id="confirm-ok" type="primary" size="large" onClick={send}>
              确定导入
            </Button>
            <Button id="confirm-cancel" size="large" onClick={() => setAsking(false)}>
              再想想
            </Button>
          </View>
        </View>
      ) : (
        <Button
          id="import-submit"
          className="cc-more"
          type="primary"
          size="large"
          block
          loading={busy}
          onClick={ask}
        >
          导入
        </Button>
      )}
      {failure && (
        <Text className="cc-failure" id="import-failure">
          {failure}
        </Text>
      )}
      {report && <Report report={report} />}
    </View>
  )
}

function PersonRow({
  person: p,
  busy,
  onRepresentative,
  onVoter,
}: {
  person: PersonView
  busy: string | undefined
  onRepresentative: () => void
  onVoter: () => void
}) {
  const marks = [
    p.adult ? '成年' : '未成年',
    p.representative ? '村民代表' : '',
    p.householdVoter ? '户代表' : '',
    p.accounts > 0 ? `已关联 ${p.accounts} 个账号` : '没有账号',
  ].filter(Boolean)
  return (
    <View className="cc-card" id={`person-${p.id}`}>
      <Text className="cc-card__name">{p.name}</Text>
      <Text className="cc-card__line">{marks.join(' · ')}</Text>
      {p.adultUnknown && (
        <Text className="cc-failure">这一户是旧名册，不知道谁成年：请重新导入这一户。</Text>
      )}
      <View className="cc-buttons">
        <Button
          id={`rep-${p.id}`}
          size="large"
          loading={busy === `rep-${p.id}`}
          onClick={onRepresentative}
        >
          {p.representative ? '不再是村民代表' : '设为村民代表'}
        </Button>
        {p.adult && !p.householdVoter && (
          <Button
            id={`voter-${p.id}`}
            size="large"
            loading={busy === `voter-${p.id}`}
            onClick={onVoter}
          >
            设为户代表
          </Button>
        )}
      </View>
    </View>
  )
}

/**
 * 户籍名册: the register's persons by household, a page at a time (listPersons); 村民代表 and
 * each household's 户代表 set here; the import of a CSV (a chat file in WeChat, a file in the
 * browser, or pasted text) with its row report in words.
 */
export default function Register() {
  const [first, reload] = useLoad(() => loadPage())
  const [more, setMore] = useState<Page[]>([])
  const [edits, setEdits] = useState<Record<string, Partial<PersonView>>>({})
  const [busy, setBusy] = useState<string>()
  const [note, setNote] = useState<string>()
  const [failure, setFailure] = useState<string>()
  const [loadingMore, setLoadingMore] = useState(false)

  const again = () => {
    setMore([])
    setEdits({})
    reload()
  }

  const act = async (key: string, run: () => Promise<string | { error: string }>) => {
    setNote(undefined)
    setFailure(undefined)
    setBusy(key)
    const said = await run()
    setBusy(undefined)
    if (typeof said === 'string') setNote(said)
    else setFailure(said.error)
  }

  const setRepresentative = (p: PersonView) =>
    act(`rep-${p.id}`, async () => {
      const representative = !p.representative
      const res = await callFunction('village', 'setRepresentative', {
        personId: p.id,
        representative,
      })
      if (!res.ok) return { error: res.error.message }
      setEdits((e) => ({ ...e, [p.id]: { ...e[p.id], representative } }))
      return `${p.name}${representative ? '是村民代表了' : '不再是村民代表'}。现在共有 ${res.data.representatives} 位村民代表。`
    })

  const setVoter = (h: Household, p: PersonView) =>
    act(`voter-${p.id}`, async () => {
      const res = await callFunction('village', 'setHouseholdVoter', {
        householdId: h.id,
        personId: p.id,
      })
      if (!res.ok) return { error: res.error.message }
      setEdits((e) => {
        const next = { ...e }
        for (const x of h.persons) next[x.id] = { ...next[x.id], householdVoter: x.id === p.id }
        return next
      })
      return `${h.number} 户的户代表是${p.name}了。`
    })

  return (
    <Screen className="cc-page committee-register">
      <Text className="cc-title">户籍名册</Text>
      {note && (
        <Text className="cc-note" id="register-note">
          {note}
        </Text>
      )}
      {failure && (
        <Text className="cc-failure" id="register-failure">
          {failure}
        </Text>
      )}
      <View className="cc-section">
        <LoadView state={first} onRetry={again}>
          {(page) => {
            const pages = [page, ...more]
            const persons = pages.flatMap((x) => x.persons).map((p) => ({ ...p, ...edits[p.id] }))
            const next = pages[pages.length - 1]?.nextCursor
            if (persons.length === 0) {
              return (
                <View id="register-persons">
                  <EmptyView
                    id="register-empty"
                    title="名册上还没有人"
                    hint="在下面导入户籍名册的表格。"
                  />
                </View>
              )
            }
            return (
              <View id="register-persons">
                {byHousehold(persons).map((h) => {
                  const voter = h.persons.find((p) => p.householdVoter)
                  return (
                    <View className="cc-section" key={h.id} id={`household-${h.id}`}>
                      <Text className="cc-section__title">{h.number} 户</Text>
                      <Text className="cc-section__hint">
                        {voter
                          ? `户代表：${voter.name}`
                          : '还没有选户代表（按户表决时替这一户投票的人）'}
                      </Text>
                      {h.persons.map((p) => (
                        <PersonRow
                          key={p.id}
                          person={p}
                          busy={busy}
                          onRepresentative={() => void setRepresentative(p)}
                          onVoter={() => void setVoter(h, p)}
                        />
                      ))}
                    </View>
                  )
                })}
                {next && (
                  <Button
                    id="register-more"
                    size="large"
                    block
                    loading={loadingMore}
                    onClick={async () => {
                      setLoadingMore(true)
                      const res = await loadPage(next)
                      setLoadingMore(false)
                      if (res.ok) setMore((m) => [...m, res.data])
                      else setFailure(res.error.message)
                    }}
                  >
                    再看更多
                  </Button>
                )}
              </View>
            )
          }}
        </LoadView>
      </View>
      <Import onImported={again} />
    </Screen>
  )
}
