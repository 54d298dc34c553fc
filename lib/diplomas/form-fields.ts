/**
 * "MES DIPLÔMES" form's fields as the browser shows and posts them. No zod here: the form's
 * client component imports this module, and the schema (./form-schema) would bring zod with it.
 */

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
