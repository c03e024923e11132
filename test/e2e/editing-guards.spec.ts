import { expect, test } from '@playwright/test'
import {
  baseUrl,
  createRuleset,
  dropFromPalette,
  openRuleset,
  screenshot,
  select,
  signIn,
  wire,
} from './editor-page.ts'
import { people } from './people.ts'

test('a stale save shows what changed and merges both edits', async ({ browser }) => {
  const first = await browser.newPage()
  await signIn(first, people.marketing)
  await createRuleset(first, 'Stale check')
  const second = await browser.newPage()
  await signIn(second, people.marketing)
  await openRuleset(second, 'Stale check')

  await first.getByLabel('Ruleset name').fill('Stale check, renamed')
  await first.keyboard.press('Control+s')
  await expect(first.getByTestId('save-state')).toHaveText('✓ Saved')

  await second.getByLabel('Description').fill('Leads from the spring campaign')
  await second.getByRole('button', { name: 'Save draft' }).click()
  const dialog = second.getByRole('dialog', { name: 'This draft changed while you were editing' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('change-list').first()).toContainText('Stale check, renamed')
  await screenshot(second, '09-save-conflict')
  await dialog.getByRole('button', { name: 'Merge both' }).click()
  await expect(second.getByTestId('save-state')).toHaveText('✓ Saved')

  await second.reload()
  await expect(second.getByLabel('Ruleset name')).toHaveValue('Stale check, renamed')
  await expect(second.getByLabel('Description')).toHaveValue('Leads from the spring campaign')
  await first.close()
  await second.close()
})

test('an invalid condition blocks submitting and says why', async ({ page }) => {
  await signIn(page, people.marketing)
  await createRuleset(page, 'Invalid check')
  const employees = await dropFromPalette(page, 'field:company.employees', 30, 200)
  const rule = await dropFromPalette(page, 'rule:require', 420, 180)
  await wire(page, employees, rule)
  await select(employees)
  await page.getByLabel('Value', { exact: true }).fill('')
  await expect(employees).toContainText('"is at least" needs a number')
  await expect(page.getByTestId('canvas-status')).toHaveText('1 error on the canvas')
  await page.getByRole('button', { name: 'Submit for review' }).click()
  const blocked = page.getByRole('dialog', { name: 'Fix these before submitting' })
  await expect(blocked.getByTestId('blocking-errors')).toContainText('"is at least" needs a number')
  await screenshot(page, '10-submit-blocked')
  await blocked.getByRole('button', { name: 'Back to the canvas' }).click()
  await expect(page.getByTestId('version-status')).toHaveText('Draft')
  expect(page.url()).toContain(`${baseUrl()}/#/rulesets/invalid-check`)
})

test('keyboard: delete, undo, redo, copy and paste on the canvas', async ({ page }) => {
  await signIn(page, people.marketing)
  await createRuleset(page, 'Keyboard check')
  const score = await dropFromPalette(page, 'rule:score', 420, 180)
  await expect(page.locator('.react-flow__node-rule')).toHaveCount(1)
  await select(score)
  await page.keyboard.press('Delete')
  await expect(page.locator('.react-flow__node-rule')).toHaveCount(0)
  await page.keyboard.press('Control+z')
  await expect(page.locator('.react-flow__node-rule')).toHaveCount(1)
  await page.keyboard.press('Control+Shift+z')
  await expect(page.locator('.react-flow__node-rule')).toHaveCount(0)
  await page.keyboard.press('Control+z')
  await select(page.locator('.react-flow__node-rule'))
  await page.keyboard.press('Control+c')
  await page.keyboard.press('Control+v')
  await expect(page.locator('.react-flow__node-rule')).toHaveCount(2)
  await page.getByRole('tab', { name: 'Details' }).click()
  await expect(page.getByLabel('Rule id')).toHaveValue('new-score-2')
})

test('unsaved changes survive a closed tab and can be restored', async ({ page }) => {
  await signIn(page, people.marketing)
  await createRuleset(page, 'Recovery check')
  await page.getByLabel('Description').fill('Typed, never saved')
  await expect(page.getByTestId('save-state')).toHaveText('● Unsaved changes')
  await page.waitForTimeout(1200)
  page.once('dialog', (dialog) => void dialog.accept())
  await page.reload()
  await expect(page.getByTestId('recovery-bar')).toBeVisible()
  await screenshot(page, '12-recovery')
  await page.getByRole('button', { name: 'Restore them' }).click()
  await expect(page.getByLabel('Description')).toHaveValue('Typed, never saved')
  await expect(page.getByTestId('save-state')).toHaveText('● Unsaved changes')
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('save-state')).toHaveText('✓ Saved')
  await page.reload()
  await expect(page.getByTestId('version-status')).toHaveText('Draft')
  await expect(page.getByTestId('recovery-bar')).toHaveCount(0)
})
