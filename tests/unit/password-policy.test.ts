import { describe, expect, it } from "vitest";
import { checkPassword } from "@/lib/accounts/password-policy";

describe("password policy", () => {
  it("states each missing ingredient of the guide's rule", () => {
    const { problems } = checkPassword("abc");
    expect(problems).toEqual([
      "Le mot de passe doit contenir au moins 8 caractères.",
      "Le mot de passe doit contenir au moins une lettre majuscule.",
      "Le mot de passe doit contenir au moins un caractère spécial (par exemple ! ? # @ -).",
    ]);
  });

  it("refuses a common password that satisfies the rule", () => {
    const { problems } = checkPassword("Motdepasse1!");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/trop facile à deviner/);
  });

  it("refuses a password built from the person's own data", () => {
    const personal = ["maxime.flandin@exemple.fr", "Flandin", "Maxime"];
    expect(checkPassword("Maxime-Flandin", personal).problems).toEqual([
      "Le mot de passe ne doit contenir ni votre nom, ni votre prénom, ni votre adresse électronique.",
    ]);
    expect(checkPassword("Flandin2024!", ["Flandin"]).problems).not.toEqual([]);
  });

  it("accepts a long passphrase of 64 characters and more", () => {
    const passphrase = "Le héron au long bec emmanché d'un long cou, un jour, sur ses pieds !";
    expect(passphrase.length).toBeGreaterThanOrEqual(64);
    expect(checkPassword(passphrase).problems).toEqual([]);
  });

  it("scores a random mixed password as strong", () => {
    const result = checkPassword("qT7#vLw9!pXz");
    expect(result.problems).toEqual([]);
    expect(result.score).toBeGreaterThanOrEqual(3);
  });
});
