/**
 * What an application still lacks before staff can study it, in the guide's words. Pure: the
 * candidate's page, the dashboard and the staff filters all call this one function, so
 * completeness is computed, never stored.
 */

/** Which sections a post type requires (post_types.requires_*). */
export type SectionRequirements = {
  teachingType: boolean;
  zone: boolean;
  workingTime: boolean;
  university: boolean;
};

export type CompletenessInput = {
  requirements: SectionRequirements;
  teachingTypeCount: number;
  zoneCount: number;
  workingTimeCount: number;
  university: string | null;
  curriculum: string | null;
  level: string | null;
  /** The post type's active attachment types, with whether a confirmed file is attached. */
  attachments: { label: string; required: boolean; present: boolean }[];
};

/** `section`: what "Compléter" leads to, the form or the attachments. */
export type MissingItem = { key: string; section: "form" | "attachment"; message: string };

const filled = (value: string | null) => Boolean(value && value.trim());

export function missingItems(input: CompletenessInput): MissingItem[] {
  const missing: MissingItem[] = [];
  const { requirements } = input;
  if (requirements.teachingType && input.teachingTypeCount === 0) {
    missing.push({ key: "teachingType", section: "form", message: "Veuillez indiquer un type d'enseignement" });
  }
  if (requirements.university) {
    if (!filled(input.university)) missing.push({ key: "university", section: "form", message: "Veuillez indiquer votre université d'inscription" });
    if (!filled(input.curriculum)) missing.push({ key: "curriculum", section: "form", message: "Veuillez indiquer votre cursus" });
    if (!filled(input.level)) missing.push({ key: "level", section: "form", message: "Veuillez indiquer votre niveau d'inscription" });
  }
  if (requirements.zone && input.zoneCount === 0) missing.push({ key: "zone", section: "form", message: "Veuillez indiquer une zone" });
  if (requirements.workingTime && input.workingTimeCount === 0) {
    missing.push({ key: "workingTime", section: "form", message: "Veuillez indiquer une quotité" });
  }
  for (const attachment of input.attachments) {
    if (attachment.required && !attachment.present) {
      missing.push({ key: `attachment:${attachment.label}`, section: "attachment", message: `Veuillez joindre : ${attachment.label}` });
    }
  }
  return missing;
}
