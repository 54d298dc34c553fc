import { z } from "zod";
import { invalidCharacterMessage, isCleanLine } from "../validation";

/**
 * The application form ("MA CANDIDATURE"), as the browser sends it. Pure, so the server action
 * and the tests share it. Every section may be left empty: as in the guide, an incomplete
 * application is accepted and the page lists what is missing.
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

const uuid = z.uuid({ message: "Choisissez une valeur dans la liste." });
const optionalId = z.union([z.literal(""), uuid], { message: "Choisissez une valeur dans la liste." }).transform((value) => value || null);
const optionalText = (max: number) =>
  z
    .string({ message: "Ce champ doit contenir du texte." })
    .trim()
    .max(max, { message: `Ce champ ne peut dépasser ${max} caractères.` })
    .refine(isCleanLine, { message: invalidCharacterMessage })
    .transform((value) => value || null);

function rankedIds(what: string, max: number) {
  return z
    .array(uuid, { message: `Choisissez vos ${what} dans la liste.` })
    .max(max, { message: `Vous pouvez indiquer au plus ${max} ${what}.` })
    .refine((ids) => new Set(ids).size === ids.length, { message: `Chaque ${what.replace(/s$/, "")} ne peut être choisie qu'une fois.` });
}

export function applicationFormSchema(limits: { maxZoneWishes: number; maxWorkingTimeWishes: number }) {
  return z
    .object({
      teachingType1: optionalId,
      teachingType2: optionalId,
      zones: rankedIds("zones", limits.maxZoneWishes),
      workingTimes: rankedIds("quotités", limits.maxWorkingTimeWishes),
      rqth: z
        .union([z.literal(""), z.enum(["yes", "no", "pending", "undisclosed"])], { message: "Choisissez l'une des réponses proposées, ou aucune." })
        .transform((value) => value || null),
      university: optionalText(200),
      component: optionalText(200),
      program: optionalText(200),
      curriculum: optionalText(200),
      level: z
        .union([z.literal(""), z.enum(levelOptions)], { message: "Choisissez votre niveau d'inscription dans la liste." })
        .transform((value) => value || null),
      ine: z
        .string({ message: "Indiquez votre INE, ou laissez le champ vide." })
        .transform((value) => value.replace(/\s+/g, "").toUpperCase())
        .refine((value) => value === "" || inePattern.test(value), {
          message: "L'INE compte 11 caractères, chiffres et lettres, par exemple 2068113589L. Il figure sur votre carte d'étudiant.",
        })
        .transform((value) => value || null),
    })
    .superRefine((value, context) => {
      if (value.teachingType2 && !value.teachingType1) {
        context.addIssue({ code: "custom", path: ["teachingType1"], message: "Indiquez d'abord votre choix 1." });
      }
    });
}

export type ApplicationForm = z.output<ReturnType<typeof applicationFormSchema>>;

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
