/** Wraps text in single quotes for a POSIX shell, quotes inside included. */
export const shellQuote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`

/**
 * A ready-to-paste request for a system's first evaluation with a new key: the lead is a small
 * but realistic one, so the answer shows reasons and a score.
 *
 * @example
 * evaluateCurl({ origin: 'https://leadgate.example.com', key: 'lg_key_…', ruleset: 'b2b-inbound' })
 */
export function evaluateCurl(input: { origin: string; key: string; ruleset: string }): string {
  const body = JSON.stringify({
    ruleset: input.ruleset,
    lead: {
      id: 'crm-lead-1',
      contact: { title: 'Head of Operations', email: 'dana@example.com' },
      company: { employees: 250, industry: 'information', country: 'US' },
    },
  })
  return [
    `curl -X POST ${shellQuote(`${input.origin}/api/evaluate`)} \\`,
    `  -H ${shellQuote(`authorization: Bearer ${input.key}`)} \\`,
    `  -H 'content-type: application/json' \\`,
    `  -d ${shellQuote(body)}`,
  ].join('\n')
}
