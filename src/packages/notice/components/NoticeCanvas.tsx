import { memo, useEffect } from 'react'
import { Canvas } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { NoticeContent } from '../../../../domain/notice/content'
import { A4_RATIO } from '../../../../domain/notice/layout'
import { drawNotice, NOTICE_WIDTH, type CanvasNode } from '../draw'

interface Props {
  content: NoticeContent
  /** The canvas once drawn (the buttons make their picture from it). */
  onDrawn: (canvas: CanvasNode) => void
  /** Shown width in px (the drawing itself is NOTICE_WIDTH wide). */
  shownWidth: number
}

/**
 * Finds the canvas node, trying a while (the canvas appears a moment after the page). WeChat: the
 * selector query's node. H5: the canvas element inside Taro's (Taro 4.2's H5 query answers no node
 * for a 2d canvas, and its exec waits on a nextTick timed by Date.now, which a fixed clock stops).
 */
function findCanvas(tries: number, found: (node: CanvasNode) => void) {
  const retry = () => {
    if (tries > 0) setTimeout(() => findCanvas(tries - 1, found), 100)
  }
  if (process.env.TARO_ENV === 'h5') {
    const el = document.querySelector('#notice-canvas canvas') as CanvasNode | null
    if (el) found(el)
    else retry()
    return
  }
  Taro.createSelectorQuery()
    .select('#notice-canvas')
    .fields({ node: true, size: true })
    .exec((res: Array<{ node?: CanvasNode } | null>) => {
      const node = res?.[0]?.node
      if (node && typeof node.getContext === 'function') found(node)
      else retry()
    })
}

/**
 * The notice drawn on a 2D canvas (`#notice-canvas`). Memoised: a canvas re-rendered by its
 * platform is cleared, so it renders once per content.
 */
function NoticeCanvas({ content, onDrawn, shownWidth }: Props) {
  useEffect(() => {
    let live = true
    const timer = setTimeout(() =>
      findCanvas(50, (node) => {
        if (!live) return
        drawNotice(node, content)
        onDrawn(node)
      }),
    )
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [content, onDrawn])
  const height = Math.round(shownWidth * A4_RATIO)
  return (
    <Canvas
      type="2d"
      id="notice-canvas"
      className="notice__canvas"
      style={{ width: `${shownWidth}px`, height: `${height}px` }}
      width={String(NOTICE_WIDTH)}
      height={String(Math.round(NOTICE_WIDTH * A4_RATIO))}
    />
  )
}

export default memo(NoticeCanvas)
