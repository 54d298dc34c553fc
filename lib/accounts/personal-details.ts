import { z } from "zod";
import { ageOn, parseFrenchDate, todayIso } from "../format/date";
import { invalidCharacterMessage, isCleanLine, isCleanText } from "../validation";
import { isCountryCode } from "./countries";

/** Personal details of a candidate, as typed in the registration and account forms. Pure. */

const notText = "Ce champ doit contenir du texte.";

const optionalText = (max: number, clean: (text: string) => boolean = isCleanLine) =>
  z
    .string({ message: notText })
    .trim()
    .max(max, `Ce champ ne doit pas dépasser ${max} caractères.`)
    .refine(clean, invalidCharacterMessage)
    .transform((value) => value || null);

const requiredText = (message: string, max = 100) =>
  z.string({ message }).trim().min(1, message).max(max, `Ce champ ne doit pas dépasser ${max} caractères.`).refine(isCleanLine, invalidCharacterMessage);

export const minimumAge = 16;
export const maximumAge = 100;

export const birthDateField = z
  .string({ message: "Indiquez votre date de naissance." })
  .trim()
  .min(1, "Indiquez votre date de naissance.")
  .transform((value, context) => {
    const iso = parseFrenchDate(value);
    if (!iso) {
      context.addIssue({ code: "custom", message: "Indiquez une date réelle au format JJ/MM/AAAA, par exemple 14/07/1990." });
      return z.NEVER;
    }
    const age = ageOn(iso, todayIso());
    if (age < minimumAge || age > maximumAge) {
      context.addIssue({
        code: "custom",
        message: `Vérifiez votre date de naissance : il faut avoir entre ${minimumAge} et ${maximumAge} ans pour candidater.`,
      });
      return z.NEVER;
    }
    return iso;
  });

export const phoneField = z
  .string({ message: notText })
  .trim()
  .transform((value) => value.replace(/[\s.-]/g, ""))
  .refine((value) => value === "" || /^(0[1-9]\d{8}|\+\d{8,15})$/.test(value), {
    message: "Indiquez un numéro à 10 chiffres (06 12 34 56 78) ou au format international (+33 6 12 34 56 78).",
  })
  .transform((value) => value || null);

export const personalDetailsShape = {
  civility: z.enum(["madame", "monsieur"], "Choisissez votre civilité."),
  usageName: optionalText(100),
  birthName: requiredText("Indiquez votre nom patronymique (nom de naissance)."),
  firstName: requiredText("Indiquez votre prénom."),
  birthDate: birthDateField,
  birthPlace: requiredText("Indiquez votre lieu de naissance (commune, et pays si vous êtes né à l'étranger).", 150),
  nationality: z.string({ message: "Choisissez votre nationalité dans la liste." }).refine(isCountryCode, "Choisissez votre nationalité dans la liste."),
  phone: phoneField,
  misc: optionalText(1000, isCleanText),
};

export const civilityLabels = { madame: "Madame", monsieur: "Monsieur" } as const;

/** "Marie DUPONT" from the usage name, or the birth name when there is none. */
export function displayName(person: { firstName: string | null; usageName: string | null; birthName: string | null }): string {
  const lastName = person.usageName || person.birthName || "";
  return [person.firstName, lastName.toUpperCase()].filter(Boolean).join(" ");
}
