import type { MappingInput } from '../schema.ts'
import { salesforceIndustries } from './industry-values.ts'

/**
 * The Salesforce Lead object, as a report export (CSV with API names as headers) or REST /
 * Tree-API JSON records. Country is free text in Salesforce, so it is normalised to ISO
 * codes; CountryCode wins where state and country picklists are on. `NumberofLocations__c`
 * is the custom field of Salesforce's sample org, kept because location count is a common
 * rule; an org without it simply leaves the fact unknown.
 */
export const salesforcePreset: MappingInput = {
  name: 'Salesforce Lead',
  id: ['Id', 'attributes.referenceId'],
  missing: ['[not provided]'],
  facts: {
    'contact.firstName': 'FirstName',
    'contact.lastName': 'LastName',
    'contact.title': 'Title',
    'contact.email': 'Email',
    'contact.phone': ['Phone', 'MobilePhone'],
    'contact.country': { column: ['CountryCode', 'Country'], type: 'string', normalize: 'country' },
    'contact.doNotEmail': { column: 'HasOptedOutOfEmail', type: 'boolean' },
    'contact.doNotCall': { column: 'DoNotCall', type: 'boolean' },
    'company.name': 'Company',
    'company.domain': { column: 'Website', type: 'string', normalize: 'domain' },
    'company.employees': { column: 'NumberOfEmployees', type: 'number' },
    'company.revenue': { column: 'AnnualRevenue', type: 'number' },
    'company.industry': { column: 'Industry', values: salesforceIndustries, unmapped: 'missing' },
    'company.locations': { column: 'NumberofLocations__c', type: 'number' },
    'company.country': { column: ['CountryCode', 'Country'], type: 'string', normalize: 'country' },
    'engagement.source': {
      column: 'LeadSource',
      values: {
        Web: 'web',
        'Phone Inquiry': 'phone',
        'Partner Referral': 'partner',
        'Purchased List': 'purchased-list',
        'Employee Referral': 'referral',
        'External Referral': 'referral',
        'Trade Show': 'event',
        Webinar: 'event',
        Seminar: 'event',
        Advertisement: 'paid',
        Other: 'other',
      },
      unmapped: 'missing',
    },
    'engagement.lastActivity': { column: 'LastActivityDate', type: 'date' },
    'crm.status': 'Status',
    'crm.rating': 'Rating',
  },
}
