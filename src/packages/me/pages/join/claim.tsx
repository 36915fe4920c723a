import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { LIMITS, VILLAGE_SCHEMAS } from '../../../../../domain/village/schemas'
import FormField from '../../../../components/FormField'
import { useSchemaForm } from '../../../../hooks/useSchemaForm'
import { callFunction } from '../../../../services/cloud'
import { ensurePrivacyConsent } from '../../../../services/privacy'
import { ROUTES } from '../../../../routes'

const EMPTY = { code: '', name: '', householdNo: '', phone: '' }

/**
 * 村委会首次启用: a village newly set up (`npm run village:create`) is claimed by its first committee
 * member with the 启用码 the volunteer handed over, their name and 户号; then they are the
 * committee and go to 村务. The code is not kept on the phone (it is a secret until used).
 */
export default function ClaimVillage({ onBack }: { onBack: () => void }) {
  const form = useSchemaForm(VILLAGE_SCHEMAS.claimVillage, EMPTY)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const [village, setVillage] = useState<string>()

  const submit = async () => {
    setFailure(undefined)
    const input = form.check()
    if (!input) return
    if (!(await ensurePrivacyConsent())) {
      return setFailure('需要您同意隐私保护指引，才能启用村子。')
    }
    setBusy(true)
    const res = await callFunction('village', 'claimVillage', input)
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    setVillage(res.data.villageName)
  }

  if (village) {
    return (
      <View className="join__done" id="claim-done">
        <Text className="join__done-title">启用成功</Text>
        <Text className="join__done-hint">
          您是{village}的第一位村委会成员。请先到“村务”里导入户籍名册，再审核村民的加入申请。
        </Text>
        <Button
          id="claim-console"
          type="primary"
          size="large"
          block
          onClick={() => Taro.redirectTo({ url: ROUTES.console })}
        >
          进入村务
        </Button>
      </View>
    )
  }

  return (
    <View className="join__form" id="claim">
      <Text className="join__title">村委会首次启用</Text>
      <Text className="join__hint">
        村里刚开通“逢四说事”时，管理员会交给村干部一个 12
        位的启用码。第一位输入的村干部成为本村的村委会成员。
      </Text>
      <FormField id="claim-code" label="启用码（12 位）" error={form.errors.code}>
        <Input
          id="claim-code"
          className="join__input join__input--code"
          value={form.values.code}
          maxlength={20}
          placeholder="例如 ABCD-EFGH-JKLM"
          onInput={(e) => form.set('code', e.detail.value)}
        />
      </FormField>
      <FormField id="claim-name" label="您的姓名" error={form.errors.name}>
        <Input
          id="claim-name"
          className="join__input"
          value={form.values.name}
          maxlength={LIMITS.name + 5}
          placeholder="和户口本上一样"
          onInput={(e) => form.set('name', e.detail.value)}
        />
      </FormField>
      <FormField id="claim-household" label="户号（在户口本上）" error={form.errors.householdNo}>
        <Input
          id="claim-household"
          className="join__input"
          value={form.values.householdNo}
          maxlength={20}
          placeholder="例如 3-12"
          onInput={(e) => form.set('householdNo', e.detail.value)}
        />
      </FormField>
      <FormField id="claim-phone" label="手机号（可以不填）" error={form.errors.phone}>
        <Input
          id="claim-phone"
          className="join__input"
          type="number"
          value={form.values.phone}
          maxlength={11}
          placeholder="村委会有事可以联系您"
          onInput={(e) => form.set('phone', e.detail.value)}
        />
      </FormField>
      {failure && (
        <Text className="join__failure" id="claim-failure">
          {failure}
        </Text>
      )}
      <Button id="claim-submit" type="primary" size="large" block loading={busy} onClick={submit}>
        启用本村
      </Button>
      <View className="join__privacy" id="claim-back" role="link" onClick={onBack}>
        <Text>‹ 不是村干部，回去找村子</Text>
      </View>
    </View>
  )
}
