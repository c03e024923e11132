import { client, unwrap } from '../api/client.ts'
import { AppHeader } from '../app/app-header.tsx'
import { hrefOf } from '../app/hash-route.ts'
import { useUser } from '../app/session.tsx'
import { useAsync } from '../app/use-async.ts'
import { EmptyState } from '../ui/empty-state.tsx'
import { KeysPanel } from './keys-panel.tsx'
import { PeoplePanel } from './people-panel.tsx'

export type AdminTab = 'people' | 'keys'

const loadPeople = async () => (await unwrap(client.api.users.$get())).users
const loadKeys = async () => (await unwrap(client.api.keys.$get())).keys

/** People and API keys, for administrators; everyone else is told why they cannot be here. */
export function AdminScreen({ tab }: { tab: AdminTab }) {
  const user = useUser()
  const isAdmin = user.roles.includes('admin')
  return (
    <div className="page">
      <AppHeader>
        <span>Admin</span>
        <span className="crumb-sep">/</span>
        <span>{tab === 'people' ? 'People' : 'API keys'}</span>
      </AppHeader>
      <main className="page-body">
        {isAdmin ? (
          <AdminArea tab={tab} actorId={user.id} />
        ) : (
          <div className="card">
            <EmptyState
              icon="⚷"
              title="Only administrators can manage people and API keys"
              action={
                <a className="btn" href={hrefOf({ name: 'list' })}>
                  Back to rulesets
                </a>
              }
            >
              Ask an administrator of your leadgate to add people, change roles or create a key.
            </EmptyState>
          </div>
        )}
      </main>
    </div>
  )
}

function AdminArea({ tab, actorId }: { tab: AdminTab; actorId: string }) {
  // Both lists load up front: the keys table names who created each key.
  const [people, reloadPeople] = useAsync(loadPeople, 'people')
  const [keys, reloadKeys] = useAsync(loadKeys, 'keys')
  return (
    <>
      <div className="page-title">
        <div>
          <h1>People and API keys</h1>
          <p className="muted">
            Who can sign in and sign off, and which systems may ask for decisions.
          </p>
        </div>
      </div>
      <div className="tabs admin-tabs" role="tablist">
        <a
          role="tab"
          aria-selected={tab === 'people'}
          href={hrefOf({ name: 'admin', tab: 'people' })}
        >
          People
          {people.status === 'ready' && <span className="tab-count">{people.value.length}</span>}
        </a>
        <a role="tab" aria-selected={tab === 'keys'} href={hrefOf({ name: 'admin', tab: 'keys' })}>
          API keys
          {keys.status === 'ready' && (
            <span className="tab-count">{keys.value.filter((key) => !key.revokedAt).length}</span>
          )}
        </a>
      </div>
      {tab === 'people' ? (
        <PeoplePanel state={people} reload={reloadPeople} actorId={actorId} />
      ) : (
        <KeysPanel
          state={keys}
          reload={reloadKeys}
          people={people.status === 'ready' ? people.value : []}
        />
      )}
    </>
  )
}
