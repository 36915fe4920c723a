/** Handing the ballots over in WeChat: a file in the app's folder, sent with WeChat's sheet. */
import Taro from '@tarojs/taro'
import { saveBallots } from '../../../src/services/ballots'

const T = Taro as unknown as Record<string, unknown>
const FILE = { fileName: 'ballots-p1.csv', csv: 'ballot,choice\nb1,yes\n', digest: 'ab12' }
let written: unknown[][]

beforeEach(() => {
  process.env.TARO_ENV = 'weapp'
  written = []
  T.env = { USER_DATA_PATH: 'wxfile://usr' }
  T.getFileSystemManager = () => ({ writeFileSync: (...args: unknown[]) => written.push(args) })
})
afterEach(() => {
  delete process.env.TARO_ENV
  for (const k of ['env', 'getFileSystemManager', 'shareFileMessage', 'setClipboardData']) {
    delete T[k]
  }
})

describe('saveBallots in WeChat', () => {
  it('writes the CSV under USER_DATA_PATH and opens the send-file sheet with it', async () => {
    const shared: unknown[] = []
    T.shareFileMessage = async (o: unknown) => void shared.push(o)
    expect(await saveBallots(FILE)).toEqual({ ok: true, data: 'shared' })
    expect(written).toEqual([['wxfile://usr/ballots-p1.csv', 'ballot,choice\nb1,yes\n', 'utf8']])
    expect(shared).toEqual([
      { filePath: 'wxfile://usr/ballots-p1.csv', fileName: 'ballots-p1.csv' },
    ])
  })

  it('closing the sheet is no failure', async () => {
    T.shareFileMessage = async () => {
      throw { errMsg: 'shareFileMessage:fail cancel' }
    }
    expect(await saveBallots(FILE)).toEqual({ ok: true, data: 'cancelled' })
  })

  it('an old WeChat without shareFileMessage gets the CSV copied instead', async () => {
    const copied: unknown[] = []
    T.setClipboardData = async (o: unknown) => void copied.push(o)
    expect(await saveBallots(FILE)).toEqual({ ok: true, data: 'copied' })
    expect(copied).toEqual([{ data: 'ballot,choice\nb1,yes\n' }])
    expect(written).toEqual([])
  })

  it('a failed write says so plainly', async () => {
    T.shareFileMessage = async () => undefined
    T.getFileSystemManager = () => ({
      writeFileSync: () => {
        throw new Error('disk full')
      },
    })
    expect(await saveBallots(FILE)).toEqual({
      ok: false,
      error: { code: 'FUNCTION_ERROR', message: '选票文件没能保存，请再试一次。' },
    })
  })
})
