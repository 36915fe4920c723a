// cloudbaserc.json (for `tcb`) is rendered from deploy/declaration.ts: the committed file must be
// exactly the rendering (`npm run deploy -- --write-config` rewrites it), and no secret is in it.
import fs from 'node:fs'
import path from 'node:path'
import { cloudbasercText, renderCloudbaserc } from '../../deploy/cloudbaserc'
import { FUNCTIONS } from '../../deploy/declaration'

const committed = fs.readFileSync(path.join(__dirname, '../../cloudbaserc.json'), 'utf8')

describe('cloudbaserc.json', () => {
  it('is the rendering of the declaration (npm run deploy -- --write-config rewrites it)', () => {
    expect(committed).toBe(cloudbasercText())
  })

  it('fails when the declaration changes and the file does not', () => {
    const longer = FUNCTIONS.map((f) => (f.name === 'scheduler' ? { ...f, timeout: 90 } : f))
    expect(cloudbasercText(longer)).not.toBe(committed)
  })

  it('declares every function as tcb needs it, with placeholders for every variable', () => {
    const rc = JSON.parse(committed) as ReturnType<typeof renderCloudbaserc>
    expect(rc.envId).toBe('{{env.TCB_ENV_ID}}')
    expect(rc.functionRoot).toBe('./dist-functions')
    expect(rc.functions.map((f) => f.name)).toEqual([
      'discussion',
      'matters',
      'mediation',
      'notifications',
      'polls',
      'scheduler',
      'township',
      'village',
      'whistles',
    ])
    const polls = rc.functions.find((f) => f.name === 'polls')
    expect(polls).toEqual({
      name: 'polls',
      handler: 'index.main',
      runtime: 'Nodejs20.19',
      timeout: 10,
      memorySize: 256,
      installDependency: true,
      envVariables: {
        FENGSI_RELEASE: '{{env.FENGSI_RELEASE}}',
        POLLS_BALLOT_SECRET: '{{env.POLLS_BALLOT_SECRET}}',
        FENGSI_NOTIFY: '{{env.FENGSI_NOTIFY}}',
        FENGSI_MP_STATE: '{{env.FENGSI_MP_STATE}}',
        FENGSI_TMPL_MATTER_RAISED: '{{env.FENGSI_TMPL_MATTER_RAISED}}',
        FENGSI_TMPL_JOIN_REQUESTED: '{{env.FENGSI_TMPL_JOIN_REQUESTED}}',
        FENGSI_TMPL_RESPONSE_DUE: '{{env.FENGSI_TMPL_RESPONSE_DUE}}',
        FENGSI_TMPL_MATTER_ANSWERED: '{{env.FENGSI_TMPL_MATTER_ANSWERED}}',
        FENGSI_TMPL_POLL_RESULT: '{{env.FENGSI_TMPL_POLL_RESULT}}',
        FENGSI_TMPL_WHISTLE: '{{env.FENGSI_TMPL_WHISTLE}}',
      },
      triggers: [],
    })
    // No open API, no dependency to install: everything is in the bundle; no variable but the
    // release, which keeps the set from ever being empty.
    expect(rc.functions.find((f) => f.name === 'notifications')).toMatchObject({
      installDependency: false,
      envVariables: { FENGSI_RELEASE: '{{env.FENGSI_RELEASE}}' },
    })
    expect(rc.functions.find((f) => f.name === 'scheduler')).toMatchObject({
      timeout: 60,
      triggers: [{ name: 'closePolls', type: 'timer', config: '30 * * * * * *' }],
    })
  })

  it('holds no value of any variable, only placeholders', () => {
    const rc = JSON.parse(committed) as ReturnType<typeof renderCloudbaserc>
    for (const f of rc.functions) {
      for (const [name, value] of Object.entries(f.envVariables)) {
        expect(value).toBe(`{{env.${name}}}`)
      }
    }
  })
})
