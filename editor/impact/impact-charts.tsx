import { useState } from 'react'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { Outcome } from '../../engine/index.ts'
import {
  dimensionLabel,
  outcomeLabels,
  outcomeRows,
  segmentDimensions,
  segmentRows,
  type ImpactCounts,
} from './impact-rows.ts'

const beforeColour = '#cbd5e1'
const afterColour = '#4f46e5'
const tooSmallColour = '#dc2626'

/** Leads per outcome under the versions that decided them, and under this version. */
export function OutcomeChart({
  counts,
  version,
  before,
}: {
  counts: ImpactCounts
  version: number
  /** What "before" is: the logged decisions, or the published version for uploaded leads. */
  before: string
}) {
  return (
    <div className="impact-chart" data-testid="outcome-chart">
      <ResponsiveContainer width="100%" height={190}>
        <BarChart data={outcomeRows(counts)} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="#e5e7eb" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={11} />
          <Tooltip cursor={{ fill: '#f3f4f6' }} />
          <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="before" name={before} fill={beforeColour} radius={[4, 4, 0, 0]} />
          <Bar dataKey="after" name={`With v${version}`} fill={afterColour} radius={[4, 4, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}

/** One cut of the leads (industry, size, region, persona): the chosen outcome before and after. */
export function SegmentChart({
  counts,
  version,
  before,
  minSegmentSize,
}: {
  counts: ImpactCounts
  version: number
  before: string
  minSegmentSize: number
}) {
  const dimensions = segmentDimensions(counts)
  const [by, setBy] = useState(dimensions[0] ?? '')
  const [outcome, setOutcome] = useState<Outcome>('accepted')
  const rows = segmentRows(counts, by, outcome, minSegmentSize)
  if (dimensions.length === 0) return null
  return (
    <div className="impact-chart" data-testid="segment-chart">
      <div className="impact-chart-controls">
        <select
          className="select"
          aria-label="Segment by"
          value={by}
          onChange={(event) => setBy(event.target.value)}
        >
          {dimensions.map((dimension) => (
            <option key={dimension} value={dimension}>
              By {dimensionLabel(dimension).toLowerCase()}
            </option>
          ))}
        </select>
        <select
          className="select"
          aria-label="Outcome counted"
          value={outcome}
          onChange={(event) => setOutcome(event.target.value as Outcome)}
        >
          {(Object.keys(outcomeLabels) as Outcome[]).map((key) => (
            <option key={key} value={key}>
              {outcomeLabels[key]} leads
            </option>
          ))}
        </select>
      </div>
      {rows.length === 0 ? (
        <p className="small muted">No {outcome} leads in any segment, before or after.</p>
      ) : (
        <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 34 + 40)}>
          <BarChart
            data={rows}
            layout="vertical"
            margin={{ top: 4, right: 12, bottom: 0, left: 0 }}
            barGap={1}
          >
            <CartesianGrid horizontal={false} stroke="#e5e7eb" />
            <XAxis type="number" allowDecimals={false} fontSize={11} tickLine={false} />
            <YAxis
              type="category"
              dataKey="segment"
              width={110}
              fontSize={11}
              tickLine={false}
              axisLine={false}
            />
            <Tooltip cursor={{ fill: '#f3f4f6' }} />
            <Bar dataKey="before" name={before} fill={beforeColour} radius={[0, 3, 3, 0]} />
            <Bar dataKey="after" name={`With v${version}`} fill={afterColour} radius={[0, 3, 3, 0]}>
              {/* A segment that falls below the minimum size is drawn in the warning colour. */}
              {rows.map((row) => (
                <Cell key={row.segment} fill={row.tooSmall ? tooSmallColour : afterColour} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      )}
    </div>
  )
}
