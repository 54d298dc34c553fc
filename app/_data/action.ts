import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireAdmin, requireCandidate, requireStaff, requireStaffSession } from "./session";

/**
 * Who may call an action, each resolved by the same checks as the pages:
 * - `public`: anyone (sign-in, registration, one-time links);
 * - `candidate`: a signed-in candidate (anonymous → login, staff → their space);
 * - `provisional-candidate`: the same, while still holding a temporary password;
 * - `staff-session`: a staff member still giving or enrolling a second factor;
 * - `staff` / `admin`: a staff member past the second factor (a gestionnaire gets a 404 on admin actions).
 */
const callers = {
  public: async () => null,
  candidate: () => requireCandidate(),
  "provisional-candidate": () => requireCandidate({ provisionalPassword: "allowed" }),
  "staff-session": () => requireStaffSession(),
  staff: () => requireStaff(),
  admin: () => requireAdmin(),
} satisfies Record<string, () => Promise<unknown>>;

export type Access = keyof typeof callers;
type Caller<A extends Access> = Awaited<ReturnType<(typeof callers)[A]>>;

type Schemas = readonly [] | readonly [z.ZodType, ...z.ZodType[]];
type Parsed<S extends Schemas> = { -readonly [K in keyof S]: S[K] extends z.ZodType ? z.output<S[K]> : never };
type Raw<S extends Schemas> = { -readonly [K in keyof S]: S[K] extends z.ZodType ? z.input<S[K]> : never };

/**
 * Every server action goes through here, so none can forget a step: the caller is checked
 * first (the same answer as the page: a redirect to sign in, or a 404), then every argument
 * is parsed with zod — an action is a public endpoint, and a replayed call can send anything
 * (`[]`, `["x"]`, a string where a form was expected). Arguments no browser of ours sends get
 * a 404 rather than a crash; what a person typed is validated again by the handler, which
 * answers in French.
 */
export function serverAction<A extends Access, const S extends Schemas, R>(
  access: A,
  schemas: S,
  handler: (caller: Caller<A>, ...args: Parsed<S>) => Promise<R>,
): (...args: Raw<S>) => Promise<R> {
  const tuple = z.tuple(schemas as unknown as [z.ZodType, ...z.ZodType[]]);
  return async (...raw: unknown[]) => {
    const caller = (await callers[access]()) as Caller<A>;
    const args = tuple.safeParse(raw);
    if (!args.success) notFound();
    return handler(caller, ...(args.data as Parsed<S>));
  };
}

/** The form's fields, as the browser posts them. */
export const formInput = z.instanceof(FormData);

/** A form with nothing to read (a button): the browser still posts its FormData. */
export const optionalFormInput = z.instanceof(FormData).optional();

/**
 * The state `useActionState` hands back: a plain object whose `attempt` (when there is one) is
 * a count. Handlers only read `attempt` from it; anything else a caller forges stays theirs.
 */
export function formState<T extends object>() {
  return z.custom<T>(
    (value) =>
      typeof value === "object" &&
      value !== null &&
      !Array.isArray(value) &&
      (!("attempt" in value) || (typeof value.attempt === "number" && Number.isSafeInteger(value.attempt) && value.attempt >= 0)),
  );
}

/** A state that is a yes/no (the registration page's "Renvoyer le lien"). */
export const booleanState = z.boolean();
