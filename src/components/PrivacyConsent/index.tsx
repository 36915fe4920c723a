import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { ROUTES } from '../../routes'
import {
  AGREE_BUTTON_ID,
  presentPrivacyRequests,
  type PrivacyRequest,
} from '../../services/privacy'
import './index.css'

const CONSENT_TEXT =
  '为了办理您的事，我们会记下您填写的姓名、户号、手机号（可以不填），您提的事和照片、发言、评价和投票。这些只用于本村议事。'

/**
 * The privacy consent (隐私保护指引) as our own dialog, on the pages that choose photos or send
 * personal data. It appears only when services/privacy asks; 同意 answers WeChat's own check
 * (open-type agreePrivacyAuthorization) in the mini-program.
 */
export default function PrivacyConsent() {
  const [request, setRequest] = useState<PrivacyRequest>()
  useEffect(() => presentPrivacyRequests(setRequest), [])
  if (!request) return null
  const answer = (agreed: boolean) => {
    setRequest(undefined)
    request.answer(agreed)
  }
  const weapp = process.env.TARO_ENV === 'weapp'
  return (
    <View className="privacy-consent" id="privacy-consent" role="dialog" aria-modal="true">
      <View className="privacy-consent__box">
        <Text className="privacy-consent__title">隐私保护指引</Text>
        <Text className="privacy-consent__text">{CONSENT_TEXT}</Text>
        <View
          className="privacy-consent__link"
          id="privacy-consent-read"
          role="link"
          onClick={() => Taro.navigateTo({ url: ROUTES.privacy })}
        >
          <Text>看完整的《隐私说明》 ›</Text>
        </View>
        <Button
          id={AGREE_BUTTON_ID}
          className="privacy-consent__agree"
          type="primary"
          size="large"
          block
          openType="agreePrivacyAuthorization"
          onAgreePrivacyAuthorization={weapp ? () => answer(true) : undefined}
          onClick={weapp ? undefined : () => answer(true)}
        >
          同意
        </Button>
        <Button
          id="privacy-decline"
          className="privacy-consent__decline"
          size="large"
          block
          onClick={() => answer(false)}
        >
          不同意
        </Button>
      </View>
    </View>
  )
}
