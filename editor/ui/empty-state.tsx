import type { ReactNode } from 'react'

interface EmptyStateProps {
  icon: string
  title: string
  children?: ReactNode
  action?: ReactNode
}

export function EmptyState({ icon, title, children, action }: EmptyStateProps) {
  return (
    <div className="empty">
      <div className="empty-icon" aria-hidden="true">
        {icon}
      </div>
      <h3>{title}</h3>
      {children && <p className="small">{children}</p>}
      {action && <div style={{ marginTop: 8 }}>{action}</div>}
    </div>
  )
}

export function Loading({ label }: { label: string }) {
  return (
    <div className="empty" role="status" aria-live="polite">
      <div className="spinner" />
      <p className="small">{label}</p>
    </div>
  )
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="empty" role="alert">
      <div className="empty-icon" style={{ background: 'var(--fail-bg)', color: 'var(--fail)' }}>
        !
      </div>
      <h3>Something went wrong</h3>
      <p className="small">{message}</p>
      {onRetry && (
        <button className="btn" onClick={onRetry} style={{ marginTop: 8 }}>
          Try again
        </button>
      )}
    </div>
  )
}
