import { civilityLabels } from "../accounts/personal-details";
import type { ApplicationDetail } from "../applications/queries";
import { rqthOptions } from "../applications/form-fields";
import { staffStatusLabel } from "../applications/status";
import { formatFrenchDate } from "../format/date";

/**
 * The columns of the staff exports (CSV and XLSX share them; the CSV dialect is ./csv). RQTH is
 * a column only when the staff member asks for it.
 */

export type ExportPerson = {
  civility: keyof typeof civilityLabels | null;
  usageName: string | null;
  birthName: string | null;
  firstName: string | null;
  birthDate: string | null;
  identifier: string;
  email: string | null;
  phone: string | null;
};

/** An export knows of a given file only that it is there (its id). */
export type ExportRow = { application: ApplicationDetail<{ id: string }>; person: ExportPerson };

const ranked = (items: { label: string }[]) => items.map((item, index) => `${index + 1}. ${item.label}`).join(" ; ");
const date = (value: string | Date | null) => (value ? formatFrenchDate(value) : "");

export type ExportColumn = { header: string; width: number; value: (row: ExportRow) => string };

export function exportColumns(includeRqth: boolean): ExportColumn[] {
  const columns: ExportColumn[] = [
    { header: "Civilité", width: 10, value: ({ person }) => (person.civility ? civilityLabels[person.civility] : "") },
    { header: "Nom d'usage", width: 18, value: ({ person }) => person.usageName ?? "" },
    { header: "Nom patronymique", width: 18, value: ({ person }) => person.birthName ?? "" },
    { header: "Prénom", width: 16, value: ({ person }) => person.firstName ?? "" },
    { header: "Date de naissance", width: 12, value: ({ person }) => date(person.birthDate) },
    { header: "Identifiant", width: 28, value: ({ person }) => person.identifier },
    { header: "Courriel", width: 28, value: ({ person }) => person.email ?? "" },
    { header: "Téléphone", width: 14, value: ({ person }) => person.phone ?? "" },
    { header: "Poste", width: 26, value: ({ application }) => application.postType.label },
    { header: "Statut", width: 20, value: ({ application }) => staffStatusLabel(application.status, application.missing.length === 0) },
    { header: "Éléments manquants", width: 30, value: ({ application }) => application.missing.map((item) => item.message).join(" ; ") },
    { header: "Déposée le", width: 12, value: ({ application }) => date(application.submittedAt) },
    { header: "Valable jusqu'au", width: 12, value: ({ application }) => date(application.validUntil) },
    { header: "Types d'enseignement", width: 20, value: ({ application }) => ranked(application.teachingTypes) },
    { header: "Zones géographiques souhaitées", width: 40, value: ({ application }) => ranked(application.zones) },
    { header: "Quotités souhaitées", width: 24, value: ({ application }) => ranked(application.workingTimes) },
    { header: "Université", width: 20, value: ({ application }) => application.university ?? "" },
    { header: "Composante", width: 14, value: ({ application }) => application.component ?? "" },
    { header: "Formation", width: 20, value: ({ application }) => application.program ?? "" },
    { header: "Cursus", width: 12, value: ({ application }) => application.curriculum ?? "" },
    { header: "Niveau d'inscription", width: 18, value: ({ application }) => application.level ?? "" },
    { header: "INE", width: 13, value: ({ application }) => application.ine ?? "" },
    {
      header: "Pièces jointes",
      width: 30,
      value: ({ application }) => application.attachments.map((slot) => `${slot.label} : ${slot.file ? "oui" : "non"}`).join(" ; "),
    },
  ];
  if (includeRqth) {
    columns.push({
      header: "RQTH",
      width: 16,
      value: ({ application }) => rqthOptions.find((option) => option.value === application.rqth)?.label ?? "Non renseignée",
    });
  }
  return columns;
}

/** One exported line's cells (the CSV writer neutralises them, `csvLine`). */
export function exportLine(columns: ExportColumn[], row: ExportRow): string[] {
  return columns.map((column) => column.value(row));
}
