import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Field } from '../../editor/ui/field.tsx'
import { TextField } from '../../editor/ui/text-field.tsx'

const ignore = () => undefined

describe('Field', () => {
  it('labels the control it names, with the hint under it', () => {
    const html = renderToStaticMarkup(
      <Field
        htmlFor="rule-kind"
        label="What it does"
        hint="The lead is rejected unless this holds."
      >
        <select id="rule-kind" className="select" />
      </Field>,
    )
    expect(html).toBe(
      '<div class="field"><label for="rule-kind">What it does</label>' +
        '<select id="rule-kind" class="select"></select>' +
        '<span class="field-hint">The lead is rejected unless this holds.</span></div>',
    )
  })

  it('writes the label as text when the control names itself, and leaves out an empty hint', () => {
    const html = renderToStaticMarkup(
      <Field label="Points" hint={undefined}>
        <input aria-label="Points" />
      </Field>,
    )
    expect(html).toBe(
      '<div class="field"><span class="field-label">Points</span><input aria-label="Points"/></div>',
    )
  })
})

describe('TextField', () => {
  it('is a one-line input named by its label', () => {
    const html = renderToStaticMarkup(
      <TextField id="rule-name" label="Rule name" value="Big company" onChange={ignore} />,
    )
    expect(html).toBe(
      '<div class="field"><label for="rule-name">Rule name</label>' +
        '<input id="rule-name" class="input" value="Big company"/></div>',
    )
  })

  it('marks an id field monospace and a wrong value invalid', () => {
    const html = renderToStaticMarkup(
      <TextField id="rule-id" label="Rule id" mono invalid value="" onChange={ignore} />,
    )
    expect(html).toBe(
      '<div class="field"><label for="rule-id">Rule id</label>' +
        '<input id="rule-id" class="input mono invalid" value=""/></div>',
    )
  })

  it('passes the input type and its browser hints through', () => {
    const html = renderToStaticMarkup(
      <TextField
        id="login-email"
        label="Email"
        type="email"
        autoComplete="username"
        required
        disabled
        value="ada@example.com"
        onChange={ignore}
      />,
    )
    expect(html).toBe(
      '<div class="field"><label for="login-email">Email</label>' +
        '<input type="email" id="login-email" class="input" autoComplete="username"' +
        ' required="" disabled="" value="ada@example.com"/></div>',
    )
  })

  it('is a textarea when multiline, with its placeholder and hint', () => {
    const html = renderToStaticMarkup(
      <TextField
        id="rule-rationale"
        label="Rationale"
        multiline
        placeholder="Why this rule exists"
        hint="Shown with every decision this rule makes."
        value="Small deals"
        onChange={ignore}
      />,
    )
    expect(html).toBe(
      '<div class="field"><label for="rule-rationale">Rationale</label>' +
        '<textarea id="rule-rationale" class="textarea" placeholder="Why this rule exists">' +
        'Small deals</textarea>' +
        '<span class="field-hint">Shown with every decision this rule makes.</span></div>',
    )
  })

  it('hands its change and blur handlers the text, not the event', () => {
    const seen: string[] = []
    const element = TextField({
      id: 'persona-threats',
      label: 'Threats',
      multiline: true,
      value: '',
      onChange: (text) => seen.push(`change:${text}`),
      onBlur: (text) => seen.push(`blur:${text}`),
    })
    const textarea = (element.props as { children: { props: Record<string, unknown> } }).children
    const event = { target: { value: 'budget cuts' } }
    ;(textarea.props.onChange as (e: typeof event) => void)(event)
    ;(textarea.props.onBlur as (e: typeof event) => void)(event)
    expect(seen).toEqual(['change:budget cuts', 'blur:budget cuts'])
  })
})
