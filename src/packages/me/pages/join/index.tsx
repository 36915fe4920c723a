import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { VillageRef } from '../../../../../types/api/village'
import { LIMITS, VILLAGE_SCHEMAS } from '../../../../../domain/village/schemas'
import FormField from '../../../../components/FormField'
import LoadView from '../../../../components/LoadView'
import PrivacyConsent from '../../../../components/PrivacyConsent'
import Screen from '../../../../components/Screen'
import type { LoadState } from '../../../../hooks/useLoad'
import { useSchemaForm } from '../../../../hooks/useSchemaForm'
import { callFunction, chooseVillage } from '../../../../services/cloud'
import { canRetry } from '../../../../services/errors'
import { ensurePrivacyConsent } from '../../../../services/privacy'
import { ROUTES } from '../../../../routes'
import ClaimVillage from './claim'
import { inviteFromParams, inviteFromScan } from './invite'
import './index.css'

type Find = { q?: string; inviteCode?: string }

const EMPTY = { villageId: '', villageName: '', name: '', householdNo: '', phone: '' }

/**
 * 加入村子: find the village (from the list, by a word of its name, by the invite code typed or
 * scanned from its QR code), then name, 户号 and (if wished) phone; the privacy consent before
 * anything is sent; then requestJoin. What is typed is kept on the phone until it is sent. A village
 * just set up is claimed instead by its first committee member with the 启用码 (./claim.tsx).
 */
export default function Join() {
  const params = useRouter().params as Record<string, string | undefined>
  const [invite] = useState(() => inviteFromParams(params))
  const form = useSchemaForm(VILLAGE_SCHEMAS.requestJoin, EMPTY, 'join')
  const [villages, setVillages] = useState<LoadState<VillageRef[]>>({ status: 'loading' })
  const [lastFind, setLastFind] = useState<Find>(invite ? { inviteCode: invite } : {})
  const [name, setName] = useState('')
  const [code, setCode] = useState('')
  const [note, setNote] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string>()
  const [done, setDone] = useState(false)
  const [claiming, setClaiming] = useState(false)

  const choose = (v: VillageRef | undefined) => {
    form.set('villageId', v?.id ?? '')
    form.set('villageName', v?.name ?? '')
  }

  const find = async (f: Find) => {
    setLastFind(f)
    setNote(undefined)
    const before = villages
    setVillages({ status: 'loading' })
    const res = await callFunction('village', 'listVillages', f)
    // A code the function refuses (mistyped) is said beside the field; the list stays.
    if (!res.ok && f.inviteCode && !canRetry(res.error) && before.status === 'ready') {
      setVillages(before)
      return setNote(res.error.message)
    }
    if (!res.ok) return setVillages({ status: 'error', error: res.error })
    setVillages({ status: 'ready', data: res.data.villages })
    if (f.inviteCode) {
      if (res.data.villages.length === 1) choose(res.data.villages[0])
      else setNote('没有找到这个邀请码的村子，请核对后重新输入。')
    }
  }

  // One call on opening: the village of the invite code it was opened with, or all villages.
  useEffect(() => {
    void find(invite ? { inviteCode: invite } : {})
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const scan = async () => {
    setNote(undefined)
    const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] }).catch(
      () => undefined,
    )
    if (!res) return setNote('没有扫到二维码。也可以直接输入邀请码。')
    const found = inviteFromScan(res.path || res.result || '')
    if (!found) return setNote('这个二维码里没有邀请码。')
    setCode(found)
    void find({ inviteCode: found })
  }

  const submit = async () => {
    setFailure(undefined)
    const input = form.check()
    if (!input) return
    if (!(await ensurePrivacyConsent())) {
      return setFailure('需要您同意隐私保护指引，才能提交加入申请。')
    }
    setBusy(true)
    const res = await callFunction('village', 'requestJoin', input)
    setBusy(false)
    if (!res.ok) return setFailure(res.error.message)
    // The village just asked for is the one 首页 and 我的 now show (切换村子 goes back).
    chooseVillage(input.villageId)
    form.sent()
    setDone(true)
  }

  if (done) {
    return (
      <Screen className="join">
        <View className="join__done" id="join-done">
          <Text className="join__done-title">已提交，等待村委会审核</Text>
          <Text className="join__done-hint">
            村委会核对您的姓名和户号后就会通过。通过以后，就可以提事、议事、投票了。
          </Text>
          <Button
            id="join-home"
            type="primary"
            size="large"
            block
            onClick={() => Taro.redirectTo({ url: ROUTES.home })}
          >
            回到首页
          </Button>
        </View>
      </Screen>
    )
  }

  if (claiming) {
    return (
      <Screen className="join">
        <PrivacyConsent />
        <ClaimVillage onBack={() => setClaiming(false)} />
      </Screen>
    )
  }

  const chosen = form.values.villageId
    ? { id: form.values.villageId, name: form.values.villageName }
    : undefined

  return (
    <Screen className="join">
      <PrivacyConsent />
      {!chosen && (
        <View className="join__find">
          <Text className="join__title">第一步：找到您的村子</Text>
          <FormField id="join-code" label="有邀请码？（6 位，村委会给的）">
            <View className="join__row">
              <Input
                id="join-code"
                className="join__input join__input--code"
                value={code}
                maxlength={10}
                placeholder="例如 4XQ9TR"
                onInput={(e) => setCode(e.detail.value)}
              />
              <Button
                id="join-code-submit"
                className="join__row-button"
                onClick={() => find({ inviteCode: code })}
              >
                确定
              </Button>
            </View>
          </FormField>
          <Button id="join-scan" className="join__scan" size="large" block onClick={scan}>
            扫村里的二维码
          </Button>
          <FormField id="join-search" label="或者按村名找">
            <View className="join__row">
              <Input
                id="join-search"
                className="join__input"
                value={name}
                maxlength={LIMITS.villageName}
                placeholder="例如：西村"
                onInput={(e) => setName(e.detail.value)}
              />
              <Button
                id="join-search-submit"
                className="join__row-button"
                onClick={() => find(name.trim() ? { q: name.trim() } : {})}
              >
                搜索
              </Button>
            </View>
          </FormField>
          <View
            className="join__claim"
            id="claim-open"
            role="link"
            onClick={() => setClaiming(true)}
          >
            <Text>我是村干部，有启用码 ›</Text>
          </View>
          {note && (
            <Text className="join__note" id="join-note">
              {note}
            </Text>
          )}
          <LoadView state={villages} onRetry={() => find(lastFind)}>
            {(list) =>
              list.length === 0 ? (
                <Text className="join__note" id="join-none">
                  没有找到这样的村子。
                </Text>
              ) : (
                <View className="join__villages">
                  <Text className="join__subtitle">点您的村子：</Text>
                  {list.map((v) => (
                    <View
                      key={v.id}
                      id={`village-${v.id}`}
                      className="join-village"
                      role="button"
                      onClick={() => choose(v)}
                    >
                      <Text className="join-village__name">{v.name}</Text>
                      <Text className="join-village__pick">选这个村 ›</Text>
                    </View>
                  ))}
                </View>
              )
            }
          </LoadView>
        </View>
      )}
      {chosen && (
        <View className="join__form">
          <Text className="join__title">第二步：填写您的信息</Text>
          <View className="join__chosen" id="join-chosen">
            <Text className="join__chosen-name">要加入：{chosen.name}</Text>
            <View
              className="join__change"
              id="join-change"
              role="link"
              onClick={() => choose(undefined)}
            >
              <Text>换一个村</Text>
            </View>
          </View>
          <FormField id="join-name" label="您的姓名" error={form.errors.name}>
            <Input
              id="join-name"
              className="join__input"
              value={form.values.name}
              maxlength={LIMITS.name + 5}
              placeholder="和户口本上一样"
              onInput={(e) => form.set('name', e.detail.value)}
            />
          </FormField>
          <FormField id="join-household" label="户号（在户口本上）" error={form.errors.householdNo}>
            <Input
              id="join-household"
              className="join__input"
              value={form.values.householdNo}
              maxlength={20}
              placeholder="例如 3-12"
              onInput={(e) => form.set('householdNo', e.detail.value)}
            />
          </FormField>
          <FormField id="join-phone" label="手机号（可以不填）" error={form.errors.phone}>
            <Input
              id="join-phone"
              className="join__input"
              type="number"
              value={form.values.phone}
              maxlength={11}
              placeholder="村委会有事可以打给您"
              onInput={(e) => form.set('phone', e.detail.value)}
            />
          </FormField>
          {failure && (
            <Text className="join__failure" id="join-failure">
              {failure}
            </Text>
          )}
          <Button
            id="join-submit"
            type="primary"
            size="large"
            block
            loading={busy}
            onClick={submit}
          >
            提交申请
          </Button>
          <View
            className="join__privacy"
            id="join-privacy"
            role="link"
            onClick={() => Taro.navigateTo({ url: ROUTES.privacy })}
          >
            <Text>我们怎样保管您的信息：看《隐私说明》 ›</Text>
          </View>
        </View>
      )}
    </Screen>
  )
}
