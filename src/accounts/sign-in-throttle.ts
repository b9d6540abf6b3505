// How long a sign-in attempt must wait, by what failed before it. Pure rules; login-sessions.ts counts.
//
// Three scopes, each counted in the database so every app server sees the same numbers:
// - a trusted device (a browser that signed in to this account before and kept its device cookie):
//   only its own failures slow it down, so a stranger guessing the password cannot lock the owner out;
// - an account, for browsers it does not trust: 5 failures free, then a doubling wait;
// - an address, for browsers it does not trust: 30 failures free (a school or a whole kampung can
//   share one address), then a doubling wait.
// The wait doubles from 30 s up to 15 minutes after the latest failure, so a guesser gets a handful of
// tries an hour while a person who mistyped waits half a minute.

export const ATTEMPT_MEMORY_MS = 24 * 3600 * 1000
export const FREE_FAILURES = { device: 10, email: 5, ip: 30 } as const
const FIRST_WAIT_MS = 30_000
const LONGEST_WAIT_MS = 15 * 60 * 1000

/** Milliseconds still to wait, given the failures before this attempt in one scope. */
export function waitAfter(failures: number, latest: string | null, free: number, now: number): number {
  if (failures < free || !latest) return 0
  const wait = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.min(failures - free, 20))
  return Math.max(0, Date.parse(latest) + wait - now)
}

/** A browser that has not signed in to the account for this long is treated as one it does not know. */
export const TRUSTED_DEVICE_MS = 180 * 24 * 3600 * 1000

/**
 * The address as the throttle counts it: an IPv4 address as it is, an IPv6 address by its /64 network
 * (one home or phone gets a whole /64 and can take a new address from it for every guess).
 */
export function addressBucket(ip: string): string {
  if (!ip.includes(':')) return ip
  const [head = '', tail = ''] = ip.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = ip.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left
  return `${groups.slice(0, 4).map((g) => (g || '0').toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`
}
