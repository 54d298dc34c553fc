import { z } from "zod";

/**
 * Business rules that admins edit (/admin/parametres). Each has a French label, a schema and
 * a default; the defaults are those of the guide and of DESIGN.md. Pure: no database here.
 */
export const settingDefinitions = {
  academyName: {
    label: "Nom de l'académie",
    schema: z.string().trim().min(2).max(120),
    defaultValue: "Académie de Lille",
  },
  platformName: {
    label: "Nom de la plateforme (titre des pages, objet des courriels)",
    // The guide's candidates are told to look for "AcloE" in their mailbox (spam folder included).
    schema: z.string().trim().min(2).max(40),
    defaultValue: "AcloE",
  },
  serviceName: {
    label: "Nom du service",
    schema: z.string().trim().min(2).max(160),
    defaultValue: "Service académique de gestion et de recrutement des AESH",
  },
  platformContactEmail: {
    label: "Adresse d'assistance sur le fonctionnement de la plateforme",
    schema: z.email(),
    defaultValue: "ce.acloerecrutement@ac-lille.fr",
  },
  campaignContactEmail: {
    label: "Adresse d'assistance sur la campagne de recrutement des AESH",
    schema: z.email(),
    defaultValue: "dsden62.acloe-aesh@ac-lille.fr",
  },
  validityMonths: {
    label: "Durée de validité d'une candidature (mois)",
    schema: z.number().int().min(1).max(24),
    defaultValue: 6,
  },
  graceDays: {
    label: "Délai de réponse au courriel de renouvellement avant suppression (jours)",
    schema: z.number().int().min(7).max(120),
    defaultValue: 30,
  },
  reminderDaysBeforeDeletion: {
    label: "Relance avant suppression (jours)",
    schema: z.number().int().min(1).max(60),
    defaultValue: 7,
  },
  maxZoneWishes: {
    label: "Nombre maximal de zones géographiques souhaitées",
    schema: z.number().int().min(1).max(20),
    defaultValue: 5,
  },
  maxWorkingTimeWishes: {
    label: "Nombre maximal de quotités souhaitées",
    schema: z.number().int().min(1).max(10),
    defaultValue: 3,
  },
  unverifiedAccountDays: {
    label: "Conservation d'un compte dont l'adresse n'a jamais été confirmée (jours)",
    schema: z.number().int().min(7).max(365),
    defaultValue: 30,
  },
  inactiveAccountMonths: {
    label: "Conservation d'un compte sans candidature ni connexion (mois)",
    schema: z.number().int().min(3).max(60),
    defaultValue: 12,
  },
  closedApplicationMonths: {
    label: "Conservation d'une candidature retenue, non retenue ou retirée (mois)",
    schema: z.number().int().min(1).max(60),
    defaultValue: 12,
  },
  secondFactorForAdmins: {
    label: "Double authentification obligatoire pour les administrateurs",
    schema: z.boolean(),
    defaultValue: true,
  },
  secondFactorForGestionnaires: {
    label: "Double authentification obligatoire pour les gestionnaires",
    schema: z.boolean(),
    defaultValue: false,
  },
} as const;

export type SettingKey = keyof typeof settingDefinitions;
export type Settings = { [K in SettingKey]: z.infer<(typeof settingDefinitions)[K]["schema"]> };
export const settingKeys = Object.keys(settingDefinitions) as SettingKey[];

export function defaultSettings(): Settings {
  return Object.fromEntries(settingKeys.map((key) => [key, settingDefinitions[key].defaultValue])) as Settings;
}

/** Stored values over defaults; a stored value that no longer fits its schema yields the default. */
export function resolveSettings(stored: { key: string; value: unknown }[]): {
  settings: Settings;
  invalidKeys: SettingKey[];
} {
  const settings: Record<string, unknown> = defaultSettings();
  const invalidKeys: SettingKey[] = [];
  for (const { key, value } of stored) {
    if (!(key in settingDefinitions)) continue;
    const settingKey = key as SettingKey;
    const parsed = settingDefinitions[settingKey].schema.safeParse(value);
    if (parsed.success) settings[settingKey] = parsed.data;
    else invalidKeys.push(settingKey);
  }
  return { settings: settings as Settings, invalidKeys };
}

/** The settings an admin edits on /admin/parametres, in the page's order. */
export const editableSettings = [
  "academyName",
  "serviceName",
  "platformName",
  "platformContactEmail",
  "campaignContactEmail",
  "validityMonths",
  "graceDays",
  "reminderDaysBeforeDeletion",
  "maxZoneWishes",
  "maxWorkingTimeWishes",
  "unverifiedAccountDays",
  "inactiveAccountMonths",
  "closedApplicationMonths",
] as const satisfies readonly SettingKey[];

const frenchNumber = (min: number, max: number, what: string) =>
  z.coerce
    .number({ message: `Indiquez un nombre entier pour ${what}.` })
    .int(`Indiquez un nombre entier pour ${what}.`)
    .min(min, `${what[0]!.toUpperCase()}${what.slice(1)} : au moins ${min}.`)
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} : au plus ${max}.`);
const frenchText = (max: number, what: string) =>
  z.string({ message: `Indiquez ${what}.` }).trim().min(2, `Indiquez ${what}.`).max(max, `${what[0]!.toUpperCase()}${what.slice(1)} : ${max} caractères au plus.`);
const frenchEmail = (what: string) => z.string({ message: `Indiquez ${what}.` }).trim().pipe(z.email(`Indiquez ${what} valide, par exemple service@ac-lille.fr.`));

/**
 * The settings form as sent by the page: every value checked with a French message, and the
 * rules between them (the reminder must come before the deletion it announces). Pure.
 */
export const settingsFormSchema = z
  .object({
    academyName: frenchText(120, "le nom de l'académie"),
    serviceName: frenchText(160, "le nom du service"),
    platformName: frenchText(40, "le nom de la plateforme"),
    platformContactEmail: frenchEmail("l'adresse d'assistance sur la plateforme"),
    campaignContactEmail: frenchEmail("l'adresse d'assistance sur la campagne"),
    validityMonths: frenchNumber(1, 24, "la durée de validité (en mois)"),
    graceDays: frenchNumber(7, 120, "le délai de réponse avant suppression (en jours)"),
    reminderDaysBeforeDeletion: frenchNumber(1, 60, "la relance avant suppression (en jours)"),
    maxZoneWishes: frenchNumber(1, 20, "le nombre maximal de zones"),
    maxWorkingTimeWishes: frenchNumber(1, 10, "le nombre maximal de quotités"),
    unverifiedAccountDays: frenchNumber(7, 365, "la conservation d'un compte non confirmé (en jours)"),
    inactiveAccountMonths: frenchNumber(3, 60, "la conservation d'un compte inutilisé (en mois)"),
    closedApplicationMonths: frenchNumber(1, 60, "la conservation d'une candidature close (en mois)"),
  })
  .refine((value) => value.reminderDaysBeforeDeletion < value.graceDays, {
    path: ["reminderDaysBeforeDeletion"],
    message: "La relance doit partir avant la suppression : indiquez moins de jours que le délai de réponse.",
  });

export type SettingsForm = z.output<typeof settingsFormSchema>;
