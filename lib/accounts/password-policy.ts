import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as french from "@zxcvbn-ts/language-fr";

/**
 * The guide's rule (at least 8 characters with upper case, lower case and a special
 * character) plus a refusal of guessable passwords: common ones, and ones built from the
 * person's own data. Pure, so the browser's strength meter and the server use the same code.
 */
export const passwordMinLength = 8;
export const passwordMaxLength = 128;
export const minimumStrengthScore = 3;

let estimator: ZxcvbnFactory | undefined;

function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...french.dictionary },
    graphs: common.adjacencyGraphs,
    translations: french.translations,
  });
  return estimator;
}

export type PasswordCheck = {
  /** French sentences, each saying what to change; empty when the password is accepted. */
  problems: string[];
  /** 0 (trivial) to 4 (strong), for the meter. */
  score: number;
};

/** Lower case without accents, so "Hélène" and "helene" compare equal. */
function fold(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

export function checkPassword(password: string, personalData: (string | null | undefined)[] = []): PasswordCheck {
  // An empty field is a forgotten field, not a password breaking four rules.
  if (password === "") return { problems: ["Indiquez un mot de passe."], score: 0 };
  const problems: string[] = [];
  if (password.length < passwordMinLength) problems.push(`Le mot de passe doit contenir au moins ${passwordMinLength} caractères.`);
  if (password.length > passwordMaxLength) problems.push(`Le mot de passe ne doit pas dépasser ${passwordMaxLength} caractères.`);
  if (!/\p{Ll}/u.test(password)) problems.push("Le mot de passe doit contenir au moins une lettre minuscule.");
  if (!/\p{Lu}/u.test(password)) problems.push("Le mot de passe doit contenir au moins une lettre majuscule.");
  if (!/[^\p{L}\p{N}]/u.test(password)) problems.push("Le mot de passe doit contenir au moins un caractère spécial (par exemple ! ? # @ -).");

  const userInputs = personalData
    .flatMap((value) => (value ? value.toLowerCase().split(/[\s@._'-]+/) : []))
    .filter((part) => part.length >= 3);
  const folded = fold(password);
  if (userInputs.some((part) => part.length >= 4 && folded.includes(fold(part)))) {
    problems.push("Le mot de passe ne doit contenir ni votre nom, ni votre prénom, ni votre adresse électronique.");
  }
  // zxcvbn is costly on very long inputs; past 100 characters a password that passed the rules is not guessable.
  const result = strengthEstimator().check(password.slice(0, 100), userInputs);
  if (problems.length === 0 && result.score < minimumStrengthScore) {
    problems.push(
      "Ce mot de passe est trop facile à deviner (mot courant, suite de caractères ou données personnelles). Allongez-le ou mélangez davantage de mots.",
    );
  }
  return { problems, score: result.score };
}
