import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react'

interface Toast {
  id: number
  text: string
  tone: 'info' | 'error'
}

const ToastContext = createContext<(text: string, tone?: Toast['tone']) => void>(() => {})

let counter = 0

/**
 * Short messages in the corner: "Draft saved", "Approved as sales". A change of `scope` (who
 * is signed in) clears them, so the next person at the screen never reads the last one's.
 */
export function ToastProvider({ children, scope }: { children: ReactNode; scope?: string }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  useEffect(() => setToasts([]), [scope])
  const show = useCallback((text: string, tone: Toast['tone'] = 'info') => {
    const id = ++counter
    setToasts((list) => [...list, { id, text, tone }])
    setTimeout(() => setToasts((list) => list.filter((toast) => toast.id !== id)), 4000)
  }, [])
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toast-stack" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.tone}`}>
            {toast.text}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  )
}

export const useToast = () => useContext(ToastContext)
