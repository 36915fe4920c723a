import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { FOCUSABLE } from '../../../../components/MatterItem'
import Screen from '../../../../components/Screen'
import { ROUTES } from '../../../../routes'
import './index.css'

/** One part of the 隐私说明: a question as its heading, plain sentences under it. */
const PARTS: ReadonlyArray<{ title: string; lines: string[] }> = [
  {
    title: '我们记下什么',
    lines: [
      '加入村子时您填的姓名、户号，和手机号（可以不填）。',
      '微信给我们的一串编号（用来认出是您，我们看不到您的微信号和聊天）。',
      '您提的事和照片，您在议事里的发言，您对办事结果的评价。',
      '您的投票。',
    ],
  },
  {
    title: '为什么要记',
    lines: [
      '姓名和户号：村委会用来核对您是本村的人，审核您的加入申请。',
      '手机号：村委会有事可以打电话找您。',
      '提的事、发言和评价：大家一起说事、议事，办完了大家评一评。',
      '投票：算出表决结果，保证一人一票。',
    ],
  },
  {
    title: '谁能看到',
    lines: [
      '您的姓名、提的事和发言，本村的村民都能看到。',
      '手机号只有村委会和您自己能看到；户号是村委会用来核对的。',
      '不记名投票：谁投了什么，谁都看不到，村委会也看不到。投票用一个加了密的编号保存，看不出是谁投的；别人只能知道您投没投。您自己可以在“我的投票”里看到自己选了什么。只有管理服务器、又掌握密钥的技术人员，在技术上才有办法算出来。',
      '表决期间，村委会能看到您有没有打开过这次表决，好上门或打电话告诉还没看到的人。',
      '记名投票：表决结束后，大家能看到每个人投了什么。',
      '调解的记录只有当事人、法治委员和村委会能看到；别的村民只知道这件事在调解中还是已调解。',
      '村委会把一件事交给乡镇或部门去办（吹哨报到），或把村里的需求报到乡镇的需求清单时，这件事的内容会给那里的工作人员看，不会带上您的手机号。',
      '除此以外，这些信息不会给村外的人，也不会拿去做别的事。',
    ],
  },
  {
    title: '怎样退出',
    lines: [
      '在“我的”里点“退出本村”。退出后您不再是本村的成员，不能再提事、发言和投票。',
      '已经提的事、说过的话和投过的票会留在村里的记录里，因为它们是村里议事的一部分。',
      '想删除或改正您的信息，可以找村委会。',
    ],
  },
]

/** 隐私说明: what the app stores about a person, why, who sees it, and how to leave. */
export default function Privacy() {
  return (
    <Screen className="privacy">
      <Text className="privacy__title" id="privacy-title">
        隐私说明
      </Text>
      <Text className="privacy__intro">
        逢四说事只为本村议事记下您的信息。下面说清楚记什么、为什么、谁能看到。
      </Text>
      {PARTS.map((part) => (
        <View key={part.title} className="privacy__part">
          <Text className="privacy__heading">{part.title}</Text>
          {part.lines.map((line) => (
            <Text key={line} className="privacy__line">
              {line}
            </Text>
          ))}
        </View>
      ))}
      <View
        className="privacy__back"
        id="privacy-back"
        role="link"
        {...FOCUSABLE}
        onClick={() => Taro.redirectTo({ url: ROUTES.me })}
      >
        <Text>回到“我的” ›</Text>
      </View>
    </Screen>
  )
}
