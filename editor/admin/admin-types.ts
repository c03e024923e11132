import type { InferResponseType } from 'hono/client'
import type { client } from '../api/client.ts'

/** A person as the users API lists them: never a password hash. */
export type Person = InferResponseType<typeof client.api.users.$get, 200>['users'][number]
export type Role = Person['roles'][number]

/** An API key as listed: name, scope, who made it, when; never the secret. */
export type ApiKeyView = InferResponseType<typeof client.api.keys.$get, 200>['keys'][number]

/** The answer to creating a key: the only time the key itself is seen. */
export type CreatedKey = InferResponseType<typeof client.api.keys.$post, 201>
