/** Grey bars where a table will be, while it loads. */
export function TableSkeleton({ label }: { label: string }) {
  return (
    <div style={{ padding: 16 }} role="status" aria-label={label}>
      {[0, 1, 2].map((row) => (
        <div key={row} className="skeleton" style={{ height: 44, marginBottom: 12 }} />
      ))}
    </div>
  )
}
