import type { FactColumnInput, MappingInput } from '../schema.ts'
import { hubspotIndustries, salesforceIndustries } from './industry-values.ts'

/** A property by internal name, flat (CSV export) or under `properties` (API record). */
const property = (...names: string[]) => names.flatMap((name) => [name, `properties.${name}`])

/**
 * HubSpot contacts with their associated company. Contact and company share property names
 * (`industry`, `annualrevenue`, `country`), so company properties are read from columns
 * prefixed `company.` ("company.numberofemployees") and the contact's own property is the
 * fallback. Every HubSpot value arrives as text, so numbers and flags are parsed; the banded
 * contact `numemployees` ("50-100", "1000+") gives the band's low end.
 */
export const hubspotPreset: MappingInput = {
  name: 'HubSpot contact and company',
  id: [...property('hs_object_id'), 'id', 'Record ID'],
  facts: {
    'contact.firstName': property('firstname'),
    'contact.lastName': property('lastname'),
    'contact.title': property('jobtitle'),
    'contact.email': property('email'),
    'contact.phone': property('phone', 'mobilephone'),
    'contact.country': { column: property('country'), type: 'string', normalize: 'country' },
    'company.name': property('company.name', 'company'),
    'company.domain': {
      column: property('company.domain', 'company.website', 'website', 'hs_email_domain'),
      type: 'string',
      normalize: 'domain',
    },
    'company.employees': {
      column: property('company.numberofemployees', 'numberofemployees', 'numemployees'),
      type: 'number',
    },
    'company.revenue': {
      column: property('company.annualrevenue', 'annualrevenue'),
      type: 'number',
    },
    'company.industry': {
      column: property('company.industry', 'industry'),
      values: { ...salesforceIndustries, ...hubspotIndustries },
      unmapped: 'missing',
    } satisfies FactColumnInput,
    'company.country': {
      column: property('company.country', 'country'),
      type: 'string',
      normalize: 'country',
    },
    'engagement.source': {
      column: property('hs_analytics_source'),
      values: {
        ORGANIC_SEARCH: 'web',
        DIRECT_TRAFFIC: 'web',
        SOCIAL_MEDIA: 'web',
        PAID_SEARCH: 'paid',
        PAID_SOCIAL: 'paid',
        REFERRALS: 'referral',
        EMAIL_MARKETING: 'other',
        OTHER_CAMPAIGNS: 'other',
        OFFLINE: 'other',
      },
      unmapped: 'missing',
    },
    'engagement.lastActivity': { column: property('notes_last_updated'), type: 'date' },
    'crm.status': property('hs_lead_status'),
    'crm.lifecycleStage': property('lifecyclestage'),
    'crm.score': { column: property('hubspotscore'), type: 'number' },
  },
}
