import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SimulationPool } from '../../server/audit/simulation-pool.ts'
import { repoRoot } from './harness.ts'

describe('SimulationPool', () => {
  it('is not made for 0 workers', () => {
    expect(SimulationPool.create(0)).toBeUndefined()
  })

  it('refuses a size that is not a whole number', () => {
    expect(() => SimulationPool.create(1.5)).toThrow(
      'a simulation pool has a whole number of workers, not 1.5',
    )
  })

  it('fails its jobs with PoolFailure once closed', async () => {
    const pool = SimulationPool.create(1)!
    await pool.close()
    expect(pool.usable).toBe(false)
    expect(() => pool.begin({ key: 'k', ruleset: {} as never }, 1)).toThrow(
      'the simulation pool is closed',
    )
  })

  it('keeps the process alive while a job runs, and lets it exit after without close', () => {
    // A script whose only work is a job: the process must wait for it, then end by itself.
    const dir = mkdtempSync(join(tmpdir(), 'leadgate-pool-'))
    const script = join(dir, 'job.mts')
    writeFileSync(
      script,
      `import { readFileSync } from 'node:fs'
      import { SimulationPool } from ${JSON.stringify(join(repoRoot, 'server/audit/simulation-pool.ts'))}
      const ruleset = JSON.parse(readFileSync('rulesets/b2b-inbound.json', 'utf8'))
      const job = SimulationPool.create(1)!.begin({ key: 'b2b', ruleset }, 10)
      const parts = await job.finish()
      console.log(JSON.stringify(parts.map((part) => part.snapshot.leads)))`,
    )
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
        cwd: repoRoot,
        encoding: 'utf8',
        // Only a guard against a hang; a healthy run takes a second or two.
        timeout: 60_000,
      })
      expect([run.status, run.stdout.trim()]).toEqual([0, '[0]'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
