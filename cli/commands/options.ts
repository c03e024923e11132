import { Option } from 'commander'

/** An option limited to fixed values; commander names the choices when one is wrong. */
export function choice(flags: string, description: string, values: readonly string[]): Option {
  return new Option(flags, description).choices(values)
}
