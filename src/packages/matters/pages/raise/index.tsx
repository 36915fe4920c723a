import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Input, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { LIMITS, MATTER_SCHEMAS } from '../../../../../domain/matters/schemas'
import { MAX_PHOTOS } from '../../../../../domain/shared/validate'
import FormField from '../../../../components/FormField'
import PrivacyConsent from '../../../../components/PrivacyConsent'
import Screen from '../../../../components/Screen'
import { useLoad } from '../../../../hooks/useLoad'
import { useSchemaForm } from '../../../../hooks/useSchemaForm'
import { callFunction } from '../../../../services/cloud'
import { photoUrls, uploadPhoto } from '../../../../services/photos'
import { ensurePrivacyConsent } from '../../../../services/privacy'
import { useSubscribe } from '../../../../services/subscribe'
import { ROUTES } from '../../../../routes'
import { loadMyVillage } from '../../../../services/talkDays'
import './index.css'

interface Photo {
  fileID: string
  preview: string
}

/**
 * 民事民提: a resident raises a matter — a title, what happened, up to nine photos. What is typed
 * (and the photos already uploaded) is kept on the phone until it is sent; the privacy consent is
 * asked before the first photo is chosen.
 */
export default function RaiseMatter() {
  const form = useSchemaForm(
    MATTER_SCHEMAS.raiseMatter,
    { title: '', body: '', photos: [] as string[] },
    'raise',
  )
  // Photos of a kept draft are shown from their stored files (no preview of the phone's own).
  const [photos, setPhotos] = useState<Photo[]>(() =>
    form.values.photos.map((fileID) => ({ fileID, preview: '' })),
  )
  useEffect(() => {
    const kept = photos.filter((p) => !p.preview).map((p) => p.fileID)
    if (kept.length === 0) return
    void photoUrls(kept).then((res) => {
      if (!res.ok) return
      setPhotos((now) =>
        now.map((p) => (p.preview ? p : { ...p, preview: res.data[p.fileID] ?? '' })),
      )
    })
    // Only the photos restored on opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const [sent, setSent] = useState(false)
  // 订阅消息: after the raise, the raiser may ask to be told when the committee answers.
  const [matterId, setMatterId] = useState('')
  const notify = useSubscribe('matterAnswered', matterId)
  // The promise on the done screen is the village's own response deadline (接诉即办).
  const [village] = useLoad(loadMyVillage)

  const addPhotos = async () => {
    const room = MAX_PHOTOS - photos.length
    if (room <= 0) return
    setFailure(undefined)
    if (!(await ensurePrivacyConsent())) {
      setFailure('需要您同意隐私保护指引，才能添加照片。')
      return
    }
    const chosen = await Taro.chooseImage({ count: room, sizeType: ['compressed'] }).catch(
      () => null,
    )
    if (!chosen) return
    setBusy(true)
    const added: Photo[] = []
    for (const path of chosen.tempFilePaths.slice(0, room)) {
      const res = await uploadPhoto(path)
      if (!res.ok) {
        setFailure(res.error.message)
        break
      }
      added.push({ fileID: res.data.fileID, preview: path })
    }
    const next = [...photos, ...added]
    setPhotos(next)
    form.set(
      'photos',
      next.map((p) => p.fileID),
    )
    setBusy(false)
  }

  const submit = async () => {
    setFailure(undefined)
    const input = form.check()
    if (!input) return
    setBusy(true)
    const res = await callFunction('matters', 'raiseMatter', input)
    setBusy(false)
    if (res.ok) {
      form.sent()
      setMatterId(res.data.matterId)
      setSent(true)
    } else setFailure(res.error.message)
  }

  if (sent) {
    return (
      <Screen className="raise raise--sent">
        <View id="raise-done">
          <Text className="raise__done" id="raise-sent">
            已经提交了
          </Text>
          <Text className="raise__hint" id="raise-promise">
            {village.status === 'ready'
              ? `村委会会在 ${village.data.responseDeadlineDays} 天内答复您，可以在“我提的事”里看进展。`
              : '村委会会尽快答复您，可以在“我提的事”里看进展。'}
          </Text>
          {notify.words ? (
            <Text className="raise__hint" id="raise-notify-done">
              {notify.words}
            </Text>
          ) : (
            <Button
              id="raise-notify"
              className="raise__to-me"
              size="large"
              block
              loading={notify.busy}
              onClick={notify.ask}
            >
              村委会答复时通知我
            </Button>
          )}
          <Button
            id="raise-to-me"
            className="raise__to-me"
            type="primary"
            size="large"
            block
            onClick={() => Taro.redirectTo({ url: ROUTES.me })}
          >
            去“我的”看进展
          </Button>
        </View>
      </Screen>
    )
  }

  return (
    <Screen className="raise">
      <PrivacyConsent />
      <FormField id="raise-title" label="标题：什么事（一句话）" error={form.errors.title}>
        <Input
          id="raise-title"
          className="raise__input"
          value={form.values.title}
          maxlength={LIMITS.title + 10}
          placeholder="例如：村口路灯坏了"
          onInput={(e) => form.set('title', e.detail.value)}
        />
      </FormField>
      <FormField id="raise-body" label="内容：具体说说" error={form.errors.body}>
        <Textarea
          id="raise-body"
          className="raise__textarea"
          value={form.values.body}
          maxlength={LIMITS.body + 10}
          placeholder="在哪里、什么时候、有什么影响"
          onInput={(e) => form.set('body', e.detail.value)}
        />
      </FormField>
      <FormField
        id="raise-photos"
        label={`照片（可以不加，最多 ${MAX_PHOTOS} 张，已加 ${photos.length} 张）`}
        error={form.errors.photos}
      >
        <View className="raise__photos">
          {photos.map((p) =>
            p.preview ? (
              <Image key={p.fileID} className="raise__photo" src={p.preview} mode="aspectFill" />
            ) : (
              <View key={p.fileID} className="raise__photo raise__photo--kept">
                <Text>已加的照片</Text>
              </View>
            ),
          )}
        </View>
        {photos.length < MAX_PHOTOS && (
          <Button
            id="raise-photos"
            className="raise__add-photo"
            size="large"
            disabled={busy}
            onClick={addPhotos}
          >
            添加照片
          </Button>
        )}
      </FormField>
      {failure && (
        <Text className="raise__failure" id="raise-failure">
          {failure}
        </Text>
      )}
      <Button
        id="raise-submit"
        className="raise__submit"
        type="primary"
        size="large"
        block
        loading={busy}
        onClick={submit}
      >
        提交
      </Button>
    </Screen>
  )
}
