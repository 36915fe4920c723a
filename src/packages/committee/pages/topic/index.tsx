import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MatterCategory } from '../../../../../types/model/matter'
import { LIMITS, MATTER_SCHEMAS } from '../../../../../domain/matters/schemas'
import { MAX_PHOTOS } from '../../../../../domain/shared/validate'
import { formatMonthDayWeekday } from '../../../../../domain/shared/time'
import FormField from '../../../../components/FormField'
import PrivacyConsent from '../../../../components/PrivacyConsent'
import Screen from '../../../../components/Screen'
import { useSchemaForm } from '../../../../hooks/useSchemaForm'
import { callFunction } from '../../../../services/cloud'
import { ROUTES, withQuery } from '../../../../routes'
import PhotoPicker from '../../shared/PhotoPicker'
import { ART24_HINT, CATEGORY_ORDER, categoryWords } from '../matter/panels'
import '../../shared/committee.css'

/**
 * 开题: the committee puts a matter of its own to the village — title, what it is about, photos,
 * its category, and whether it is urgent (遇事解事) or goes on the next talk day's agenda. Checked
 * with the function's own schema; what is typed is kept on the phone until it is sent.
 */
export default function Topic() {
  const form = useSchemaForm(
    MATTER_SCHEMAS.openTopic,
    {
      title: '',
      body: '',
      photos: [] as string[],
      urgent: false,
      category: '' as MatterCategory | '',
    },
    'topic',
  )
  const [busy, setBusy] = useState(false)
  const [uploading, setUploading] = useState(false)
  const [failure, setFailure] = useState<string>()
  const [sent, setSent] = useState<{ matterId: string; talkDay?: string }>()

  const submit = async () => {
    setFailure(undefined)
    const input = form.check()
    if (!input) return
    setBusy(true)
    const res = await callFunction('matters', 'openTopic', input)
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    form.sent()
    setSent(res.data)
  }

  if (sent) {
    return (
      <Screen className="topic topic--sent">
        <View className="cm__page" id="topic-done">
          <Text className="cm__title">已经开题了</Text>
          <Text className="cm__text" id="topic-when">
            {sent.talkDay
              ? `放在 ${formatMonthDayWeekday(sent.talkDay)} 的说事日议程上。`
              : '急事急办：现在就可以开始议事。'}
          </Text>
          <Button
            id="topic-to-matter"
            type="primary"
            size="large"
            block
            onClick={() =>
              Taro.redirectTo({ url: withQuery(ROUTES.committeeMatter, { id: sent.matterId }) })
            }
          >
            去处理这件事 ›
          </Button>
        </View>
      </Screen>
    )
  }

  return (
    <Screen className="topic">
      <PrivacyConsent />
      <View className="cm__page" id="topic">
        <Text className="cm__title">开题</Text>
        <FormField id="topic-title" label="标题：什么事（一句话）" error={form.errors.title}>
          <Input
            id="topic-title"
            className="cm__input"
            value={form.values.title}
            maxlength={LIMITS.title + 10}
            placeholder="例如：明年先修哪一段村道"
            onInput={(e) => form.set('title', e.detail.value)}
          />
        </FormField>
        <FormField id="topic-body" label="内容：请大家商量什么" error={form.errors.body}>
          <Textarea
            id="topic-body"
            className="cm__textarea"
            placeholder="写清楚是什么事、为什么要商量"
            value={form.values.body}
            maxlength={LIMITS.body + 10}
            onInput={(e) => form.set('body', e.detail.value)}
          />
        </FormField>
        <FormField
          id="topic-photos"
          label={`照片（可以不加，最多 ${MAX_PHOTOS} 张）`}
          error={form.errors.photos}
        >
          <PhotoPicker
            id="topic-photos"
            photos={form.values.photos}
            onChange={(p) => form.set('photos', p)}
            onBusy={setUploading}
          />
        </FormField>
        <FormField id="topic-category" label="属于哪一类" error={form.errors.category}>
          <Text className="cm__meta">{ART24_HINT}</Text>
          <View className="cm__choices">
            {CATEGORY_ORDER.map((key) => {
              const on = form.values.category === key
              return (
                <Button
                  key={key}
                  id={`topic-category-${key}`}
                  type={on ? 'primary' : 'default'}
                  size="large"
                  block
                  onClick={() => form.set('category', key)}
                >
                  {`${categoryWords(key)}${on ? '（已选）' : ''}`}
                </Button>
              )
            })}
          </View>
        </FormField>
        <FormField id="topic-urgent" label="什么时候说" error={form.errors.urgent}>
          <View className="cm__choices">
            <Button
              id="topic-urgent-no"
              type={!form.values.urgent ? 'primary' : 'default'}
              size="large"
              block
              onClick={() => form.set('urgent', false)}
            >
              {`放到下一个说事日${!form.values.urgent ? '（已选）' : ''}`}
            </Button>
            <Button
              id="topic-urgent-yes"
              type={form.values.urgent ? 'primary' : 'default'}
              size="large"
              block
              onClick={() => form.set('urgent', true)}
            >
              {`急事，马上办（遇事解事）${form.values.urgent ? '（已选）' : ''}`}
            </Button>
          </View>
        </FormField>
        {failure && (
          <Text className="cm__failure" id="topic-failure">
            {failure}
          </Text>
        )}
        <Button
          id="topic-submit"
          type="primary"
          size="large"
          block
          loading={busy}
          disabled={uploading}
          onClick={submit}
        >
          开题
        </Button>
      </View>
    </Screen>
  )
}
