import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { PhotoUrls } from '../../../types/api/storage'
import { photoUrls } from '../../services/photos'
import './index.css'

interface Props {
  /** Stored photos (cloud file ids). */
  photos: readonly string[]
  /** What they show, for the words under each: 照片 / 进展照片. */
  label: string
  className?: string
}

/**
 * Photos after the words: the grid asks for the photos' URLs only once it is drawn, so the text
 * of the page is readable before any image loads. Each photo has its word under it and opens large
 * on a tap.
 */
export default function PhotoGrid({ photos, label, className }: Props) {
  const [urls, setUrls] = useState<PhotoUrls>()
  const [failed, setFailed] = useState(false)
  const key = photos.join('|')

  useEffect(() => {
    if (photos.length === 0) return
    let live = true
    photoUrls(photos).then((answer) => {
      if (!live) return
      if (answer.ok) setUrls(answer.data)
      else setFailed(true)
    })
    return () => {
      live = false
    }
    // `key` stands for the list's contents.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])

  if (photos.length === 0) return null
  const shown = photos.map((id) => urls?.[id]).filter((u): u is string => !!u)
  const open = (url: string) => {
    Taro.previewImage({ current: url, urls: shown }).catch(() => undefined)
  }
  return (
    <View className={['photo-grid', className].filter(Boolean).join(' ')}>
      {photos.map((id, i) => {
        const url = urls?.[id]
        const word = `${label} ${i + 1}`
        return (
          <View
            key={id}
            className="photo-grid__item"
            onClick={url ? () => open(url) : undefined}
            ariaLabel={url ? `${word}，点一下看大图` : word}
          >
            {url ? (
              <Image
                className="photo-grid__image"
                src={url}
                mode="aspectFill"
                lazyLoad
                ariaLabel={word}
              />
            ) : (
              <View className="photo-grid__placeholder">
                <Text className="photo-grid__wait">
                  {failed || urls ? '照片打不开' : '照片加载中'}
                </Text>
              </View>
            )}
            <Text className="photo-grid__word">{word}</Text>
          </View>
        )
      })}
    </View>
  )
}
