import { z } from "zod";
import { invalidCharacterMessage, isCleanLine } from "../validation";
import { parseFrenchDate } from "../format/date";

/** "MES DIPLÔMES" form, as the browser sends it. Pure: the server action and the tests share it. */

export const diplomaFieldLabels: Record<string, string> = {
  label: "Libellé",
  diplomaTypeId: "Type de diplôme",
  obtainedOn: "Date d'obtention",
  file: "Fichier scanné ou photographié de votre diplôme",
  institution: "Etablissement",
  country: "Pays",
  city: "Ville",
};

export function readDiplomaForm(formData: FormData) {
  const text = (name: string) => String(formData.get(name) ?? "").slice(0, 2000);
  return {
    label: text("label"),
    diplomaTypeId: text("diplomaTypeId"),
    obtainedOn: text("obtainedOn"),
    institution: text("institution"),
    country: text("country"),
    city: text("city"),
    fileId: text("fileId"),
    removeFile: formData.get("removeFile") === "on",
  };
}

export type RawDiplomaForm = ReturnType<typeof readDiplomaForm>;

const fileNotRecognised = "Le fichier envoyé n'a pas été reconnu : déposez-le à nouveau.";

const requiredText = (message: string, max = 200) =>
  z
    .string({ message })
    .trim()
    .min(1, { message })
    .max(max, { message: `Ce champ ne peut dépasser ${max} caractères.` })
    .refine(isCleanLine, { message: invalidCharacterMessage });

/**
 * `today` and `birthDate` are ISO dates: an obtention date must be a real calendar date, not in
 * the future and not before the candidate was born.
 */
export function diplomaFormSchema(context: { today: string; birthDate: string | null; isCountry: (code: string) => boolean }) {
  return z.object({
    label: requiredText("Indiquez le libellé du diplôme, par exemple « Baccalauréat professionnel ASSP »."),
    diplomaTypeId: z.uuid({ message: "Choisissez le type de diplôme dans la liste." }),
    obtainedOn: z
      .string({ message: "Indiquez une date au format JJ/MM/AAAA, ou laissez le champ vide." })
      .trim()
      .transform((value, ctx) => {
        if (value === "") return null;
        const iso = parseFrenchDate(value);
        if (!iso) {
          ctx.addIssue({ code: "custom", message: "Indiquez une date réelle au format JJ/MM/AAAA, par exemple 01/07/2015." });
          return z.NEVER;
        }
        if (iso > context.today) {
          ctx.addIssue({ code: "custom", message: "La date d'obtention ne peut pas être dans le futur." });
          return z.NEVER;
        }
        if (context.birthDate && iso < context.birthDate) {
          ctx.addIssue({ code: "custom", message: "La date d'obtention ne peut pas être antérieure à votre date de naissance." });
          return z.NEVER;
        }
        return iso;
      }),
    institution: requiredText("Indiquez l'établissement où vous avez obtenu le diplôme."),
    country: z.string({ message: "Choisissez le pays dans la liste." }).refine((code) => context.isCountry(code), { message: "Choisissez le pays dans la liste." }),
    city: requiredText("Indiquez la ville de l'établissement.", 120),
    fileId: z
      .union([z.literal(""), z.uuid({ message: fileNotRecognised })], { message: fileNotRecognised })
      .transform((value) => value || null),
    removeFile: z.boolean({ message: "Cochez ou décochez « Retirer ce fichier »." }),
  });
}

export type DiplomaForm = z.output<ReturnType<typeof diplomaFormSchema>>;
