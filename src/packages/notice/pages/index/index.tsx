import { useCallback, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { NoticeContent } from '../../../../../domain/notice/content'
import LoadView from '../../../../components/LoadView'
import Screen from '../../../../components/Screen'
import { useLoad } from '../../../../hooks/useLoad'
import { downloadPng, printNotice, saveToAlbum, shareInBrowser, shareToChat } from '../../actions'
import NoticeCanvas from '../../components/NoticeCanvas'
import PrintSheet from '../../components/PrintSheet'
import type { CanvasNode } from '../../draw'
import { linkBase, loadNotice } from '../../load'
import './index.css'

const IS_H5 = process.env.TARO_ENV === 'h5'

/** The canvas's shown width: the window less the page's padding (16 px a side). */
function shownWidth(): number {
  try {
    const { windowWidth } = Taro.getSystemInfoSync()
    return Math.max(240, Math.round(windowWidth - 32))
  } catch {
    return 328
  }
}

function Board({ content }: { content: NoticeContent }) {
  const canvas = useRef<CanvasNode | null>(null)
  const [drawn, setDrawn] = useState(false)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')
  const [width] = useState(shownWidth)
  const onDrawn = useCallback((node: CanvasNode) => {
    canvas.current = node
    setDrawn(true)
  }, [])

  const act = (run: (node: CanvasNode) => string | Promise<string>) => async () => {
    const node = canvas.current
    if (!node || busy) return
    setBusy(true)
    try {
      setMessage(await run(node))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="notice__board">
      <Text className="notice__hint">
        {IS_H5
          ? '可以打印出来贴在村务公开栏，也可以存成图片发到村里的群。'
          : '可以存到相册拿去打印，贴在村务公开栏，也可以发到村里的群。'}
      </Text>
      <View className="notice__frame">
        <NoticeCanvas content={content} onDrawn={onDrawn} shownWidth={width} />
      </View>
      {!IS_H5 && !linkBase() && (
        <Text className="notice__warn" id="notice-no-link">
          二维码的网址还没有配置（TARO_APP_LINK_BASE），扫码后打不开事项。
        </Text>
      )}
      <View className="notice__actions">
        {IS_H5 && (
          <Button
            id="notice-print"
            type="primary"
            size="large"
            className="notice__button"
            disabled={busy}
            onClick={act(() => printNotice())}
          >
            打印
          </Button>
        )}
        <Button
          id="notice-save"
          type={IS_H5 ? 'default' : 'primary'}
          size="large"
          className="notice__button"
          disabled={!drawn || busy}
          onClick={act(IS_H5 ? downloadPng : saveToAlbum)}
        >
          {IS_H5 ? '保存图片' : '保存到相册'}
        </Button>
        <Button
          id="notice-share"
          size="large"
          className="notice__button"
          disabled={!drawn || busy}
          onClick={act(IS_H5 ? shareInBrowser : shareToChat)}
        >
          分享给群
        </Button>
      </View>
      {message && (
        <Text className="notice__message" id="notice-message">
          {message}
        </Text>
      )}
      {IS_H5 && <PrintSheet content={content} />}
    </View>
  )
}

/** 决议公告 (`?pollId=`): the counted poll's notice for the notice board. */
export default function Notice() {
  const pollId = Taro.getCurrentInstance().router?.params?.pollId ?? ''
  const [state, reload] = useLoad(() => loadNotice(pollId))
  return (
    <Screen className="notice">
      <LoadView state={state} onRetry={reload}>
        {(content) => <Board content={content} />}
      </LoadView>
    </Screen>
  )
}
