import { eq } from "drizzle-orm";
import type { RawApplicationForm } from "@/lib/applications/form-fields";
import { getDb } from "@/lib/db/client";
import { postTypes } from "@/lib/db/schema";

/** The application form for the seeded "AESH EN PIAL INTER-DEGRE", left empty unless `overrides` fill it. */
export async function applicationForm(overrides: Partial<RawApplicationForm> = {}): Promise<RawApplicationForm> {
  const [postType] = await getDb().select({ id: postTypes.id }).from(postTypes).where(eq(postTypes.label, "AESH EN PIAL INTER-DEGRE"));
  return {
    postTypeId: postType!.id,
    teachingType1: "",
    teachingType2: "",
    zones: [],
    workingTimes: [],
    rqth: "",
    university: "",
    component: "",
    program: "",
    curriculum: "",
    level: "",
    ine: "",
    ...overrides,
  };
}
