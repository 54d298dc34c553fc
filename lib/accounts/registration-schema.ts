import { z } from "zod";
import { checkPassword } from "./password-policy";
import { personalDetailsShape } from "./personal-details";

/** The registration form ("FORMULAIRE D'INSCRIPTION"), with one French message per field. Pure. */
const registrationObject = z.object({
  noEmail: z.boolean({ message: "Cochez ou décochez la case « Vous n'avez pas d'adresse électronique »." }),
  email: z.string({ message: "Indiquez votre adresse électronique." }).trim().toLowerCase().max(254, "L'adresse électronique est trop longue."),
  emailConfirmation: z.string({ message: "Confirmez votre adresse électronique." }).trim().toLowerCase(),
  password: z.string({ message: "Indiquez un mot de passe." }),
  passwordConfirmation: z.string({ message: "Confirmez votre mot de passe." }),
  ...personalDetailsShape,
});

export type RegistrationInput = z.output<typeof registrationObject>;
export type FieldErrors = Partial<Record<string, string>>;

type RawRegistration = {
  noEmail: boolean;
  email: string;
  emailConfirmation: string;
  password: string;
  passwordConfirmation: string;
  birthName: string;
  usageName: string;
  firstName: string;
  phone: string;
};

/** Rules across fields, checked on the raw values so every error shows at once. */
function crossFieldErrors(raw: RawRegistration): FieldErrors {
  const errors: FieldErrors = {};
  const email = raw.email.trim().toLowerCase();
  if (!raw.noEmail) {
    if (!z.email().safeParse(email).success) {
      errors.email = email
        ? "Indiquez une adresse électronique valide, par exemple prenom.nom@exemple.fr."
        : "Indiquez votre adresse électronique, ou cochez la case si vous n'en avez pas.";
    } else if (email !== raw.emailConfirmation.trim().toLowerCase()) {
      errors.emailConfirmation = "Les deux adresses électroniques ne sont pas identiques.";
    }
  } else if (!raw.phone.trim()) {
    errors.phone = "Sans adresse électronique, indiquez un numéro de téléphone pour que nos services puissent vous joindre.";
  }
  const personal = raw.noEmail ? [raw.birthName, raw.usageName, raw.firstName] : [email, raw.birthName, raw.usageName, raw.firstName];
  const { problems } = checkPassword(raw.password, personal);
  if (problems.length > 0) errors.password = problems.join(" ");
  else if (raw.passwordConfirmation === "") errors.passwordConfirmation = "Confirmez votre mot de passe en le tapant une seconde fois.";
  else if (raw.password !== raw.passwordConfirmation) errors.passwordConfirmation = "Les deux mots de passe ne sont pas identiques.";
  return errors;
}

export function parseRegistration(
  raw: RawRegistration & Record<string, unknown>,
): { ok: true; data: RegistrationInput } | { ok: false; errors: FieldErrors } {
  const result = registrationObject.safeParse(raw);
  const errors: FieldErrors = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0]);
      errors[field] ??= issue.message;
    }
  }
  for (const [field, message] of Object.entries(crossFieldErrors(raw))) errors[field] ??= message;
  if (result.success && Object.keys(errors).length === 0) return { ok: true, data: result.data };
  return { ok: false, errors };
}
