/**
 * A subscription-message template as the deploy sets it (FENGSI_TMPL_*): the template id, and
 * optionally how our field names map onto the template's own. The keys a template takes
 * (`thing1`, `time3`, …) are fixed by WeChat for each template of the public library, so the one
 * a village picks may call the matter's title `thing2` where our message says `thing1`. The value
 *
 *     <templateId> [ours=theirs …]      e.g.  "AbC123xYz thing1=thing2 time3=date5"
 *
 * sends our `thing1` as the template's `thing2` and `time3` as `date5`; fields not named go as they
 * are. The mini-program's TARO_APP_TMPL_* takes the id alone.
 */

export interface TemplateSetting {
  templateId: string
  /** Our field name → the template's. */
  fields: Readonly<Record<string, string>>
}

const FIELD = /^[a-z_]+[0-9]+$/

/** Reads a FENGSI_TMPL_* value; throws an Error naming what is wrong. */
export function parseTemplateSetting(value: string): TemplateSetting {
  const [templateId, ...pairs] = value.trim().split(/\s+/)
  if (!templateId || templateId.includes('=')) {
    throw new Error(`a template setting starts with the template id, not "${value.trim()}"`)
  }
  const fields: Record<string, string> = {}
  const targets = new Set<string>()
  for (const pair of pairs) {
    const [ours, theirs, extra] = pair.split('=')
    if (extra !== undefined || !ours || !theirs || !FIELD.test(ours) || !FIELD.test(theirs)) {
      throw new Error(`"${pair}" is not ours=theirs with field names such as thing1=thing2`)
    }
    if (ours in fields) throw new Error(`${ours} is mapped twice`)
    if (targets.has(theirs)) throw new Error(`two fields are sent as ${theirs}`)
    fields[ours] = theirs
    targets.add(theirs)
  }
  return { templateId, fields }
}

/** A message's data under the template's field names; throws when a mapping names no field of it. */
export function templateData(
  data: Readonly<Record<string, string>>,
  fields: Readonly<Record<string, string>>,
): Record<string, { value: string }> {
  for (const ours of Object.keys(fields)) {
    if (!(ours in data)) {
      throw new Error(
        `the mapping names ${ours}, which this message does not have (it has ${Object.keys(data).join(', ')})`,
      )
    }
  }
  const out: Record<string, { value: string }> = {}
  for (const [key, value] of Object.entries(data)) {
    const name = fields[key] ?? key
    if (name in out) throw new Error(`two fields would be sent as ${name}`)
    out[name] = { value }
  }
  return out
}
