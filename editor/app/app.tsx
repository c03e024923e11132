import { AdminScreen } from '../admin/admin-screen.tsx'
import { AuditScreen } from '../screens/audit-screen.tsx'
import { CompareScreen } from '../screens/compare-screen.tsx'
import { DecisionScreen } from '../screens/decision-screen.tsx'
import { EditorScreen } from '../screens/editor-screen.tsx'
import { LoginScreen } from '../screens/login-screen.tsx'
import { ReplayScreen } from '../screens/replay-screen.tsx'
import { RulesetListScreen } from '../screens/ruleset-list-screen.tsx'
import { Loading } from '../ui/empty-state.tsx'
import { useRoute } from './hash-route.ts'
import { useSession } from './session.tsx'

/** Sign-in gate, then the page the address names. */
export function App() {
  const { state } = useSession()
  const route = useRoute()
  if (state.status === 'loading') return <Loading label="Starting leadgate…" />
  if (state.status === 'anonymous') return <LoginScreen />
  switch (route.name) {
    case 'list':
      return <RulesetListScreen />
    case 'editor':
      return (
        <EditorScreen
          key={`${route.id}/${route.version ?? ''}`}
          id={route.id}
          version={route.version}
        />
      )
    case 'compare':
      return <CompareScreen id={route.id} a={route.a} b={route.b} />
    case 'audit':
      return <AuditScreen filters={route.filters} />
    case 'decision':
      return <DecisionScreen key={route.id} id={route.id} />
    case 'admin':
      return <AdminScreen tab={route.tab} />
    case 'replay':
      return (
        <ReplayScreen key={`${route.id}/${route.version}`} id={route.id} version={route.version} />
      )
  }
}
