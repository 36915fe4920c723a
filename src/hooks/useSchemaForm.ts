import { useCallback, useState } from 'react'
import { safeParse, type GenericSchema, type InferOutput } from 'valibot'
import { fieldErrors } from '../../domain/shared/validate'
import { clearDraft, loadDraft, saveDraft } from '../services/drafts'

/**
 * A form checked by the same schema the cloud function checks with: the person sees the same plain
 * Chinese message before sending that the function would answer after. With `draftKey`, what is
 * typed is kept on the phone (services/drafts) until `sent()` is called.
 */
export function useSchemaForm<S extends GenericSchema, V extends Record<string, unknown>>(
  schema: S,
  initial: V,
  draftKey?: string,
) {
  const [values, setValues] = useState<V>(() =>
    draftKey ? { ...initial, ...loadDraft<V>(draftKey) } : initial,
  )
  const [errors, setErrors] = useState<Record<string, string>>({})

  const set = useCallback(
    <K extends keyof V>(key: K, value: V[K]) => {
      setValues((old) => {
        const next = { ...old, [key]: value }
        if (draftKey) saveDraft(draftKey, next)
        return next
      })
      setErrors((old) => {
        if (!(key in old)) return old
        const rest = { ...old }
        delete rest[key as string]
        return rest
      })
    },
    [draftKey],
  )

  /** The form was sent: forget the kept draft. */
  const sent = useCallback(() => {
    if (draftKey) clearDraft(draftKey)
  }, [draftKey])

  /** Checks every field; answers the values when they pass, or undefined (errors are shown). */
  const check = useCallback((): InferOutput<S> | undefined => {
    const result = safeParse(schema, values)
    setErrors(result.success ? {} : fieldErrors(schema, values))
    return result.success ? result.output : undefined
  }, [schema, values])

  return { values, errors, set, check, sent, reset: () => setValues(initial) }
}
