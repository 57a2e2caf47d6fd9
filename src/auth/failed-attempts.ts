/**
 * Failed authentications per client address, in fixed windows like the rate limits'. An address that
 * has failed too often in the current window is refused without its key being looked up, so that
 * guessing keys costs the guesser a wait and the database nothing.
 *
 * Memory is bounded: at most `capacity` addresses are remembered, the least recently seen forgotten first.
 * @see https://github.com/kibertoad/toad-cache
 */
import { LruMap } from 'toad-cache'

interface Window {
  failures: number
  readonly endsAt: number
}

export interface FailedAttemptsOptions {
  /** Failures an address may have in one window; the next attempt waits for the window's end. */
  readonly maxFailures: number
  readonly windowMs: number
  readonly capacity?: number
  readonly now?: () => number
}

export class FailedAttempts {
  private readonly windows: LruMap<Window>
  private readonly now: () => number

  constructor (private readonly options: FailedAttemptsOptions) {
    this.windows = new LruMap<Window>(options.capacity ?? 10_000)
    this.now = options.now ?? Date.now
  }

  /** Milliseconds until `address` may try a key again: 0 unless it used up its failures in this window. */
  waitFor (address: string): number {
    const window = this.windows.get(address)
    if (window === undefined) return 0
    const left = window.endsAt - this.now()
    return left > 0 && window.failures >= this.options.maxFailures ? left : 0
  }

  record (address: string): void {
    const now = this.now()
    const window = this.windows.get(address)
    if (window === undefined || window.endsAt <= now) {
      this.windows.set(address, { failures: 1, endsAt: now + this.options.windowMs })
    } else {
      window.failures++
    }
  }
}
