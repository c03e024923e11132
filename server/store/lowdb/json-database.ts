import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'

/**
 * Opens a lowdb JSON file (written atomically: temp file, then rename), creating its folder.
 * Callers mutate `db.data` synchronously, so a check and its write cannot interleave with
 * another request in this process, then await `db.write()`.
 *
 * @example
 * const db = await openJsonDatabase('data/accounts.json', { users: [] })
 * db.data.users.push(user)
 * await db.write()
 */
export async function openJsonDatabase<T extends object>(
  file: string,
  defaults: T,
): Promise<Low<T>> {
  await mkdir(dirname(file), { recursive: true })
  const db = new Low<T>(new JSONFile<T>(file), defaults)
  await db.read()
  // A file written by an older version may lack newer top-level keys.
  db.data = { ...structuredClone(defaults), ...db.data }
  return db
}
