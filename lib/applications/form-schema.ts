import { z } from "zod";
import { invalidCharacterMessage, isCleanLine } from "../validation";
import { inePattern, levelOptions, rqthOptions, type RqthValue } from "./form-fields";

/**
 * The application form ("MA CANDIDATURE"), as the browser sends it. Pure, so the server action
 * and the tests share it. Every section may be left empty: as in the guide, an incomplete
 * application is accepted and the page lists what is missing.
 */

/** The answers offered (`rqthOptions`), the only ones accepted. */
const rqthValues = rqthOptions.map((option) => option.value) as [RqthValue, ...RqthValue[]];

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
        .union([z.literal(""), z.enum(rqthValues)], { message: "Choisissez l'une des réponses proposées, ou aucune." })
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
