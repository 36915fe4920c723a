import { useState, type ReactNode } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { StatementItem } from '../../../types/api/discussion'
import { DISCUSSION_SCHEMAS } from '../../../domain/discussion/schemas'
import { DISCUSSION_LIMITS } from '../../../domain/discussion/rules'
import { useSchemaForm } from '../../hooks/useSchemaForm'
import { callFunction } from '../../services/cloud'
import { shanghaiTime } from '../Timeline'
import './index.css'

/** Statements per 加载更多. */
export const STATEMENTS_MORE = 20

/** Why one reports a statement: a short list to tap, nothing to type. */
export const REPORT_REASONS = [
  { key: 'abuse', label: '骂人、说脏话' },
  { key: 'rumor', label: '造谣、说假话' },
  { key: 'privacy', label: '说了别人的隐私' },
  { key: 'ad', label: '广告' },
  { key: 'offtopic', label: '和这件事无关' },
] as const

export const HIDDEN_MINE = '你的发言已被隐藏，只有你和主持人能看到'

interface Props {
  matterId: string
  /** The first page, as getMatter gives it (oldest first). */
  first: { items: StatementItem[]; nextCursor?: string }
  /** detail.can: `postStatement` draws the box and 回复, `reportStatement` draws 举报. */
  can: readonly string[]
  /** The page's one primary action is elsewhere (a vote, a rating): 发表 is drawn plain. */
  secondary?: boolean
}

/** 民事民议: read the discussion, speak, answer one statement, report one. */
export default function Discussion({ matterId, first, can, secondary }: Props) {
  const [items, setItems] = useState(first.items)
  const [cursor, setCursor] = useState(first.nextCursor)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreFailure, setMoreFailure] = useState<string>()
  const [replyTo, setReplyTo] = useState<StatementItem>()
  const [reporting, setReporting] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const mayPost = can.includes('postStatement')
  const mayReport = can.includes('reportStatement')

  const more = async () => {
    if (!cursor) return
    setLoadingMore(true)
    setMoreFailure(undefined)
    const res = await callFunction('discussion', 'listStatements', {
      matterId,
      cursor,
      limit: STATEMENTS_MORE,
    })
    setLoadingMore(false)
    if (!res.ok) return setMoreFailure(res.error.message)
    setItems((old) => [...old, ...res.data.items.filter((s) => !old.some((o) => o.id === s.id))])
    setCursor(res.data.nextCursor)
  }

  const posted = (s: StatementItem) => {
    setItems((old) => [...old, s])
    setReplyTo(undefined)
  }

  const reported = (id: string, hidden: boolean) => {
    setReporting(undefined)
    setNotice('已举报，谢谢您。主持人会查看这条发言。')
    if (hidden) {
      setItems((old) =>
        old.map((s) => (s.id === id ? { ...s, state: 'hidden', text: '该发言已被隐藏' } : s)),
      )
    }
  }

  // One level of replies: each reply under its statement, in order.
  const tops = items.filter((s) => !s.replyTo || !items.some((p) => p.id === s.replyTo))
  const repliesOf = (id: string) => items.filter((s) => s.replyTo === id)

  const row = (s: StatementItem, reply: boolean) => (
    <Statement
      key={s.id}
      statement={s}
      reply={reply}
      mayReply={mayPost && s.state === 'visible'}
      mayReport={mayReport && !s.mine && s.state === 'visible'}
      onReply={() => setReplyTo(s)}
      onReport={() => {
        setNotice(undefined)
        setReporting(s.id)
      }}
      reportPanel={
        reporting === s.id ? (
          <ReportPanel
            statementId={s.id}
            onDone={(hidden) => reported(s.id, hidden)}
            onCancel={() => setReporting(undefined)}
          />
        ) : null
      }
    />
  )

  return (
    <View className="discussion" id="matter-discussion">
      <Text className="section-title">大家的发言</Text>
      {items.length === 0 && (
        <Text className="discussion__empty" id="discussion-empty">
          {mayPost ? '还没有人发言，您可以说第一句。' : '还没有人发言。'}
        </Text>
      )}
      {tops.map((s) => (
        <View key={s.id} className="discussion__thread">
          {row(s, false)}
          {repliesOf(s.id).map((r) => row(r, true))}
        </View>
      ))}
      {notice && (
        <Text className="discussion__notice" id="discussion-notice">
          {notice}
        </Text>
      )}
      {moreFailure && <Text className="discussion__failure">{moreFailure}</Text>}
      {cursor && (
        <Button
          id="statement-more"
          className="discussion__more"
          size="large"
          block
          loading={loadingMore}
          onClick={more}
        >
          {moreFailure ? '再试一次' : '加载更多'}
        </Button>
      )}
      {mayPost && (
        <PostBox
          matterId={matterId}
          secondary={secondary}
          replyTo={replyTo}
          onCancelReply={() => setReplyTo(undefined)}
          onPosted={posted}
        />
      )}
    </View>
  )
}

interface StatementProps {
  statement: StatementItem
  reply: boolean
  mayReply: boolean
  mayReport: boolean
  onReply: () => void
  onReport: () => void
  reportPanel: ReactNode
}

function Statement({
  statement: s,
  reply,
  mayReply,
  mayReport,
  onReply,
  onReport,
  reportPanel,
}: StatementProps) {
  const hiddenMine = s.state === 'hidden' && s.mine
  const classes = [
    'statement',
    reply ? 'statement--reply' : '',
    s.state !== 'visible' ? 'statement--gone' : '',
    hiddenMine ? 'statement--hidden-mine' : '',
  ]
  return (
    <View className={classes.filter(Boolean).join(' ')} id={`statement-${s.id}`}>
      <View className="statement__head">
        <Text className="statement__author">
          {s.mine ? (s.authorName ? `${s.authorName}（我）` : '我') : s.authorName}
          {reply ? ' 回复' : ''}
        </Text>
        <Text className="statement__when">{shanghaiTime(s.at)}</Text>
      </View>
      {hiddenMine && <Text className="statement__hidden-note">{HIDDEN_MINE}</Text>}
      {!hiddenMine && s.state === 'hidden' && s.moderation && (
        <Text className="statement__hidden-note">
          这条发言已被隐藏，只有作者和主持人能看到
          {s.moderation.reports > 0 ? `（${s.moderation.reports} 人举报）` : ''}
        </Text>
      )}
      <Text className="statement__text">{s.text}</Text>
      {s.edited && s.state === 'visible' && <Text className="statement__edited">（改过）</Text>}
      {(mayReply || mayReport) && (
        <View className="statement__actions">
          {mayReply && (
            <Button className="statement-reply" size="normal" onClick={onReply}>
              ↩ 回复
            </Button>
          )}
          {mayReport && (
            <Button className="statement-report" size="normal" onClick={onReport}>
              ⚠ 举报
            </Button>
          )}
        </View>
      )}
      {reportPanel}
    </View>
  )
}

function ReportPanel({
  statementId,
  onDone,
  onCancel,
}: {
  statementId: string
  onDone: (hidden: boolean) => void
  onCancel: () => void
}) {
  const [reason, setReason] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const label = REPORT_REASONS.find((r) => r.key === reason)?.label

  const confirm = async () => {
    if (!label) return
    setBusy(true)
    setFailure(undefined)
    const res = await callFunction('discussion', 'reportStatement', { statementId, reason: label })
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    onDone(res.data.hidden)
  }

  return (
    <View className="report-panel" id="report-panel">
      <Text className="report-panel__title">为什么举报这条发言？请选一项：</Text>
      {REPORT_REASONS.map((r) => (
        <Button
          key={r.key}
          id={`report-reason-${r.key}`}
          className="report-panel__reason"
          type={reason === r.key ? 'primary' : 'default'}
          size="large"
          block
          onClick={() => setReason(r.key)}
        >
          {reason === r.key ? `✓ ${r.label}` : r.label}
        </Button>
      ))}
      {failure && <Text className="discussion__failure">{failure}</Text>}
      {label && (
        <Button
          id="report-confirm"
          className="report-panel__confirm"
          type="primary"
          size="large"
          block
          loading={busy}
          onClick={confirm}
        >
          确定举报：{label}
        </Button>
      )}
      <Button
        id="report-cancel"
        className="report-panel__cancel"
        size="large"
        block
        onClick={onCancel}
      >
        不举报了
      </Button>
    </View>
  )
}

function PostBox({
  matterId,
  secondary,
  replyTo,
  onCancelReply,
  onPosted,
}: {
  matterId: string
  secondary?: boolean
  replyTo?: StatementItem
  onCancelReply: () => void
  onPosted: (s: StatementItem) => void
}) {
  const form = useSchemaForm(
    DISCUSSION_SCHEMAS.postStatement,
    { matterId, text: '' },
    `statement:${matterId}`,
  )
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const [hiddenNote, setHiddenNote] = useState(false)

  const post = async () => {
    setFailure(undefined)
    setHiddenNote(false)
    const input = form.check()
    if (!input) return
    setBusy(true)
    const payload = replyTo ? { ...input, matterId, replyTo: replyTo.id } : { ...input, matterId }
    const res = await callFunction('discussion', 'postStatement', payload)
    setBusy(false)
    // A failed send keeps the text (on the screen and in the kept draft).
    if (!res.ok) return setFailure(res.error.message)
    form.sent()
    form.reset()
    setHiddenNote(res.data.hidden)
    onPosted({
      id: res.data.statementId,
      // The caller's own name is not at hand here: the list says just 我 until the next load.
      authorName: '',
      text: input.text,
      at: new Date().toISOString(),
      ...(res.data.replyTo ? { replyTo: res.data.replyTo } : {}),
      state: res.data.hidden ? 'hidden' : 'visible',
      mine: true,
      edited: false,
    })
  }

  return (
    <View className="post-box">
      <Text className="post-box__label">
        {replyTo ? `回复 ${replyTo.authorName}：` : '我要发言'}
      </Text>
      {replyTo && <Text className="post-box__quote">“{replyTo.text.slice(0, 40)}”</Text>}
      <Textarea
        id="statement-input"
        className="post-box__input"
        value={form.values.text}
        maxlength={DISCUSSION_LIMITS.text + 10}
        placeholder="说说您的看法"
        onInput={(e) => form.set('text', e.detail.value)}
      />
      {form.errors.text && (
        <Text className="discussion__failure" id="statement-input-error">
          {form.errors.text}
        </Text>
      )}
      {failure && (
        <Text className="discussion__failure" id="statement-failure">
          {failure}
        </Text>
      )}
      {hiddenNote && (
        <Text className="discussion__notice">
          发言已收到，要等主持人看过才给大家看。{HIDDEN_MINE}。
        </Text>
      )}
      <Button
        id="statement-post"
        className="post-box__post"
        type={secondary ? 'default' : 'primary'}
        size="large"
        block
        loading={busy}
        onClick={post}
      >
        {replyTo ? '发表回复' : '发表'}
      </Button>
      {replyTo && (
        <Button className="post-box__cancel" size="large" block onClick={onCancelReply}>
          不回复了
        </Button>
      )}
    </View>
  )
}
