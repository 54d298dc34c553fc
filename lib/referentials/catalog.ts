import { z } from "zod";
import { departementCode } from "../staff/departements";
import { invalidCharacterMessage, isCleanLine } from "../validation";

/**
 * The reference lists admins edit on /admin/referentiels, described once: their fields with
 * French labels and checks. Pure: the pages draw forms from it, lib/referentials writes with it.
 */

export const referentialKinds = ["postes", "zones", "quotites", "enseignements", "diplomes", "pieces"] as const;
export type ReferentialKind = (typeof referentialKinds)[number];
export const isReferentialKind = (value: string): value is ReferentialKind => (referentialKinds as readonly string[]).includes(value);

export type FieldDefinition = {
  name: string;
  label: string;
  input: "text" | "number" | "checkbox" | "postType";
  hint?: string;
  required?: boolean;
};

const text = (label: string, max: number) =>
  z
    .string({ message: `Indiquez ${label}.` })
    .trim()
    .min(1, `Indiquez ${label}.`)
    .max(max, `${max} caractères au plus.`)
    .refine(isCleanLine, invalidCharacterMessage);
const checkbox = z.union([z.literal("on"), z.literal(""), z.boolean()]).transform((value) => value === "on" || value === true);
const optionalNumber = (min: number, max: number, message: string) =>
  z
    .union([z.literal(""), z.coerce.number({ message }).min(min, message).max(max, message)])
    .transform((value) => (value === "" ? null : value));

export const referentialCatalog = {
  postes: {
    title: "Postes",
    singular: "poste",
    hint: "Ce à quoi l'on candidate (« AESH EN PIAL INTER-DEGRE ») et les rubriques qu'il exige pour qu'une candidature soit complète ; ses pièces jointes se règlent dans « Pièces jointes », l'ouverture de sa campagne dans Paramètres.",
    fields: [
      { name: "label", label: "Libellé", input: "text", required: true },
      { name: "requiresTeachingType", label: "Type d'enseignement exigé", input: "checkbox" },
      { name: "requiresZone", label: "Zone exigée", input: "checkbox" },
      { name: "requiresWorkingTime", label: "Quotité exigée", input: "checkbox" },
      { name: "requiresUniversity", label: "Inscription universitaire exigée", input: "checkbox" },
    ],
    schema: z.object({
      label: text("le libellé du poste", 120),
      requiresTeachingType: checkbox,
      requiresZone: checkbox,
      requiresWorkingTime: checkbox,
      requiresUniversity: checkbox,
    }),
  },
  zones: {
    title: "Zones géographiques",
    singular: "zone",
    hint: "Les bassins proposés dans « Zones géographiques souhaitées », avec leur département (le périmètre des gestionnaires).",
    fields: [
      { name: "code", label: "Code", input: "text", required: true, hint: "Court et stable, par exemple CAMBRESIS." },
      { name: "label", label: "Libellé", input: "text", required: true },
      { name: "department", label: "Département", input: "text", required: true, hint: "Numéro : 59, 62, 2A…" },
    ],
    schema: z.object({
      code: text("le code", 40).transform((value) => value.toUpperCase()),
      label: text("le libellé de la zone", 120),
      department: z.string({ message: "Indiquez le département." }).trim().toUpperCase().regex(departementCode, "Indiquez le numéro du département : 59, 62, 2A…"),
    }),
  },
  quotites: {
    title: "Quotités",
    singular: "quotité",
    hint: "Les temps de travail proposés dans « Quotités souhaitées ».",
    fields: [
      { name: "label", label: "Libellé", input: "text", required: true },
      { name: "weeklyHours", label: "Heures par semaine", input: "number", hint: "Facultatif, par exemple 24." },
      { name: "percentage", label: "Pourcentage d'un temps plein", input: "number", required: true },
    ],
    schema: z.object({
      label: text("le libellé de la quotité", 80),
      weeklyHours: optionalNumber(1, 48, "Indiquez un nombre d'heures entre 1 et 48, ou rien."),
      percentage: z.coerce.number({ message: "Indiquez un pourcentage entre 1 et 100." }).int("Indiquez un pourcentage entier.").min(1, "Indiquez un pourcentage entre 1 et 100.").max(100, "Indiquez un pourcentage entre 1 et 100."),
    }),
  },
  enseignements: {
    title: "Types d'enseignement",
    singular: "type d'enseignement",
    hint: "Les choix 1 et 2 de « Type d'enseignement ».",
    fields: [{ name: "label", label: "Libellé", input: "text", required: true }],
    schema: z.object({ label: text("le libellé", 80) }),
  },
  diplomes: {
    title: "Types de diplôme",
    singular: "type de diplôme",
    hint: "Proposés dans « MES DIPLÔMES », avec leur niveau du cadre national des certifications (3 à 8).",
    fields: [
      { name: "label", label: "Libellé", input: "text", required: true },
      { name: "level", label: "Niveau (3 à 8)", input: "number", hint: "Vide quand il dépend du diplôme (diplôme étranger…)." },
    ],
    schema: z.object({
      label: text("le libellé du type de diplôme", 120),
      level: optionalNumber(3, 8, "Indiquez un niveau entre 3 et 8, ou rien."),
    }),
  },
  pieces: {
    title: "Pièces jointes",
    singular: "pièce jointe",
    hint: "Les documents demandés pour un poste ; « obligatoire » compte dans la complétude.",
    fields: [
      { name: "postTypeId", label: "Poste", input: "postType", required: true },
      { name: "label", label: "Libellé", input: "text", required: true },
      { name: "required", label: "Obligatoire", input: "checkbox" },
    ],
    schema: z.object({
      postTypeId: z.uuid({ message: "Choisissez le poste dans la liste." }),
      label: text("le libellé de la pièce", 120),
      required: checkbox,
    }),
  },
} satisfies Record<ReferentialKind, { title: string; singular: string; hint: string; fields: FieldDefinition[]; schema: z.ZodType }>;

export type ReferentialInput<K extends ReferentialKind> = z.output<(typeof referentialCatalog)[K]["schema"]>;
