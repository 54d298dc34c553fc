import { z } from "zod";

/** Shared input checks. Pure: usable in server actions, lib code and tests. */

/** A record id as it arrives from a form, a URL or a bound action argument. */
export const idSchema = z.uuid();

/** Ids that are not uuids can never match a row: answer "not found" without asking PostgreSQL. */
export const isUuid = (value: unknown): value is string => idSchema.safeParse(value).success;

/** A zod failure as one French message per form field (the first one), keyed by field name. */
export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  for (const issue of issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

// Control characters (ESC, BEL, NUL, CR, LF, tab…) and the bidirectional overrides and isolates
// that can make a name read backwards in a page or a mail ("U+202E").
const controlOrBidi = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const controlOrBidiExceptLines = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export const invalidCharacterMessage = "Ce texte contient un caractère non autorisé (caractère de contrôle ou d'inversion du sens d'écriture) : retapez-le.";

/** A name, a label, a city: one line of visible text. */
export const isCleanLine = (text: string) => !controlOrBidi.test(text);

/** A message, a note, a free comment: lines and tabs allowed, other control characters not. */
export const isCleanText = (text: string) => !controlOrBidiExceptLines.test(text);
