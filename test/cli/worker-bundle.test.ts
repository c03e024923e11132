import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

describe('the CLI worker bundle', () => {
  it('loads no schemas: evaluating needs neither zod nor the engine index', async () => {
    const result = await build({
      entryPoints: ['cli/evaluate/evaluation-worker.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      write: false,
      metafile: true,
      logLevel: 'silent',
    })
    const output = Object.values(result.metafile.outputs)[0]!
    const packages = [...new Set(output.imports.map((entry) => entry.path))]
      .filter((path) => !path.startsWith('node:'))
      .sort()
    expect(packages).toEqual(['csv-parse/sync', 'csv-stringify/sync', 'd3-dsv'])
    expect(Object.keys(result.metafile.inputs)).not.toContain('engine/index.ts')
  })
})
