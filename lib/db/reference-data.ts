/**
 * Reference data loaded by `npm run db:seed`. It is only a starting point: admins edit it in
 * /admin/referentiels, and seeding again never overwrites or re-adds what they changed
 * beyond re-inserting missing natural keys.
 */
export const seedPostTypes = [
  {
    label: "AESH EN PIAL INTER-DEGRE",
    rank: 1,
    requiresTeachingType: true,
    requiresZone: true,
    requiresWorkingTime: true,
    requiresUniversity: false,
    attachmentTypes: [
      { label: "Pièce d'identité", required: true, rank: 1 },
      { label: "CV", required: false, rank: 2 },
      { label: "Lettre de motivation", required: false, rank: 3 },
    ],
  },
];

// Bassins d'éducation et de formation of the académie de Lille (Nord 59, Pas-de-Calais 62).
// The two labels of the guide are kept exactly; admins complete and rename the list.
export const seedZones = [
  { code: "ARMENTIERES", label: "ARMENTIERES", department: "59" },
  { code: "CAMBRESIS", label: "CAMBRESIS - BASSIN 9", department: "59" },
  { code: "DOUAIS", label: "DOUAIS - BASSIN 6", department: "59" },
  { code: "DUNKERQUOIS", label: "DUNKERQUOIS", department: "59" },
  { code: "FLANDRE_INTERIEURE", label: "FLANDRE INTERIEURE", department: "59" },
  { code: "LILLE", label: "LILLE", department: "59" },
  { code: "ROUBAIX", label: "ROUBAIX", department: "59" },
  { code: "SAMBRE_AVESNOIS", label: "SAMBRE - AVESNOIS", department: "59" },
  { code: "TOURCOING", label: "TOURCOING", department: "59" },
  { code: "VALENCIENNOIS", label: "VALENCIENNOIS", department: "59" },
  { code: "ARRAS", label: "ARRAS", department: "62" },
  { code: "BETHUNE_BRUAY", label: "BETHUNE - BRUAY", department: "62" },
  { code: "BOULOGNE_MONTREUIL", label: "BOULOGNE - MONTREUIL", department: "62" },
  { code: "CALAISIS", label: "CALAISIS", department: "62" },
  { code: "LENS_LIEVIN", label: "LENS - LIEVIN - HENIN - CARVIN", department: "62" },
  { code: "SAINT_OMER", label: "SAINT-OMER", department: "62" },
].map((zone, index) => ({ ...zone, rank: index + 1 }));

export const seedWorkingTimes = [
  { label: "Temps plein", weeklyHours: 39, percentage: 100 },
  { label: "Temps partiel 30 h (77 %)", weeklyHours: 30, percentage: 77 },
  { label: "Temps partiel 24 h (62 %)", weeklyHours: 24, percentage: 62 },
].map((workingTime, index) => ({ ...workingTime, rank: index + 1 }));

export const seedTeachingTypes = [{ label: "AESH", rank: 1 }];

export const seedDiplomaTypes = [
  { label: "CAP", level: 3 },
  { label: "BEP", level: 3 },
  { label: "DEAES (accompagnant éducatif et social)", level: 3 },
  { label: "DEAVS (auxiliaire de vie sociale)", level: 3 },
  { label: "DEAMP (aide médico-psychologique)", level: 3 },
  { label: "Bac général", level: 4 },
  { label: "Bac technologique", level: 4 },
  { label: "Bac Pro", level: 4 },
  { label: "BTS", level: 5 },
  { label: "DUT", level: 5 },
  { label: "BUT", level: 6 },
  { label: "Licence", level: 6 },
  { label: "Master", level: 7 },
  { label: "Doctorat", level: 8 },
  { label: "Titre professionnel", level: null },
  { label: "Diplôme étranger", level: null },
  { label: "Autre", level: null },
].map((diplomaType, index) => ({ ...diplomaType, rank: index + 1 }));
