/**
 * Slows down password guessing: after `maxFailures` wrong passwords for one email within
 * `windowMs`, sign-in for that email is refused until the window has passed. A successful
 * sign-in clears the count. Kept in memory: a restart forgets it, which costs an attacker a
 * restart per ten guesses.
 *
 * @example
 * const throttle = new LoginThrottle()
 * throttle.retryAfter('a@example.com') // 0: go ahead
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>()

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  /** Seconds to wait before trying this email again; 0 when allowed. */
  retryAfter(email: string, now = Date.now()): number {
    const entry = this.failures.get(email.toLowerCase())
    if (!entry || now - entry.since >= this.windowMs) return 0
    return entry.count >= this.maxFailures
      ? Math.ceil((entry.since + this.windowMs - now) / 1000)
      : 0
  }

  failed(email: string, now = Date.now()): void {
    const key = email.toLowerCase()
    const entry = this.failures.get(key)
    if (!entry || now - entry.since >= this.windowMs)
      this.failures.set(key, { count: 1, since: now })
    else entry.count++
    if (this.failures.size > 10_000) this.forgetOld(now)
  }

  succeeded(email: string): void {
    this.failures.delete(email.toLowerCase())
  }

  private forgetOld(now: number): void {
    for (const [key, entry] of this.failures) {
      if (now - entry.since >= this.windowMs) this.failures.delete(key)
    }
  }
}
