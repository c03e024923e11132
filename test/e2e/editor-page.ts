import { expect, type Locator, type Page } from '@playwright/test'

/** Steps a person takes in the editor, written once for every flow. */

export const baseUrl = () => process.env.LEADGATE_E2E_URL!

export async function signIn(page: Page, person: { email: string; password: string }) {
  await page.goto(`${baseUrl()}/#/`)
  await page.getByLabel('Email').fill(person.email)
  await page.getByLabel('Password').fill(person.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Lead acceptance rulesets' })).toBeVisible()
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
}

export async function createRuleset(page: Page, name: string) {
  await page.getByRole('button', { name: '+ New ruleset' }).click()
  await page.getByLabel('Name').fill(name)
  await page.getByRole('button', { name: 'Create draft' }).click()
  await expect(page.getByTestId('version-status')).toHaveText('Draft')
}

/** Drags a palette item onto the canvas at (x, y) relative to the canvas; returns the new node. */
export async function dropFromPalette(
  page: Page,
  key: string,
  x: number,
  y: number,
): Promise<Locator> {
  const search = page.getByLabel('Search the palette')
  await search.fill('')
  await page.locator(`[data-palette="${key}"]`).dragTo(page.locator('.react-flow__pane'), {
    targetPosition: { x, y },
  })
  const selected = page.locator('.react-flow__node.selected')
  await expect(selected).toHaveCount(1)
  const id = await selected.getAttribute('data-id')
  return page.locator(`.react-flow__node[data-id="${id}"]`)
}

/** Wires `from`'s output handle into `to`'s input handle with the mouse. */
export async function wire(page: Page, from: Locator, to: Locator) {
  const source = await from.locator('.react-flow__handle.source').boundingBox()
  const target = await to.locator('.react-flow__handle.target').boundingBox()
  if (!source || !target) throw new Error('handle not on screen')
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2)
  await page.mouse.down()
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 })
  await page.mouse.up()
}

export async function select(node: Locator) {
  await node.locator('.lg-node').click({ position: { x: 30, y: 12 } })
  await expect(node).toHaveClass(/selected/)
}

export async function openRuleset(page: Page, name: string) {
  await page.getByRole('link', { name }).click()
  await expect(page.getByTestId('version-status')).toBeVisible()
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png` })
}
