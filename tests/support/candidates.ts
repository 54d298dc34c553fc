import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { registerCandidate } from "@/lib/accounts/registration";
import { parseRegistration } from "@/lib/accounts/registration-schema";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";

export const candidatePassword = "Un héron au long bec 2024 !";

/** The registration form as a person fills it, with overrides. */
export function registrationForm(overrides: Partial<Parameters<typeof parseRegistration>[0]> = {}) {
  return {
    noEmail: false,
    email: "",
    emailConfirmation: "",
    password: candidatePassword,
    passwordConfirmation: candidatePassword,
    civility: "madame",
    usageName: "",
    birthName: "Flandin",
    firstName: "Maxime",
    birthDate: "14/07/1990",
    birthPlace: "Douai",
    nationality: "FR",
    phone: "",
    misc: "",
    ...overrides,
  };
}

/** A client address of its own for each test registration: the per-address allowance is not what they test. */
export function someClient() {
  return { addressSubject: `test-${randomUUID()}` };
}

/** Registers a candidate with `email` through the real registration code. */
export async function registerWithEmail(email: string) {
  const parsed = parseRegistration(registrationForm({ email, emailConfirmation: email }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return registerCandidate(parsed.data, someClient());
}

export async function userByIdentifier(identifier: string) {
  const [user] = await getDb()
    .select({ id: users.id, emailVerifiedAt: users.emailVerifiedAt, sessionVersion: users.sessionVersion, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.identifier, identifier));
  return user;
}

/** The token in the last link of a mail ("…/verification/<token>"). */
export function tokenFromMail(text: string, path: string): string {
  const match = new RegExp(`/${path}/([\\w-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no /${path}/ link in mail`);
  return match[1];
}
