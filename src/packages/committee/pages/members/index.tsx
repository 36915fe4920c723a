import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MemberView, PersonView } from '../../../../../types/api/village'
import type { Role } from '../../../../../types/model/member'
import { householdId } from '../../../../../domain/village/households'
import { ROLE_LABELS } from '../../../../../domain/village/roles'
import { LIMITS, VILLAGE_SCHEMAS } from '../../../../../domain/village/schemas'
import EmptyView from '../../../../components/EmptyView'
import FormField from '../../../../components/FormField'
import LoadView from '../../../../components/LoadView'
import { dayLabel, FOCUSABLE } from '../../../../components/MatterItem'
import Screen from '../../../../components/Screen'
import type { LoadState } from '../../../../hooks/useLoad'
import { useSchemaForm } from '../../../../hooks/useSchemaForm'
import { callFunction } from '../../../../services/cloud'
import { ROUTES } from '../../../../routes'
import { Choice, go } from '../index/parts'
import '../index/console.css'

type Row = MemberView
type Tab = 'pending' | 'verified'
type Page = { members: Row[]; nextCursor?: string }

/** Roles the committee gives with a tick; 村民 is everyone's and stays. */
const GIVEN_ROLES: Role[] = ['representative', 'committee', 'moderator', 'legalOfficer']
const PAGE = 50

const listOf = (status: Tab, cursor?: string) =>
  callFunction('village', 'listMembers', { status, limit: PAGE, ...(cursor ? { cursor } : {}) })

/** The persons of a member's household on the register ([] when the household is not on it). */
const householdOf = (m: Row) => m.householdId ?? householdId(m.villageId, m.householdNo)

const personsOf = (m: Row) =>
  callFunction('village', 'listPersons', { householdId: householdOf(m), limit: PAGE })

const rolesLine = (roles: Role[]) => roles.map((r) => ROLE_LABELS[r]).join('、')

function accountsNote(p: PersonView): string {
  return p.accounts > 0 ? `（已有 ${p.accounts} 个账号关联）` : ''
}

function personLabel(p: PersonView): string {
  return `${p.name}${p.adult ? '' : '（未成年）'}${accountsNote(p)}`
}

function Persons({
  state,
  householdNo,
  chosen,
  onChoose,
  onRetry,
  idPrefix,
  noneLabel,
}: {
  state: LoadState<PersonView[]>
  householdNo: string
  chosen: string | undefined
  onChoose: (personId: string | undefined) => void
  onRetry: () => void
  idPrefix: string
  noneLabel: string
}) {
  return (
    <LoadView state={state} onRetry={onRetry}>
      {(persons) => (
        <View>
          {persons.length === 0 ? (
            <Text className="cc-card__line" id={`${idPrefix}-none-on-register`}>
              名册上没有 {householdNo} 户。可以先不关联，导入名册以后再关联。
            </Text>
          ) : (
            <Text className="cc-card__line">名册上 {householdNo} 户有这些人，是哪一位？</Text>
          )}
          {persons.map((p) => (
            <Choice
              key={p.id}
              id={`${idPrefix}-${p.id}`}
              kind="radio"
              label={personLabel(p)}
              on={chosen === p.id}
              onTap={() => onChoose(p.id)}
            />
          ))}
          <Choice
            id={`${idPrefix}-none`}
            kind="radio"
            label={noneLabel}
            on={chosen === undefined}
            onTap={() => onChoose(undefined)}
          />
        </View>
      )}
    </LoadView>
  )
}

/** A pending request: 通过 (choosing the person on the register) or 不通过 with a reason. */
function Request({
  member,
  onDone,
}: {
  member: Row
  onDone: (note: string, verified: boolean) => void
}) {
  const [mode, setMode] = useState<'idle' | 'approve' | 'decline' | 'confirm'>('idle')
  const [persons, setPersons] = useState<LoadState<PersonView[]>>({ status: 'loading' })
  const [chosen, setChosen] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const form = useSchemaForm(VILLAGE_SCHEMAS.declineMember, { memberId: member.id, reason: '' })

  const loadPersons = async () => {
    setPersons({ status: 'loading' })
    const res = await personsOf(member)
    if (!res.ok) return setPersons({ status: 'error', error: res.error })
    setPersons({ status: 'ready', data: res.data.persons })
    // The person of the same name is the likely one; the committee checks and may change it.
    setChosen(res.data.persons.find((p) => p.name === member.name)?.id)
  }

  const openApprove = () => {
    setFailure(undefined)
    setMode('approve')
    void loadPersons()
  }

  const approve = async () => {
    setFailure(undefined)
    setBusy(true)
    const res = await callFunction('village', 'approveMember', {
      memberId: member.id,
      ...(chosen ? { personId: chosen } : {}),
    })
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    const person =
      persons.status === 'ready' ? persons.data.find((p) => p.id === res.data.personId) : undefined
    onDone(
      person
        ? `已通过${member.name}的申请，关联到名册上的 ${person.householdNo} 户${person.name}。`
        : `已通过${member.name}的申请，还没有关联名册上的人。`,
      true,
    )
  }

  const askDecline = () => {
    setFailure(undefined)
    if (form.check()) setMode('confirm')
  }

  const decline = async () => {
    const input = form.check()
    if (!input) return setMode('decline')
    setBusy(true)
    const res = await callFunction('village', 'declineMember', input)
    setBusy(false)
    if (!res.ok) {
      setMode('decline')
      return setFailure(res.error.message)
    }
    onDone(`没有通过${member.name}的申请，理由已告诉本人。`, false)
  }

  return (
    <View className="cc-card" id={`request-${member.id}`}>
      <Text className="cc-card__name">{member.name}</Text>
      <Text className="cc-card__line">户号：{member.householdNo}</Text>
      {member.phone && <Text className="cc-card__line">手机：{member.phone}</Text>}
      <Text className="cc-card__line">{dayLabel(member.requestedAt)}申请</Text>

      {mode === 'idle' && (
        <View className="cc-buttons">
          <Button id={`approve-${member.id}`} type="primary" size="large" onClick={openApprove}>
            通过
          </Button>
          <Button
            id={`decline-${member.id}`}
            size="large"
            onClick={() => {
              setFailure(undefined)
              setMode('decline')
            }}
          >
            不通过
          </Button>
        </View>
      )}

      {mode === 'approve' && (
        <View id="approve-persons">
          <Persons
            state={persons}
            householdNo={member.householdNo}
            chosen={chosen}
            onChoose={setChosen}
            onRetry={() => void loadPersons()}
            idPrefix="link-person"
            noneLabel="先不关联名册上的人"
          />
          <View className="cc-buttons">
            <Button
              id="approve-confirm"
              type="primary"
              size="large"
              loading={busy}
              disabled={persons.status === 'loading'}
              onClick={approve}
            >
              {chosen ? '确定通过，并关联' : '确定通过'}
            </Button>
            <Button id="approve-cancel" size="large" onClick={() => setMode('idle')}>
              先不通过
            </Button>
          </View>
        </View>
      )}

      {(mode === 'decline' || mode === 'confirm') && (
        <View id="decline-form">
          <FormField
            id="decline-reason"
            label="不通过的理由（本人会看到）"
            error={form.errors.reason}
          >
            <Input
              id="decline-reason"
              className="cc-input"
              value={form.values.reason}
              maxlength={LIMITS.reason}
              placeholder="例如：名册上没有这一户，请核对户号"
              onInput={(e) => form.set('reason', e.detail.value)}
            />
          </FormField>
          {mode === 'decline' ? (
            <View className="cc-buttons">
              <Button id="decline-submit" type="primary" size="large" onClick={askDecline}>
                不通过
              </Button>
              <Button id="decline-cancel" size="large" onClick={() => setMode('idle')}>
                再想想
              </Button>
            </View>
          ) : (
            <View id="confirm">
              <Text className="cc-failure">确定不通过{member.name}的申请吗？</Text>
              <View className="cc-buttons">
                <Button
                  id="confirm-ok"
                  type="primary"
                  size="large"
                  loading={busy}
                  onClick={decline}
                >
                  确定不通过
                </Button>
                <Button id="confirm-cancel" size="large" onClick={() => setMode('decline')}>
                  再想想
                </Button>
              </View>
            </View>
          )}
        </View>
      )}

      {failure && (
        <Text className="cc-failure" id="members-failure">
          {failure}
        </Text>
      )}
    </View>
  )
}

/** A verified member: roles by ticks, and the link to the register (set, moved or removed). */
function Member({ member, onChanged }: { member: Row; onChanged: (m: Row) => void }) {
  const [open, setOpen] = useState(false)
  const [roles, setRoles] = useState<Role[]>(member.roles)
  const [persons, setPersons] = useState<LoadState<PersonView[]>>({ status: 'loading' })
  const [chosen, setChosen] = useState<string | undefined>(member.personId)
  const [busy, setBusy] = useState<string>()
  const [note, setNote] = useState<string>()
  const [failure, setFailure] = useState<string>()
  const [askUnlink, setAskUnlink] = useState(false)

  const loadPersons = async () => {
    setPersons({ status: 'loading' })
    const res = await personsOf(member)
    setPersons(
      res.ok ? { status: 'ready', data: res.data.persons } : { status: 'error', error: res.error },
    )
  }

  const toggle = () => {
    if (!open) void loadPersons()
    setOpen(!open)
    setNote(undefined)
    setFailure(undefined)
  }

  const act = async <T,>(
    what: string,
    call: () => Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>,
    done: (data: T) => string,
  ) => {
    setNote(undefined)
    setFailure(undefined)
    setBusy(what)
    const res = await call()
    setBusy(undefined)
    if (!res.ok) return setFailure(res.error.message)
    setNote(done(res.data))
  }

  const saveRoles = () =>
    act(
      'roles',
      () => callFunction('village', 'assignRoles', { memberId: member.id, roles }),
      (d) => {
        setRoles(d.roles)
        onChanged({ ...member, roles: d.roles })
        return d.changed ? `角色已保存：${rolesLine(d.roles)}` : '角色没有变化'
      },
    )

  const person = persons.status === 'ready' ? persons.data : []
  const nameOf = (id?: string) => person.find((p) => p.id === id)?.name

  const relink = () =>
    chosen
      ? act(
          'link',
          () => callFunction('village', 'linkPerson', { memberId: member.id, personId: chosen }),
          (d) => {
            onChanged({ ...member, roles, personId: chosen })
            void loadPersons()
            return d.changed ? `已关联到名册上的${nameOf(chosen) ?? ''}` : '本来就关联的是这个人'
          },
        )
      : setAskUnlink(true)

  const unlink = () => {
    setAskUnlink(false)
    return act(
      'unlink',
      () => callFunction('village', 'unlinkPerson', { memberId: member.id }),
      (d) => {
        onChanged({ ...member, roles, personId: undefined })
        void loadPersons()
        return d.changed ? '已取消关联' : '本来就没有关联名册上的人'
      },
    )
  }

  return (
    <View className={`cc-card${open ? ' cc-card--open' : ''}`} id={`member-${member.id}`}>
      <View role="button" {...FOCUSABLE} id={`manage-${member.id}`} onClick={toggle}>
        <Text className="cc-card__name">{member.name}</Text>
        <Text className="cc-card__line">
          户号：{member.householdNo}　{rolesLine(member.roles)}
        </Text>
        <Text className="cc-card__line">{open ? '收起 ▲' : '角色和名册关联 ▼'}</Text>
      </View>
      {open && (
        <View>
          <Text className="cc-section__title">角色（村民是每个人都有的）</Text>
          {GIVEN_ROLES.map((r) => (
            <Choice
              key={r}
              id={`role-${r}`}
              label={ROLE_LABELS[r]}
              on={roles.includes(r)}
              onTap={() =>
                setRoles((old) => (old.includes(r) ? old.filter((x) => x !== r) : [...old, r]))
              }
            />
          ))}
          <Button
            id="roles-save"
            className="cc-more"
            type="primary"
            size="large"
            block
            loading={busy === 'roles'}
            onClick={saveRoles}
          >
            保存角色
          </Button>

          <Text className="cc-section__title">名册上的人</Text>
          <Text className="cc-card__line" id="member-linked">
            {member.personId
              ? `现在关联的是：${nameOf(member.personId) ?? '名册上的一个人'}`
              : '还没有关联名册上的人'}
          </Text>
          <Text className="cc-card__line">换了手机、换了微信号，也在这里重新关联。</Text>
          <Persons
            state={persons}
            householdNo={member.householdNo}
            chosen={chosen}
            onChoose={setChosen}
            onRetry={() => void loadPersons()}
            idPrefix="relink-person"
            noneLabel="不关联任何人"
          />
          {askUnlink ? (
            <View id="confirm">
              <Text className="cc-failure">确定取消{member.name}和名册的关联吗？</Text>
              <View className="cc-buttons">
                <Button id="confirm-ok" type="primary" size="large" onClick={unlink}>
                  确定取消关联
                </Button>
                <Button id="confirm-cancel" size="large" onClick={() => setAskUnlink(false)}>
                  再想想
                </Button>
              </View>
            </View>
          ) : (
            <Button
              id="relink-save"
              className="cc-more"
              size="large"
              block
              loading={busy === 'link' || busy === 'unlink'}
              onClick={relink}
            >
              {chosen ? '保存关联' : '取消关联'}
            </Button>
          )}
        </View>
      )}
      {note && (
        <Text className="cc-note" id="member-note">
          {note}
        </Text>
      )}
      {failure && (
        <Text className="cc-failure" id="members-failure">
          {failure}
        </Text>
      )}
    </View>
  )
}

function useList(status: Tab, active: boolean) {
  const [state, setState] = useState<LoadState<Page>>({ status: 'loading' })
  const [started, setStarted] = useState(false)
  const [more, setMore] = useState(false)

  const load = async () => {
    setStarted(true)
    setState({ status: 'loading' })
    const res = await listOf(status)
    setState(res.ok ? { status: 'ready', data: res.data } : { status: 'error', error: res.error })
  }
  const loadMore = async () => {
    if (state.status !== 'ready' || !state.data.nextCursor) return
    setMore(true)
    const res = await listOf(status, state.data.nextCursor)
    setMore(false)
    if (res.ok) {
      setState({
        status: 'ready',
        data: {
          members: [...state.data.members, ...res.data.members],
          nextCursor: res.data.nextCursor,
        },
      })
    }
  }
  // A list is read when its tab is first shown (one call on opening the page).
  useEffect(() => {
    if (active && !started) void load()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, started])

  const update = (f: (members: Row[]) => Row[]) =>
    setState((s) =>
      s.status === 'ready'
        ? { status: 'ready', data: { ...s.data, members: f(s.data.members) } }
        : s,
    )
  return { state, load, loadMore, more, update, forget: () => setStarted(false) }
}

/**
 * 成员审核: the join requests, oldest first, to approve (choosing the person on the register) or
 * decline with a reason; the verified members, their roles and their link to the register.
 */
export default function Members() {
  const [tab, setTab] = useState<Tab>('pending')
  const [note, setNote] = useState<string>()
  const pending = useList('pending', tab === 'pending')
  const verified = useList('verified', tab === 'verified')

  const done = (member: Row) => (text: string, nowVerified: boolean) => {
    setNote(text)
    pending.update((ms) => ms.filter((m) => m.id !== member.id))
    // The verified list is read again when shown next.
    if (nowVerified) verified.forget()
  }

  return (
    <Screen className="cc-page committee-members">
      <View className="cc-tabs" role="tablist">
        {(['pending', 'verified'] as const).map((t) => (
          <View
            key={t}
            id={`members-tab-${t}`}
            className={`cc-tab${tab === t ? ' cc-tab--on' : ''}`}
            role="tab"
            aria-selected={tab === t}
            {...FOCUSABLE}
            onClick={() => setTab(t)}
          >
            <Text>{t === 'pending' ? '入村申请' : '已认证的村民'}</Text>
          </View>
        ))}
      </View>
      {note && (
        <Text className="cc-note" id="members-note">
          {note}
        </Text>
      )}
      {tab === 'pending' && (
        <View className="cc-section">
          <LoadView state={pending.state} onRetry={() => void pending.load()}>
            {(page) =>
              page.members.length === 0 ? (
                <View id="members-pending">
                  <EmptyView id="members-pending-empty" title="没有等待审核的申请" />
                </View>
              ) : (
                <View id="members-pending">
                  <Text className="cc-section__hint">
                    先申请的在前面。核对姓名和户号，再选名册上的人。
                  </Text>
                  {page.members.map((m) => (
                    <Request key={m.id} member={m} onDone={done(m)} />
                  ))}
                  {page.nextCursor && (
                    <Button
                      id="members-more"
                      size="large"
                      block
                      loading={pending.more}
                      onClick={pending.loadMore}
                    >
                      再看更多
                    </Button>
                  )}
                </View>
              )
            }
          </LoadView>
        </View>
      )}
      {tab === 'verified' && (
        <View className="cc-section">
          <LoadView state={verified.state} onRetry={() => void verified.load()}>
            {(page) =>
              page.members.length === 0 ? (
                <View id="members-verified">
                  <EmptyView id="members-verified-empty" title="还没有已认证的村民" />
                </View>
              ) : (
                <View id="members-verified">
                  {page.members.map((m) => (
                    <Member
                      key={m.id}
                      member={m}
                      onChanged={(changed) =>
                        verified.update((ms) => ms.map((x) => (x.id === changed.id ? changed : x)))
                      }
                    />
                  ))}
                  {page.nextCursor && (
                    <Button
                      id="members-more"
                      size="large"
                      block
                      loading={verified.more}
                      onClick={verified.loadMore}
                    >
                      再看更多
                    </Button>
                  )}
                </View>
              )
            }
          </LoadView>
          <View
            className="cc-card__line"
            id="members-register"
            role="link"
            {...FOCUSABLE}
            onClick={() => go(ROUTES.register)}
          >
            <Text>户籍名册（村民代表、户代表、导入）›</Text>
          </View>
        </View>
      )}
    </Screen>
  )
}
