import { expect, test, type Page } from '@playwright/test'
import { baseUrl, screenshot, signIn, signOut } from './editor-page.ts'
import { people } from './people.ts'

const nora = { name: 'Nora Marketing', email: 'nora@e2e.test' }
const otis = { name: 'Otis Sales', email: 'otis@e2e.test' }

async function addPerson(page: Page, person: { name: string; email: string }, role: string) {
  await page.getByRole('button', { name: '+ Add person' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a person' })
  await dialog.getByLabel('Name').fill(person.name)
  await dialog.getByLabel('Email').fill(person.email)
  await dialog.getByRole('checkbox', { name: new RegExp(`^${role}`, 'i') }).check()
  const password = await dialog.getByLabel('First password').inputValue()
  expect(password).toMatch(/^[^-]{4}-[^-]{4}-[^-]{4}-[^-]{4}$/)
  return { dialog, password }
}

/**
 * Calls evaluate with the key on a ruleset that does not exist: a valid key gets 404 (past
 * authentication), a revoked one 401, and no decision is logged to upset the audit flows' counts.
 */
const evaluate = (key: string) =>
  fetch(`${baseUrl()}/api/evaluate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ ruleset: 'no-such-ruleset', lead: { id: 'e2e-admin-1' } }),
  })

test('an admin adds people and a key; a new person changes their password', async ({ browser }) => {
  const context = await browser.newContext({
    permissions: ['clipboard-read', 'clipboard-write'],
  })
  const page = await context.newPage()
  await signIn(page, people.admin)
  await page.getByRole('link', { name: 'Admin' }).click()
  await expect(page.getByRole('heading', { name: 'People and API keys' })).toBeVisible()
  await expect(page.getByTestId(`person-${people.marketing.email}`)).toContainText('Mia Marketing')

  // The only admin cannot give up the admin role: the server's reason is shown in the dialog.
  await page
    .getByTestId(`person-${people.admin.email}`)
    .getByRole('button', { name: 'Edit' })
    .click()
  const own = page.getByRole('dialog', { name: 'Edit Administrator' })
  await own.getByRole('checkbox', { name: /^viewer/i }).check()
  await own.getByRole('checkbox', { name: /^admin/i }).uncheck()
  await expect(own).toContainText('You are removing your own admin role')
  await own.getByRole('button', { name: 'Save changes' }).click()
  await expect(own.getByRole('alert').first()).toHaveText(
    'Administrator is the last active admin; make someone else an admin first',
  )
  await screenshot(page, 'admin-last-admin')
  await own.getByRole('button', { name: 'Cancel' }).click()

  // A marketing person, with the generated password shown once after adding.
  const first = await addPerson(page, nora, 'marketing')
  await screenshot(page, 'admin-add-person')
  await first.dialog.getByRole('button', { name: 'Add person' }).click()
  const added = page.getByRole('dialog', { name: 'Nora Marketing can sign in now' })
  await expect(added.getByTestId('shown-password')).toHaveText(first.password)
  await added.getByRole('button', { name: 'Copy sign-in details' }).click()
  await expect(added.getByRole('button', { name: '✓ Copied' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
    `Email: ${nora.email}\nPassword: ${first.password}`,
  )
  await screenshot(page, 'admin-person-added')
  await added.getByRole('button', { name: 'Done' }).click()
  await expect(page.getByTestId(`person-${nora.email}`)).toContainText('marketing')

  // The server's refusal shows next to the field it names.
  const duplicate = await addPerson(page, { name: 'Nora Again', email: nora.email }, 'sales')
  await duplicate.dialog.getByRole('button', { name: 'Add person' }).click()
  await expect(duplicate.dialog.getByRole('alert')).toHaveText(
    'Someone already has an account with this email',
  )
  await screenshot(page, 'admin-duplicate-email')
  await duplicate.dialog.getByLabel('Email').fill(otis.email)
  await duplicate.dialog.getByLabel('Name').fill(otis.name)
  await duplicate.dialog.getByRole('checkbox', { name: /^sales/i }).check()
  await duplicate.dialog.getByRole('button', { name: 'Add person' }).click()
  await page
    .getByRole('dialog', { name: 'Otis Sales can sign in now' })
    .getByRole('button', { name: 'Done' })
    .click()
  await expect(page.getByTestId(`person-${otis.email}`)).toContainText('sales')
  await screenshot(page, 'admin-people')

  // An API key, shown once, that works until it is revoked.
  await page.getByRole('tab', { name: /API keys/ }).click()
  await expect(page.getByTestId('key-e2e CRM')).toContainText('Active')
  await page.getByRole('button', { name: '+ New API key' }).click()
  const keyDialog = page.getByRole('dialog', { name: 'New API key' })
  await keyDialog.getByLabel('Name').fill('Website form')
  await keyDialog.getByRole('button', { name: 'Create key' }).click()
  const shown = page.getByRole('dialog', { name: 'Key “Website form” created' })
  const key = (await shown.getByTestId('new-api-key').textContent())!
  expect(key).toMatch(/^lg_key_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/)
  await expect(shown).toContainText('cannot show it again')
  await expect(shown.getByTestId('curl-example')).toContainText(`Bearer ${key}`)
  await expect(shown.getByTestId('curl-example')).toContainText(`${baseUrl()}/api/evaluate`)
  await screenshot(page, 'admin-key-created')
  await shown.getByRole('button', { name: 'I have copied the key' }).click()
  expect((await evaluate(key)).status).toBe(404)
  const row = page.getByTestId('key-Website form')
  await expect(row).toContainText('by Administrator')
  await page.reload()
  await expect(row).toContainText('Just now')
  await expect(page.locator('body')).not.toContainText(key)
  await screenshot(page, 'admin-keys')
  await row.getByRole('button', { name: 'Revoke' }).click()
  await page
    .getByRole('dialog', { name: 'Revoke “Website form”?' })
    .getByRole('button', { name: 'Revoke key' })
    .click()
  await expect(row).toContainText('Revoked')
  expect((await evaluate(key)).status).toBe(401)
  await expect(page.locator('.toast', { hasText: '“Website form” revoked' })).toHaveCount(1)
  await signOut(page)
  // The admin's messages leave with the admin: the next person does not read them. (Within a
  // second: a toast goes by itself after four.)
  await expect(page.locator('.toast')).toHaveCount(0, { timeout: 1000 })

  // The new person signs in with the first password and picks their own.
  await signIn(page, { email: nora.email, password: first.password })
  await expect(page.getByRole('link', { name: 'Admin' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Account: Nora Marketing' }).click()
  await page.getByRole('menuitem', { name: 'Change password…' }).click()
  const change = page.getByRole('dialog', { name: 'Change your password' })
  await change.getByLabel('Current password').fill('not-the-first-password')
  await change.getByLabel('New password', { exact: true }).fill('nora-picked-this-one')
  await change.getByLabel('New password again').fill('nora-picked-this-one')
  await change.getByRole('button', { name: 'Change password' }).click()
  await expect(change.getByRole('alert')).toHaveText('This is not your current password')
  await screenshot(page, 'admin-change-password')
  await change.getByLabel('Current password').fill(first.password)
  await change.getByRole('button', { name: 'Change password' }).click()
  await expect(change).toBeHidden()
  await expect(
    page.getByText('Password changed. Your other devices were signed out.'),
  ).toBeVisible()
  // Still signed in on this device after the change.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Lead acceptance rulesets' })).toBeVisible()
  await signOut(page)
  await page.getByLabel('Email').fill(nora.email)
  await page.getByLabel('Password').fill(first.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toContainText('do not match')
  await signIn(page, { email: nora.email, password: 'nora-picked-this-one' })
  await context.close()
})

test('someone who is not an admin is told the admin area is not for them', async ({ page }) => {
  await signIn(page, people.sales)
  await expect(page.getByRole('link', { name: 'Admin' })).toHaveCount(0)
  await page.goto(`${baseUrl()}/#/admin/keys`)
  await expect(
    page.getByRole('heading', { name: 'Only administrators can manage people and API keys' }),
  ).toBeVisible()
  await screenshot(page, 'admin-not-allowed')
  await page.getByRole('link', { name: 'Back to rulesets' }).click()
  await expect(page.getByRole('heading', { name: 'Lead acceptance rulesets' })).toBeVisible()
})
