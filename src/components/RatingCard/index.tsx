import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MatterDetail } from '../../../types/api/matters'
import { LIMITS, MATTER_SCHEMAS } from '../../../domain/matters/schemas'
import { useSchemaForm } from '../../hooks/useSchemaForm'
import { callFunction } from '../../services/cloud'
import { shanghaiTime } from '../Timeline'
import './index.css'

/** 1–5, each with its word: nobody has to guess what a star means. */
export const SCORES = [
  { score: 1, label: '很不满意' },
  { score: 2, label: '不满意' },
  { score: 3, label: '一般' },
  { score: 4, label: '满意' },
  { score: 5, label: '很满意' },
] as const

interface Props {
  matterId: string
  rating: MatterDetail['rating']
  ratingEndsAt?: string
  /** detail.can: `rateMatter` draws the buttons. */
  can: readonly string[]
  /** After a rating was taken: the page fetches the matter again (the new count and average). */
  onRated: () => void
}

/** 民意测评: how well the matter was handled, within its window. */
export default function RatingCard({ matterId, rating, ratingEndsAt, can, onRated }: Props) {
  const may = can.includes('rateMatter') && !rating.ratedByMe
  const form = useSchemaForm(
    MATTER_SCHEMAS.rateMatter,
    { matterId, score: 0, comment: '' },
    `rating:${matterId}`,
  )
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const [done, setDone] = useState(false)

  const submit = async () => {
    setFailure(undefined)
    const input = form.check()
    if (!input) return
    setBusy(true)
    const res = await callFunction('matters', 'rateMatter', { ...input, matterId })
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    form.sent()
    setDone(true)
    onRated()
  }

  const ended = !!ratingEndsAt && Date.parse(ratingEndsAt) <= Date.now()
  const summary =
    rating.count > 0
      ? `共 ${rating.count} 人评价，平均 ${rating.average ?? '-'} 分（满分 5 分）`
      : '还没有人评价'

  return (
    <View className="rating-card" id="rating-card">
      <Text className="section-title">评价办理结果</Text>
      {(rating.ratedByMe || done) && (
        <Text className="rating-card__done" id="rating-done">
          已评价，谢谢您
        </Text>
      )}
      <Text className="rating-card__line" id="rating-summary">
        {summary}
      </Text>
      {ratingEndsAt && (
        <Text className="rating-card__line" id="rating-window">
          {ended
            ? `评价已结束（${shanghaiTime(ratingEndsAt)}）`
            : `评价截止：${shanghaiTime(ratingEndsAt)}`}
        </Text>
      )}
      {may && !done && (
        <View>
          <Text className="rating-card__ask">这件事办得怎么样？请选一项：</Text>
          {SCORES.map(({ score, label }) => {
            const on = form.values.score === score
            return (
              <Button
                key={score}
                id={`rating-star-${score}`}
                className={`rating-card__score${on ? ' rating-card__score--on' : ''}`}
                type={on ? 'primary' : 'default'}
                size="large"
                block
                onClick={() => form.set('score', score)}
              >
                {`${'★'.repeat(score)} ${score} 分 ${label}${on ? '（已选）' : ''}`}
              </Button>
            )
          })}
          {form.errors.score && (
            <Text className="rating-card__failure" id="rating-score-error">
              {form.errors.score}
            </Text>
          )}
          <Text className="rating-card__ask">想说的话（可以不写）</Text>
          <Textarea
            id="rating-comment"
            className="rating-card__comment"
            value={form.values.comment}
            maxlength={LIMITS.comment + 10}
            placeholder="比如：修得很快"
            onInput={(e) => form.set('comment', e.detail.value)}
          />
          {form.errors.comment && (
            <Text className="rating-card__failure">{form.errors.comment}</Text>
          )}
          {failure && (
            <Text className="rating-card__failure" id="rating-failure">
              {failure}
            </Text>
          )}
          <Button
            id="rating-submit"
            className="rating-card__submit"
            type="primary"
            size="large"
            block
            loading={busy}
            onClick={submit}
          >
            提交评价
          </Button>
        </View>
      )}
      {!may && !rating.ratedByMe && !done && !ended && (
        <Text className="rating-card__line" id="rating-closed">
          现在不能评价了。
        </Text>
      )}
    </View>
  )
}
