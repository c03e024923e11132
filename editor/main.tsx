import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@xyflow/react/dist/style.css'
import './styles/tokens.css'
import './styles/base.css'
import './styles/components.css'
import './styles/screens.css'
import './styles/canvas.css'
import './styles/audit.css'
import './styles/admin.css'
import { App } from './app/app.tsx'
import { SessionProvider, useSession } from './app/session.tsx'
import { ToastProvider } from './ui/toasts.tsx'
import type { ReactNode } from 'react'

/** Toasts belong to whoever is signed in: signing out clears them. */
function SessionToasts({ children }: { children: ReactNode }) {
  const { state } = useSession()
  return (
    <ToastProvider scope={state.status === 'signed-in' ? state.user.id : state.status}>
      {children}
    </ToastProvider>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider>
      <SessionToasts>
        <App />
      </SessionToasts>
    </SessionProvider>
  </StrictMode>,
)
