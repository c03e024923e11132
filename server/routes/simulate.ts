import { createRoute, z } from '@hono/zod-openapi'
import {
  MAX_UPLOAD_BYTES,
  readLeadUpload,
  uploadFormatOf,
  type UploadFormat,
} from '../audit/lead-upload.ts'
import { simulateVersion, type SimulationInput } from '../audit/simulate.ts'
import { ApiError, badRequest } from '../http/api-error.ts'
import { requireUser } from '../http/auth.ts'
import { newRouter } from '../http/router.ts'
import {
  MAX_SIMULATION_LEADS,
  simulateBodySchema,
  simulateQuerySchema,
  simulationSchema,
} from '../schemas/audit.ts'
import { jsonContent, pick, versionParams } from '../schemas/common.ts'
import type { Services } from '../services.ts'

const upload = (example: string, description: string) => z.string().meta({ description, example })

const ndjsonUpload = upload(
  '{"id":"L-1","company":{"employees":12}}\n{"id":"L-2","company":{"employees":800}}\n',
  'One lead (JSON object) per line',
)

const simulateRoute = createRoute({
  method: 'post',
  path: '/{id}/versions/{v}/simulate',
  tags: ['Impact'],
  summary: 'What this version would decide for logged (or given) leads, beside what they got',
  description: `\`{"sample":{"lastN":10000}}\` or \`{"sample":{"from","to"}}\` replays logged decisions of the ruleset, each compared with the version that made it; \`{"leads":[…]}\`, an NDJSON upload (one lead per line) or a CSV upload (header row) compares the leads with the published version. Uploads: at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB and ${MAX_SIMULATION_LEADS} leads; \`?mapping=salesforce|hubspot\` reads CRM fields as the CLI's \`--map\` does, else CSV columns name lead facts (\`company.employees\`). Bad lines answer 400 (not JSON/CSV) or 422 (not a lead) with \`details.issues[].line\`. Every open flag of the ruleset is decided again and listed in \`flagged\`. Nothing is logged.`,
  middleware: requireUser(),
  request: {
    params: versionParams,
    query: simulateQuerySchema,
    body: {
      required: false,
      content: {
        'application/json': { schema: simulateBodySchema },
        'application/x-ndjson': { schema: ndjsonUpload },
        'application/ndjson': { schema: ndjsonUpload },
        'text/csv': {
          schema: upload(
            'id,company.employees,contact.title\nL-1,12,CTO\nL-2,800,Director of IT\n',
            'A header row, then one lead per row',
          ),
        },
      },
    },
  },
  responses: {
    200: jsonContent(
      simulationSchema,
      'Counts before/after, flips with their rule, segments, open flags decided again',
    ),
    ...pick(400, 401, 403, 404, 413, 415, 422),
  },
})

export const simulateRoutes = (services: Services) =>
  newRouter().openapi(simulateRoute, async (c) => {
    const { id, v } = c.req.valid('param')
    const { mapping } = c.req.valid('query')
    const format = uploadFormatOf(c.req.header('content-type'))
    let source: SimulationInput['source']
    let uploadWarnings: string[] = []
    if (format) {
      const target = await services.evaluators.get(id, v)
      const bytes = await readUpload(c.req.raw, format)
      const uploaded = readLeadUpload(bytes, format, {
        ruleset: target.compiled.ruleset,
        mapping,
      })
      source = { leads: uploaded.leads }
      uploadWarnings = uploaded.warnings
    } else {
      if (mapping) {
        throw badRequest(
          'mapping_needs_upload',
          'mapping applies to CSV and NDJSON uploads; JSON leads are already lead facts',
          { issues: [{ path: 'mapping', message: 'only with text/csv or application/x-ndjson' }] },
        )
      }
      source = simulateBodySchema.parse(c.req.valid('json'))
    }
    const simulation = await simulateVersion(services, {
      rulesetId: id,
      version: v,
      source,
      openFlags: await services.flags.ofRuleset(id, 'open'),
    })
    return c.json({ ...simulation, warnings: [...uploadWarnings, ...simulation.warnings] }, 200)
  })

/** The upload's bytes, refused past the limit without reading the rest. */
async function readUpload(request: Request, format: UploadFormat): Promise<Uint8Array> {
  const tooLarge = () =>
    new ApiError(
      413,
      'payload_too_large',
      `the ${format === 'csv' ? 'CSV' : 'NDJSON'} upload is larger than ${MAX_UPLOAD_BYTES} bytes; simulate a sample of it`,
      { limit: MAX_UPLOAD_BYTES },
    )
  const length = request.headers.get('content-length')
  if (length !== null && Number(length) > MAX_UPLOAD_BYTES) throw tooLarge()
  if (request.body === null) return new Uint8Array(0)
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.length
    if (size > MAX_UPLOAD_BYTES) {
      await reader.cancel()
      throw tooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}
