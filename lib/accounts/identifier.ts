import { randomInt } from "node:crypto";

// No 0/O, 1/I/L, 5/S, 2/Z, 8/B: read aloud, copied by hand or typed on a phone without doubt.
const alphabet = "34679ACDEFGHJKMNPQRTUVWXY";

function randomGroup(length: number): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join("");
}

/** An identifier for a candidate without email, e.g. "aesh-k7m3-q9xp" (stored in lower case). */
export function generateIdentifier(): string {
  return `aesh-${randomGroup(4)}-${randomGroup(4)}`.toLowerCase();
}

/** One-time recovery codes shown once, e.g. "K7M3Q-9XPAD". */
export function generateRecoveryCodes(count = 8): string[] {
  return Array.from({ length: count }, () => `${randomGroup(5)}-${randomGroup(5)}`);
}

/** What people type: trimmed, lower case, so "Marie.Dupont@Exemple.fr " finds marie.dupont@exemple.fr. */
export function normalizeIdentifier(value: string): string {
  return value.trim().toLowerCase();
}

/** Recovery codes compare without case, spaces or dashes. */
export function normalizeRecoveryCode(value: string): string {
  return value.replace(/[\s-]/g, "").toUpperCase();
}
