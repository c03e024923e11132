import type { MappingInput } from '../schema.ts'
import { hubspotPreset } from './hubspot.ts'
import { salesforcePreset } from './salesforce.ts'

export { hubspotPreset } from './hubspot.ts'
export { salesforcePreset } from './salesforce.ts'
export { hubspotIndustries, salesforceIndustries } from './industry-values.ts'

/** Built-in mappings by the name `--map` accepts. */
export const mappingPresets: Readonly<Record<'salesforce' | 'hubspot', MappingInput>> = {
  salesforce: salesforcePreset,
  hubspot: hubspotPreset,
}
