import { expect, test, type Page } from '@playwright/test'
import { auditLeads, decideAuditLeads, decideManyLeads, draftLowerFloor } from './audit-data.ts'
import { baseUrl, openRuleset, signIn } from './editor-page.ts'
import { people } from './people.ts'

/** Screens of the audit flows; LEADGATE_SCREENS points elsewhere to keep them out of the repo. */
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${process.env.LEADGATE_SCREENS ?? 'test-results/screens'}/${name}.png` })

test.describe.serial('audit: why was this lead rejected, and what will the draft change', () => {
  let draft = 0

  test.beforeAll(async () => {
    await decideAuditLeads()
    await decideManyLeads(60)
    draft = await draftLowerFloor()
  })

  test('sales finds a rejected lead by id and reads why', async ({ page }) => {
    await signIn(page, people.sales)
    await page.getByRole('link', { name: 'Decisions', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Decision log' })).toBeVisible()
    await expect(page.getByTestId('decision-row').first()).toBeVisible()
    await page.getByLabel('Lead id').fill('NO-SUCH-LEAD')
    await page.getByRole('button', { name: 'Search' }).click()
    await expect(
      page.getByRole('heading', { name: 'No decision matches these filters' }),
    ).toBeVisible()
    await shot(page, 'audit-00-no-match')
    await page.getByRole('button', { name: 'Clear filters' }).first().click()
    await expect(page.getByLabel('Lead id')).toHaveValue('')
    await expect(page.getByTestId('decision-row').first()).toBeVisible()
    await page.getByLabel('Outcome').selectOption('rejected')
    await page.getByRole('button', { name: 'Search' }).click()
    await expect(page.getByTestId('decision-row')).toHaveCount(2)
    await shot(page, 'audit-01-explorer')

    await page.getByLabel('Lead id').fill('E2E-REJ-1')
    await page.getByRole('button', { name: 'Search' }).click()
    await expect(page.getByTestId('decision-row')).toHaveCount(1)
    const row = page.getByTestId('decision-row')
    await expect(row).toContainText('rejected')
    await expect(row).toContainText('min-employees')
    expect(page.url()).toContain('#/decisions?leadId=E2E-REJ-1&outcome=rejected')
    const exportLink = page.getByRole('link', { name: 'Export CSV' })
    await expect(exportLink).toHaveAttribute(
      'href',
      '/api/decisions/export.csv?leadId=E2E-REJ-1&outcome=rejected',
    )

    await row.getByRole('link', { name: 'E2E-REJ-1' }).click()
    await expect(page.getByTestId('decision')).toHaveAttribute('data-outcome', 'rejected')
    await expect(page.getByTestId('reason').first()).toContainText(
      'Company has 30 employees; at least 50 required',
    )
    await expect(page.getByTestId('reason').first()).toContainText('sales')
    await expect(page.getByTestId('lead-facts')).toContainText('Keen Small Co')
    const floor = page.locator('[data-testid="node-rule"]', { hasText: 'At least 50 employees' })
    await expect(floor).toHaveAttribute('data-result', 'fail')
    await expect(
      page.locator('[data-testid="trace-graph"] [data-result="pass"]').first(),
    ).toBeVisible()
    await shot(page, 'audit-02-decision')
  })

  test('a long search comes a page at a time', async ({ page }) => {
    await signIn(page, people.sales)
    await page.goto(`${baseUrl()}/#/decisions?ruleset=x-education`)
    await expect(page.getByTestId('decision-row')).toHaveCount(50)
    await expect(page.getByTestId('result-count')).toHaveText('50 decisions shown, more match')
    await page.getByRole('button', { name: 'Load more' }).click()
    await expect(page.getByTestId('decision-row')).toHaveCount(60)
    await expect(page.getByTestId('result-count')).toHaveText('60 decisions shown')
    await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0)
    await expect(page.getByTestId('decision-row').last()).toContainText('E2E-MANY-001')
  })

  test('sales replays the lead on the draft and sees why it would be accepted', async ({
    page,
  }) => {
    await signIn(page, people.sales)
    await page.goto(`${baseUrl()}/#/decisions?leadId=E2E-REJ-1`)
    await page.getByTestId('decision-row').getByRole('link', { name: 'E2E-REJ-1' }).click()
    await page.getByLabel('Replay on').selectOption(String(draft))
    await page.getByRole('button', { name: 'Replay' }).click()
    await expect(page.getByTestId('replay-headline')).toHaveText(
      `Rejected on v1, accepted on v${draft}: "At least 20 employees" now passes.`,
    )
    await expect(page.getByTestId('replay-changes')).toContainText(
      'Condition: Employees is at least 50 → Employees is at least 20',
    )
    await expect(page.getByTestId('replay-before').getByTestId('decision')).toHaveAttribute(
      'data-outcome',
      'rejected',
    )
    await expect(page.getByTestId('replay-after').getByTestId('decision')).toHaveAttribute(
      'data-outcome',
      'accepted',
    )
    await shot(page, 'audit-03-replay')
  })

  test('sales flags the decision as wrong', async ({ page }) => {
    await signIn(page, people.sales)
    await page.goto(`${baseUrl()}/#/decisions?leadId=E2E-REJ-1`)
    await page.getByTestId('decision-row').getByRole('link', { name: 'E2E-REJ-1' }).click()
    await page.getByRole('button', { name: '⚑ Flag this decision' }).click()
    const dialog = page.getByRole('dialog', { name: 'Flag this decision' })
    await dialog.getByLabel('What is wrong with it?').fill('30 seats, but a group-wide deal')
    await dialog.getByLabel('It should have been').selectOption('accepted')
    await expect(dialog.getByRole('checkbox', { name: /At least 50 employees/ })).toBeChecked()
    await shot(page, 'audit-04-flag-dialog')
    await dialog.getByRole('button', { name: 'Flag decision' }).click()
    await expect(dialog).toBeHidden()
    const flag = page.getByTestId('flag')
    await expect(flag).toHaveCount(1)
    await expect(flag).toContainText('30 seats, but a group-wide deal')
    await expect(flag).toContainText('Open')
    await expect(page.getByRole('button', { name: '⚑ Flag this decision' })).toBeDisabled()
    await shot(page, 'audit-05-flagged')
  })

  test('marketing opens the draft’s impact and sees the flip and the flag', async ({ page }) => {
    await signIn(page, people.marketing)
    await openRuleset(page, 'B2B inbound')
    await expect(page.locator('.version-chip').first()).toHaveText(`v${draft}`)
    await page.getByRole('tab', { name: 'Impact' }).click()
    await page.getByRole('button', { name: 'Run impact' }).click()
    await expect(page.getByTestId('impact-summary')).toContainText(
      'Over 4 logged decisions, 1 lead would change outcome. Accepted: +1.',
    )
    const flip = page.getByTestId('flip')
    await expect(flip).toHaveCount(1)
    await expect(flip).toContainText('E2E-REJ-1')
    await expect(flip).toContainText('min-employees')
    await expect(
      page.getByTestId('outcome-chart').locator('.recharts-bar-rectangle').first(),
    ).toBeVisible()
    const flagged = page.getByTestId('impact-flagged')
    await expect(flagged).toContainText('E2E-REJ-1')
    await expect(flagged).toContainText(
      `v${draft} makes it accepted, as the flag asks (min-employees).`,
    )
    await shot(page, 'audit-06-impact')
    const panel = page.locator('.side-body')
    // The report fits the side panel's width: nothing to scroll sideways.
    expect(await panel.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0)
    await panel.evaluate((element) => element.scrollTo(0, element.scrollHeight))
    await shot(page, 'audit-06b-impact-flags')

    await page.getByRole('radio', { name: 'Upload leads' }).click()
    await page.getByLabel('Leads file (CSV or NDJSON)').setInputFiles({
      name: 'campaign.ndjson',
      mimeType: '',
      buffer: Buffer.from(auditLeads.map((lead) => JSON.stringify(lead)).join('\n')),
    })
    await page.getByRole('button', { name: 'Run again' }).click()
    await expect(page.getByTestId('impact-summary')).toContainText(
      'Over 4 uploaded leads, 1 lead would change outcome. Accepted: +1.',
    )
    await expect(page.getByTestId('flip')).toContainText('E2E-REJ-1')
    expect(await panel.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0)
    await panel.evaluate((element) => element.scrollTo(0, 0))
    await shot(page, 'audit-06c-impact-upload')

    const flagsTab = page.getByRole('tab', { name: 'Flags' })
    await expect(flagsTab.locator('.count')).toHaveText('1')
    await flagsTab.click()
    const flag = page.getByTestId('ruleset-flags').getByTestId('flag')
    await expect(flag).toContainText('30 seats, but a group-wide deal')
    await shot(page, 'audit-07-ruleset-flags')
    await flag.getByRole('button', { name: 'Resolve' }).click()
    const dialog = page.getByRole('dialog', { name: 'Resolve flag' })
    await dialog.getByLabel('Note').fill(`Floor lowered to 20 in v${draft}`)
    await dialog.getByRole('button', { name: 'Resolve' }).click()
    await expect(page.getByTestId('ruleset-flags')).toContainText('No open flags')
    await expect(flagsTab.locator('.count')).toHaveCount(0)
    await page.getByRole('radio', { name: 'Resolved' }).click()
    await expect(page.getByTestId('ruleset-flags').getByTestId('flag')).toContainText(
      `Floor lowered to 20 in v${draft}`,
    )
  })
  test('sales sees the impact in the approve dialog', async ({ page }) => {
    await signIn(page, people.marketing)
    await openRuleset(page, 'B2B inbound')
    await page.getByRole('button', { name: 'Submit for review' }).click()
    await page
      .getByRole('dialog', { name: 'Submit for review' })
      .getByRole('button', { name: 'Submit for review' })
      .click()
    await expect(page.getByTestId('version-status')).toHaveText('In review')
    await page.getByRole('button', { name: 'Sign out' }).click()

    await signIn(page, people.sales)
    await openRuleset(page, 'B2B inbound')
    await page.getByRole('button', { name: 'Approve as sales' }).click()
    const dialog = page.getByRole('dialog', { name: 'Approve as sales' })
    await expect(dialog.getByTestId('impact-summary')).toContainText(
      'Over 4 logged decisions, 1 lead would change outcome.',
    )
    await expect(dialog.getByTestId('flip')).toContainText('E2E-REJ-1')
    await shot(page, 'audit-08-approve-impact')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(page.getByTestId('version-status')).toHaveText('In review')
  })
})
