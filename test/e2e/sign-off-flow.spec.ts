import { expect, test } from '@playwright/test'
import {
  baseUrl,
  createRuleset,
  dropFromPalette,
  openRuleset,
  screenshot,
  select,
  signIn,
  signOut,
  wire,
} from './editor-page.ts'
import { people } from './people.ts'

/**
 * The whole agreement: marketing builds a ruleset on the canvas and tests it, sales and
 * marketing each sign off, it is published, and a CRM's call is decided by it.
 */
test.describe.serial('a ruleset from canvas to published decision', () => {
  test('marketing builds, tests, saves and submits a ruleset', async ({ page }) => {
    await page.goto(`${baseUrl()}/#/`)
    await screenshot(page, '01-login')
    await signIn(page, people.marketing)
    await screenshot(page, '02-ruleset-list')
    await expect(page.getByTestId('ruleset-b2b-inbound')).toContainText(
      'Example, published on first start',
    )
    await createRuleset(page, 'E2E inbound')
    await screenshot(page, '03-empty-canvas')

    const employees = await dropFromPalette(page, 'field:company.employees', 30, 130)
    const industry = await dropFromPalette(page, 'field:company.industry', 30, 250)
    const budget = await dropFromPalette(page, 'field:bant.budget', 30, 370)
    const all = await dropFromPalette(page, 'gate:all', 340, 290)
    const rule = await dropFromPalette(page, 'rule:require', 490, 250)
    await wire(page, employees, all)
    await wire(page, industry, all)
    await wire(page, budget, all)
    await wire(page, all, rule)
    await expect(page.locator('.react-flow__edge')).toHaveCount(4)

    await select(employees)
    await page.getByLabel('Value', { exact: true }).fill('100')
    await expect(employees).toContainText('is at least 100')
    await select(budget)
    await page.getByLabel('Value', { exact: true }).fill('20000')
    await select(industry)
    await page.getByLabel('Finance and insurance').check()
    await expect(industry).toContainText('is one of Manufacturing or Finance and insurance')
    await select(rule)
    await page.getByLabel('Rule name').fill('Fits our market')
    await page
      .getByLabel('Rationale')
      .fill('Small firms and other industries never buy the enterprise plan')
    await select(page.locator('.react-flow__node-policy'))
    await page.getByLabel('Accept at').fill('0')
    await page.getByLabel('Nurture at').fill('0')
    await expect(page.getByTestId('canvas-status')).toHaveText('✓ No errors')

    await page.getByRole('tab', { name: 'Test' }).click()
    await page.getByLabel('Lead id').fill('E2E-1')
    await page.getByLabel('Employees', { exact: true }).fill('40')
    await page.locator('#lead-company\\.industry').selectOption('manufacturing')
    await page.locator('summary', { hasText: 'BANT' }).click()
    await page.getByLabel('Budget', { exact: true }).fill('50000')
    await page.getByTestId('run-test').click()
    await expect(page.getByTestId('decision')).toHaveAttribute('data-outcome', 'rejected')
    await expect(page.getByTestId('reason').first()).toContainText(
      'Company has 40 employees; at least 100 required (marketing: small firms and other industries never buy the enterprise plan)',
    )
    await expect(employees.locator('.lg-node')).toHaveAttribute('data-result', 'fail')
    await expect(industry.locator('.lg-node')).toHaveAttribute('data-result', 'pass')
    await expect(budget.locator('.lg-node')).toHaveAttribute('data-result', 'pass')
    await expect(all.locator('.lg-node')).toHaveAttribute('data-result', 'fail')
    await expect(rule).toContainText('Rejected the lead')
    await screenshot(page, '04-test-run')

    await page.keyboard.press('Control+s')
    await expect(page.getByTestId('save-state')).toHaveText('✓ Saved')
    await page.getByRole('button', { name: 'Check on the server' }).click()
    await expect(page.getByTestId('server-check')).toHaveText(
      'Server: rejected, score 0 — same as the canvas.',
    )
    await page.getByRole('button', { name: 'Submit for review' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Change note').fill('First version: size, industry and budget floor')
    await screenshot(page, '05-submit-dialog')
    await dialog.getByRole('button', { name: 'Submit for review' }).click()
    await expect(page.getByTestId('version-status')).toHaveText('In review')
  })

  test('sales approves the submitted version', async ({ page }) => {
    await signIn(page, people.sales)
    await openRuleset(page, 'E2E inbound')
    await expect(page.getByTestId('version-status')).toHaveText('In review')
    await expect(page.getByRole('button', { name: 'Approve as marketing' })).toHaveCount(0)
    await page.getByRole('button', { name: 'Approve as sales' }).click()
    await page
      .getByRole('dialog')
      .getByLabel('Comment (optional)')
      .fill('Budget floor works for us')
    await page.getByRole('dialog').getByRole('button', { name: 'Approve' }).click()
    await expect(page.getByTestId('signoff-sales')).toContainText(people.sales.email)
    await screenshot(page, '06-sales-approved')
    await signOut(page)
  })

  test('marketing approves and publishes', async ({ page }) => {
    await signIn(page, people.marketing)
    await openRuleset(page, 'E2E inbound')
    await page.getByRole('button', { name: 'Approve as marketing' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Approve' }).click()
    await expect(page.getByTestId('version-status')).toHaveText('Approved')
    await page.getByRole('button', { name: 'Publish' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click()
    await expect(page.getByTestId('version-status')).toHaveText('Published')
    await page.getByRole('tab', { name: 'History' }).click()
    await expect(page.getByTestId('history')).toContainText('published')
    await screenshot(page, '07-published-history')
    await page.goto(`${baseUrl()}/#/`)
    await expect(page.getByTestId('ruleset-e2e-inbound')).toContainText(people.sales.email)
    await screenshot(page, '08-list-after-publish')
  })

  test('a CRM call is decided by the newly published version', async ({ request }) => {
    const response = await request.post(`${baseUrl()}/api/evaluate`, {
      headers: { authorization: `Bearer ${process.env.LEADGATE_E2E_KEY}` },
      data: {
        ruleset: 'e2e-inbound',
        lead: {
          id: 'CRM-7',
          company: { employees: 500, industry: 'finance' },
          bant: { budget: 30000 },
        },
      },
    })
    expect(response.status()).toBe(200)
    const decision = await response.json()
    expect(decision.ruleset).toEqual({ id: 'e2e-inbound', version: 1 })
    expect(decision.leadId).toBe('CRM-7')
    expect(decision.outcome).toBe('accepted')
  })

  test('marketing drafts version 2, replays a logged lead on it and compares it with version 1', async ({
    page,
  }) => {
    await signIn(page, people.marketing)
    await openRuleset(page, 'E2E inbound')
    await page.getByRole('button', { name: 'New draft from v1' }).click()
    await expect(page.getByTestId('version-status')).toHaveText('Draft')
    await expect(page.locator('.version-chip').first()).toHaveText('v2')
    const employees = page.locator('.react-flow__node-condition', { hasText: 'Employees' })
    await select(employees)
    await page.getByLabel('Value', { exact: true }).fill('150')
    await page.getByRole('button', { name: 'Save draft' }).click()
    await expect(page.getByTestId('save-state')).toHaveText('✓ Saved')
    await page.getByRole('tab', { name: 'Test' }).click()
    await page.getByText('Pick a lead from the decision log').click()
    await page.getByRole('button', { name: /CRM-7/ }).click()
    await expect(page.getByTestId('decision')).toHaveAttribute('data-outcome', 'accepted')
    await expect(page.getByLabel('Lead id')).toHaveValue('CRM-7')
    await page.getByRole('tab', { name: 'History' }).click()
    await page.getByLabel('Compare v2 with').selectOption('1')
    await page.getByRole('button', { name: 'Compare' }).click()
    await expect(page.getByTestId('change-list')).toContainText(
      'Employees is at least 100 → Employees is at least 150',
    )
    await expect(page.locator('[data-highlight="changed"]')).toHaveCount(2)
    await screenshot(page, '11-compare-versions')
  })
})
