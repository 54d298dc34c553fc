import "server-only";
import { countryName } from "../accounts/countries";
import { civilityLabels, displayName } from "../accounts/personal-details";
import { findProfile } from "../accounts/profile";
import type { Queryable } from "../db/client";

/** Who a candidate is, as staff read it (labels resolved, no secrets). Callers check the perimeter. */
export type CandidateIdentity = {
  id: string;
  name: string;
  civility: string | null;
  usageName: string | null;
  birthName: string | null;
  firstName: string | null;
  birthDate: string | null;
  birthPlace: string | null;
  nationality: string | null;
  identifier: string;
  email: string | null;
  emailVerified: boolean;
  phone: string | null;
  misc: string | null;
  createdAt: Date;
  lastLoginAt: Date | null;
};

export async function loadIdentity(db: Queryable, userId: string): Promise<CandidateIdentity | null> {
  const profile = await findProfile(db, userId);
  if (!profile) return null;
  return {
    id: userId,
    name: displayName(profile) || profile.identifier,
    civility: profile.civility ? civilityLabels[profile.civility] : null,
    usageName: profile.usageName,
    birthName: profile.birthName,
    firstName: profile.firstName,
    birthDate: profile.birthDate,
    birthPlace: profile.birthPlace,
    nationality: profile.nationality ? countryName(profile.nationality) : null,
    identifier: profile.identifier,
    email: profile.email,
    emailVerified: Boolean(profile.emailVerifiedAt),
    phone: profile.phone,
    misc: profile.misc,
    createdAt: profile.createdAt,
    lastLoginAt: profile.lastLoginAt,
  };
}
