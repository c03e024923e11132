import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config.ts'

describe('loadConfig', () => {
  it('defaults to port 8787, ./data and an access log', () => {
    const config = loadConfig({})
    expect([config.port, config.dataDir, config.accessLog, config.adminPassword]).toEqual([
      8787,
      resolve('data'),
      true,
      undefined,
    ])
  })

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9001',
      HOST: '127.0.0.1',
      LEADGATE_DATA_DIR: '/tmp/lg',
      LEADGATE_ADMIN_EMAIL: 'boss@example.com',
      LEADGATE_ADMIN_PASSWORD: 'a-long-password',
      LEADGATE_ACCESS_LOG: 'off',
      LEADGATE_LOG_SEGMENT_MB: '8',
    })
    expect(config).toMatchObject({
      port: 9001,
      host: '127.0.0.1',
      dataDir: '/tmp/lg',
      adminEmail: 'boss@example.com',
      adminPassword: 'a-long-password',
      accessLog: false,
      maxSegmentBytes: 8 * 1024 * 1024,
    })
  })

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', LEADGATE_ADMIN_EMAIL: '' }).port).toBe(8787)
  })

  it('reads the simulation workers, leaving the default to the pool when unset', () => {
    expect(loadConfig({ LEADGATE_SIMULATION_WORKERS: '3' }).simulationWorkers).toBe(3)
    expect(loadConfig({ LEADGATE_SIMULATION_WORKERS: '0' }).simulationWorkers).toBe(0)
    expect(loadConfig({}).simulationWorkers).toBeUndefined()
  })

  it('refuses simulation workers that are not a whole number from 0 to 64', () => {
    for (const bad of ['abc', '-1', '2.5', '65']) {
      expect(() => loadConfig({ LEADGATE_SIMULATION_WORKERS: bad })).toThrow(
        /^bad configuration: LEADGATE_SIMULATION_WORKERS: /,
      )
    }
  })

  it('names every bad variable', () => {
    expect(() =>
      loadConfig({ PORT: '70000', LEADGATE_ADMIN_EMAIL: 'nope', LEADGATE_ACCESS_LOG: 'yes' }),
    ).toThrow(/PORT: .*LEADGATE_ADMIN_EMAIL: .*LEADGATE_ACCESS_LOG/)
  })
})
