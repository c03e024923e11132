import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { repoRoot } from './harness.ts'
import { leads } from './fixtures.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'leadgate-process-'))
const password = 'process-test-password'
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

interface Started {
  child: ChildProcess
  url: string
  output: () => string
}

/** Starts `server/main.ts` on a free port (PORT=0) and waits for its "listening" line. */
function startServer(extraEnv: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LEADGATE_DATA_DIR: dataDir,
      LEADGATE_ADMIN_EMAIL: 'admin@example.com',
      LEADGATE_ADMIN_PASSWORD: password,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match) resolve({ child, url: match[1]!, output: () => output })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)))
  })
}

function stop(server: Started): Promise<number | null> {
  return new Promise((resolve) => {
    server.child.once('exit', (code) => resolve(code))
    server.child.kill('SIGTERM')
  })
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.com', password }),
  })
  expect(res.status).toBe(200)
  return res.headers.get('set-cookie')!.split(';')[0]!
}

describe('the real server process', () => {
  it('evaluates, stops on SIGTERM with exit 0, restarts and finds the decision again', async () => {
    const first = await startServer()
    expect(first.output()).toContain('loaded example rulesets as published versions: b2b-inbound')
    const cookie = await signIn(first.url)
    const keyRes = await fetch(`${first.url}/api/keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ name: 'process test' }),
    })
    const { key } = (await keyRes.json()) as { key: string }
    const decided = await fetch(`${first.url}/api/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ ruleset: 'b2b-inbound', lead: leads['T-2'] }),
    })
    expect(decided.status).toBe(200)
    const { decisionId, outcome } = (await decided.json()) as {
      decisionId: string
      outcome: string
    }
    expect(outcome).toBe('rejected')
    const huge = await fetch(`${first.url}/api/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        ruleset: 'b2b-inbound',
        lead: { notes: 'x'.repeat(2 * 1024 * 1024) },
      }),
    })
    expect(huge.status).toBe(413)
    const emptyPost = await fetch(`${first.url}/api/rulesets/b2b-inbound/versions`, {
      method: 'POST',
      headers: { cookie },
    })
    expect(emptyPost.status).toBe(201)
    expect(await stop(first)).toBe(0)

    const second = await startServer()
    try {
      expect(second.output()).not.toContain('loaded example rulesets')
      expect(second.output()).not.toContain('First start')
      const again = await signIn(second.url)
      const stored = await fetch(`${second.url}/api/decisions/${decisionId}`, {
        headers: { cookie: again },
      })
      expect(stored.status).toBe(200)
      const body = (await stored.json()) as { decisionId: string; outcome: string; leadId: string }
      expect(body).toMatchObject({ decisionId, outcome: 'rejected', leadId: 'T-2' })
      const byLead = await fetch(`${second.url}/api/decisions?leadId=T-2`, {
        headers: { cookie: again },
      })
      expect(
        ((await byLead.json()) as { items: { decisionId: string }[] }).items.map(
          (item) => item.decisionId,
        ),
      ).toEqual([decisionId])
    } finally {
      expect(await stop(second)).toBe(0)
    }
  })

  it('prints a generated admin password once, with the URL, on a first start without one', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'leadgate-first-'))
    try {
      const server = await startServer({
        LEADGATE_DATA_DIR: fresh,
        LEADGATE_ADMIN_EMAIL: '',
        LEADGATE_ADMIN_PASSWORD: '',
      })
      const match = /Sign in at (\S+) with\s+email:\s+(\S+)\s+password:\s+(\S+)/.exec(
        server.output(),
      )
      expect(match?.[1]).toBe(server.url)
      expect(match?.[2]).toBe('admin@leadgate.local')
      const res = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: match![2], password: match![3] }),
      })
      expect(res.status).toBe(200)
      expect(await stop(server)).toBe(0)
    } finally {
      rmSync(fresh, { recursive: true, force: true })
    }
  })

  it('refuses to start with a bad PORT, naming it', async () => {
    await expect(startServer({ PORT: 'eighty' })).rejects.toThrow(/PORT is a number/)
  })
})
