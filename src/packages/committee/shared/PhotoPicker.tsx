import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { MAX_PHOTOS } from '../../../../domain/shared/validate'
import { photoUrls, uploadPhoto } from '../../../services/photos'
import { ensurePrivacyConsent } from '../../../services/privacy'
import './PhotoPicker.css'

interface Photo {
  fileID: string
  preview: string
}

interface Props {
  /** The button's id (`topic-photos`, `cmatter-progress-photos`). */
  id: string
  /** Stored photos (cloud file ids), as the form holds them. */
  photos: readonly string[]
  onChange: (photos: string[]) => void
  onBusy?: (busy: boolean) => void
}

/**
 * Up to nine photos, uploaded as they are chosen (as on 我要提事): the privacy consent is asked
 * before the first one; photos of a kept draft are shown from their stored files. The page draws
 * <PrivacyConsent /> for the consent's dialog.
 */
export default function PhotoPicker({ id, photos, onChange, onBusy }: Props) {
  const [previews, setPreviews] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string>()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const kept = photos.filter((p) => !previews[p])
    if (kept.length === 0) return
    void photoUrls(kept).then((res) => {
      if (res.ok) setPreviews((now) => ({ ...res.data, ...now }))
    })
    // Only the photos restored on opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const busyNow = (b: boolean) => {
    setBusy(b)
    onBusy?.(b)
  }

  const add = async () => {
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
    busyNow(true)
    const added: Photo[] = []
    for (const path of chosen.tempFilePaths.slice(0, room)) {
      const res = await uploadPhoto(path)
      if (!res.ok) {
        setFailure(res.error.message)
        break
      }
      added.push({ fileID: res.data.fileID, preview: path })
    }
    setPreviews((now) => ({
      ...now,
      ...Object.fromEntries(added.map((p) => [p.fileID, p.preview])),
    }))
    onChange([...photos, ...added.map((p) => p.fileID)])
    busyNow(false)
  }

  return (
    <View className="photo-picker">
      <View className="photo-picker__photos">
        {photos.map((p, i) =>
          previews[p] ? (
            <Image
              key={p}
              className="photo-picker__photo"
              src={previews[p]}
              mode="aspectFill"
              ariaLabel={`照片 ${i + 1}`}
            />
          ) : (
            <View key={p} className="photo-picker__photo photo-picker__photo--kept">
              <Text>已加的照片</Text>
            </View>
          ),
        )}
      </View>
      {failure && (
        <Text className="photo-picker__failure" id={`${id}-failure`}>
          {failure}
        </Text>
      )}
      {photos.length < MAX_PHOTOS && (
        <Button id={id} className="photo-picker__add" size="large" disabled={busy} onClick={add}>
          添加照片
        </Button>
      )}
    </View>
  )
}
