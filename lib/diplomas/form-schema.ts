import { z } from "zod";
import { invalidCharacterMessage, isCleanLine } from "../validation";
import { parseFrenchDate } from "../format/date";

/** "MES DIPLÔMES" form checked (its fields: ./form-fields). Pure: the server action and the tests share it. */

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
