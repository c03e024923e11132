import { useState, type FormEvent } from 'react'
import { formErrorsOf, noErrors, type FormErrors } from './form-errors.ts'

/**
 * A form that sends to the server: `busy` while the request runs, and what came back wrong,
 * by field (`errors.fields`) and otherwise (`errors.general`). `submit` clears the last
 * errors, runs `send` and puts a refusal next to the fields it names; given a `problem`
 * found before sending, it shows that instead and sends nothing.
 *
 * @example
 * const form = useFormSubmit(['name', 'roles'])
 * const save = (event?: FormEvent) =>
 *   form.submit(event, async () => onSaved(await unwrap(client.api.users.$post({ json }))),
 *     noRoleProblem(roles))
 */
export function useFormSubmit<F extends string>(fields: readonly F[]) {
  const [errors, setErrors] = useState<FormErrors<F>>(noErrors)
  const [busy, setBusy] = useState(false)
  const submit = async (
    event: FormEvent | undefined,
    send: () => Promise<void>,
    problem?: { field: F; message: string } | null,
  ) => {
    event?.preventDefault()
    if (problem) {
      setErrors({
        fields: { [problem.field]: problem.message } as FormErrors<F>['fields'],
        general: null,
      })
      return
    }
    setBusy(true)
    setErrors(noErrors)
    try {
      await send()
    } catch (failure) {
      setErrors(formErrorsOf(failure, fields))
    } finally {
      setBusy(false)
    }
  }
  return { errors, busy, submit }
}
