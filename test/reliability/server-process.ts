import { spawn, type ChildProcess } from 'node:child_process'
import { repoRoot } from '../server/harness.ts'

export const ADMIN_EMAIL = 'admin@example.com'
export const ADMIN_PASSWORD = 'reliability-test-password'

export interface ServerProcess {
  child: ChildProcess
  url: string
  /** Everything the process printed so far. */
  output: () => string
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<string>
}

/**
 * Starts the real `server/main.ts` on a free loopback port with its own data folder and waits
 * for its "listening" line. Extra environment variables override the defaults.
 */
export function startServerProcess(
  dataDir: string,
  extraEnv: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LEADGATE_DATA_DIR: dataDir,
      LEADGATE_ADMIN_EMAIL: ADMIN_EMAIL,
      LEADGATE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LEADGATE_ACCESS_LOG: 'off',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? String(code))),
  )
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match) resolve({ child, url: match[1]!, output: () => output, exited })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    void exited.then((how) =>
      reject(new Error(`server exited (${how}) before listening: ${output}`)),
    )
  })
}

/** Kills the process with `signal` and waits until it is gone. */
export async function killServer(server: ServerProcess, signal: NodeJS.Signals): Promise<string> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal)
  return server.exited
}

/** Signs in as the bootstrap admin and answers with the session cookie. */
export async function signInAdmin(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  })
  if (res.status !== 200) throw new Error(`admin sign-in failed: ${res.status}`)
  return res.headers.get('set-cookie')!.split(';')[0]!
}
