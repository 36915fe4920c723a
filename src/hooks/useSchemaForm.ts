import { useCallback, useState } from 'react'
import { safeParse, type GenericSchema, type InferOutput } from 'valibot'
import { fieldErrors } from '../../domain/shared/validate'

/**
 * A form checked by the same schema the cloud function checks with: the person sees the same plain
 * Chinese message before sending that the function would answer after.
 */
export function useSchemaForm<S extends GenericSchema, V extends Record<string, unknown>>(
  schema: S,
  initial: V,
) {
  const [values, setValues] = useState<V>(initial)
  const [errors, setErrors] = useState<Record<string, string>>({})

  const set = useCallback(<K extends keyof V>(key: K, value: V[K]) => {
    setValues((old) => ({ ...old, [key]: value }))
    setErrors((old) => {
      if (!(key in old)) return old
      const rest = { ...old }
      delete rest[key as string]
      return rest
    })
  }, [])

  /** Checks every field; answers the values when they pass, or undefined (errors are shown). */
  const check = useCallback((): InferOutput<S> | undefined => {
    const result = safeParse(schema, values)
    setErrors(result.success ? {} : fieldErrors(schema, values))
    return result.success ? result.output : undefined
  }, [schema, values])

  return { values, errors, set, check, reset: () => setValues(initial) }
}
