import { describe, expect, it } from "vitest";
import { parseRegistration } from "@/lib/accounts/registration-schema";
import { registrationForm } from "../support/candidates";

describe("registration form rules", () => {
  it("accepts a complete form and normalises what was typed", () => {
    const result = parseRegistration(
      registrationForm({ email: " Maxime.Flandin@Exemple.fr ", emailConfirmation: "maxime.flandin@exemple.fr", phone: "06 12 34 56 78" }),
    );
    expect(result).toMatchObject({ ok: true, data: { email: "maxime.flandin@exemple.fr", birthDate: "1990-07-14", phone: "0612345678", usageName: null } });
  });

  it("says every problem at once, each on its field", () => {
    const result = parseRegistration(
      registrationForm({
        email: "maxime@exemple.fr",
        emailConfirmation: "maxim@exemple.fr",
        password: "court",
        civility: "",
        birthDate: "31/02/2020",
        nationality: "XX",
      }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual({
      emailConfirmation: "Les deux adresses électroniques ne sont pas identiques.",
      password: expect.stringContaining("au moins 8 caractères"),
      civility: "Choisissez votre civilité.",
      birthDate: "Indiquez une date réelle au format JJ/MM/AAAA, par exemple 14/07/1990.",
      nationality: "Choisissez votre nationalité dans la liste.",
    });
  });

  it("refuses a mismatched password confirmation and an implausible age", () => {
    const result = parseRegistration(
      registrationForm({ email: "a@exemple.fr", emailConfirmation: "a@exemple.fr", passwordConfirmation: "autre chose", birthDate: "01/01/2020" }),
    );
    expect(!result.ok && result.errors.passwordConfirmation).toBe("Les deux mots de passe ne sont pas identiques.");
    expect(!result.ok && result.errors.birthDate).toMatch(/entre 16 et 100 ans/);
  });

  it("requires a phone number from candidates without email, and no address", () => {
    const result = parseRegistration(registrationForm({ noEmail: true }));
    expect(!result.ok && result.errors).toEqual({
      phone: "Sans adresse électronique, indiquez un numéro de téléphone pour que nos services puissent vous joindre.",
    });
    expect(parseRegistration(registrationForm({ noEmail: true, phone: "+33 6 12 34 56 78" })).ok).toBe(true);
  });

  it("refuses a password made of the person's own names", () => {
    const result = parseRegistration(
      registrationForm({ email: "m@exemple.fr", emailConfirmation: "m@exemple.fr", password: "Flandin-Maxime!", passwordConfirmation: "Flandin-Maxime!" }),
    );
    expect(!result.ok && result.errors.password).toMatch(/ni votre nom/);
  });
});
