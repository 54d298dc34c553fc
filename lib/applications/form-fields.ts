/**
 * The application form's fields as the browser shows and posts them: labels, options and the
 * raw reading of a post. No zod here: the form's client component imports this module, and its
 * schema (./form-schema) would bring zod's 30 kB into the browser with it.
 */

export const rqthOptions = [
  { value: "yes", label: "Oui" },
  { value: "no", label: "Non" },
  { value: "pending", label: "Demande en cours" },
  { value: "undisclosed", label: "Je ne souhaite pas répondre" },
] as const;

export type RqthValue = (typeof rqthOptions)[number]["value"];

export const levelOptions = [
  "Licence 1re année (L1)",
  "Licence 2e année (L2)",
  "Licence 3e année (L3)",
  "Licence professionnelle",
  "Master 1re année (M1)",
  "Master 2e année (M2)",
  "Doctorat",
  "BTS ou BUT",
  "Autre",
] as const;

/**
 * The Identifiant National Étudiant has 11 characters: 10 digits and a letter (INE-BEA, as
 * "2068113589L" in the guide), 9 digits and 2 letters (INE-RNIE), or 10 letters or digits and
 * a final digit (apprentices' INE-SIFA, INE-Base 100).
 */
export const inePattern = /^(?:\d{10}[A-Z]|\d{9}[A-Z]{2}|[0-9A-Z]{10}\d)$/;

export const applicationFieldLabels: Record<string, string> = {
  postTypeId: "Poste",
  teachingType1: "Type d'enseignement – Choix 1",
  teachingType2: "Type d'enseignement – Choix 2",
  zones: "Zones géographiques souhaitées",
  workingTimes: "Quotités souhaitées",
  rqth: "Reconnaissance de la qualité de travailleur handicapé",
  university: "Université",
  component: "Composante",
  program: "Formation",
  curriculum: "Cursus",
  level: "Niveau d'inscription",
  ine: "INE",
};

/** The raw form as the browser posts it (ranked wishes arrive as repeated fields, in order). */
export function readApplicationForm(formData: FormData) {
  const text = (name: string) => String(formData.get(name) ?? "").slice(0, 2000);
  return {
    postTypeId: text("postTypeId"),
    teachingType1: text("teachingType1"),
    teachingType2: text("teachingType2"),
    // The list a wish is picked from sends "" when nothing is picked in it.
    zones: formData.getAll("zones").map(String).filter(Boolean).slice(0, 50),
    workingTimes: formData.getAll("workingTimes").map(String).filter(Boolean).slice(0, 50),
    rqth: text("rqth"),
    university: text("university"),
    component: text("component"),
    program: text("program"),
    curriculum: text("curriculum"),
    level: text("level"),
    ine: text("ine"),
  };
}

export type RawApplicationForm = ReturnType<typeof readApplicationForm>;
