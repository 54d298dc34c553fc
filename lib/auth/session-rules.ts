/** How long a candidate's session lasts. Pure. */

/** An hour after the last login or form submission. */
export const sessionMaxAgeSeconds = 60 * 60;

/** However active, a candidate signs in again 12 hours after signing in. */
export const sessionAbsoluteSeconds = 12 * 60 * 60;

/** Whether a candidate's session is over at `now` (seconds): idle an hour, or open 12 hours. */
export function candidateSessionOver(token: { seen?: number; since?: number }, now: number): boolean {
  if (now - (token.seen ?? 0) > sessionMaxAgeSeconds) return true;
  // A session opened before this rule has no `since`: it counts from its last activity.
  return now - (token.since ?? token.seen ?? 0) > sessionAbsoluteSeconds;
}
