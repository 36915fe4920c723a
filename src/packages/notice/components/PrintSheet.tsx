import { Image, Text, View } from '@tarojs/components'
import type { NoticeContent } from '../../../../domain/notice/content'
import { qrModules } from '../../../../domain/notice/qr'
import { qrSvg, svgDataUrl } from '../../../../domain/notice/svg'
import { QR_CAPTION, DIGEST_LABEL } from '../../../../domain/notice/layout'

/**
 * H5's print page (`#notice-paper`): the same content as the canvas, as text the printer sets in
 * A4 with large type (@media print in index.css); hidden on the screen, where the canvas shows it.
 */
export default function PrintSheet({ content: c }: { content: NoticeContent }) {
  return (
    <View className="notice-paper" id="notice-paper">
      <Text className="notice-paper__heading" id="notice-paper-heading">
        {c.heading}
      </Text>
      {c.villageName && <Text className="notice-paper__village">{c.villageName}</Text>}
      <View className="notice-paper__rule" />
      <Text className="notice-paper__matter" id="notice-paper-matter">
        事项：{c.matterTitle}
      </Text>
      <Text className="notice-paper__line">表决内容：{c.question}</Text>
      <Text className="notice-paper__line" id="notice-paper-body">
        表决方式：{c.body}
      </Text>
      <View className="notice-paper__counts" id="notice-paper-counts">
        {c.counts.map((k) => (
          <View key={k.key} className="notice-paper__count" id={`notice-paper-count-${k.key}`}>
            <Text className="notice-paper__count-label">{k.label}</Text>
            <Text className="notice-paper__count-votes">{k.count} 票</Text>
          </View>
        ))}
      </View>
      <Text className="notice-paper__line" id="notice-paper-turnout">
        {c.turnout}
      </Text>
      <Text className="notice-paper__sentence" id="notice-paper-sentence">
        {c.sentence}
      </Text>
      <View className="notice-paper__sign">
        <Text className="notice-paper__line">{c.signature}</Text>
        <Text className="notice-paper__line" id="notice-paper-date">
          {c.date}
        </Text>
      </View>
      <View className="notice-paper__foot">
        <View className="notice-paper__digest">
          <Text className="notice-paper__small">计票时间：{c.countedAt}</Text>
          <Text className="notice-paper__small">{DIGEST_LABEL}</Text>
          {c.digestLines.map((line, i) => (
            <Text key={i} className="notice-paper__digest-line">
              {line}
            </Text>
          ))}
        </View>
        <View className="notice-paper__qr">
          <Image
            className="notice-paper__qr-image"
            id="notice-paper-qr"
            src={svgDataUrl(qrSvg(qrModules(c.link)))}
            mode="aspectFit"
          />
          <Text className="notice-paper__small">{QR_CAPTION}</Text>
        </View>
      </View>
    </View>
  )
}
