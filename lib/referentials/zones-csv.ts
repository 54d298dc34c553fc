import { parse } from "csv-parse/sync";
import { referentialCatalog } from "./catalog";

/**
 * Reading a zones file an admin exported from a spreadsheet: "code;libellé;département" with a
 * header line, separated by ";" (French Excel) or ",", in UTF-8 or Windows-1252 (what Excel
 * saves as "CSV (séparateur : point-virgule)"). Pure: every line checked with the same rules
 * as the form, each error said in French with its line number.
 */

export const zonesCsvMaxBytes = 200 * 1024;
export const zonesCsvMaxLines = 2000;

export type ZoneLine = { line: number; code: string; label: string; department: string };
export type ZonesCsv = { lines: ZoneLine[]; errors: { line: number; message: string }[] };

/** UTF-8 when the bytes are UTF-8 (with or without BOM), Windows-1252 otherwise. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

const normalise = (header: string) =>
  header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase();

const columnNames: Record<string, "code" | "label" | "department"> = {
  code: "code",
  libelle: "label",
  label: "label",
  zone: "label",
  departement: "department",
  dept: "department",
  department: "department",
};

export function parseZonesCsv(text: string): ZonesCsv {
  const source = text.replace(/^\uFEFF/, "");
  const firstLine = source.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  let records: string[][];
  try {
    records = parse(source, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as string[][];
  } catch (error) {
    const line = typeof error === "object" && error && "lines" in error ? Number(error.lines) : 1;
    return { lines: [], errors: [{ line, message: "Le fichier n'est pas un CSV lisible (un guillemet n'est pas refermé ?)." }] };
  }
  if (records.length === 0) return { lines: [], errors: [{ line: 1, message: "Le fichier est vide." }] };
  const header = records[0]!.map((cell) => columnNames[normalise(cell)]);
  const position = (name: "code" | "label" | "department") => header.indexOf(name);
  if (position("code") < 0 || position("label") < 0 || position("department") < 0) {
    return { lines: [], errors: [{ line: 1, message: "La première ligne doit nommer les colonnes : code;libellé;département." }] };
  }
  if (records.length - 1 > zonesCsvMaxLines) return { lines: [], errors: [{ line: 1, message: `Le fichier compte plus de ${zonesCsvMaxLines} zones : découpez-le.` }] };

  const schema = referentialCatalog.zones.schema;
  const lines: ZoneLine[] = [];
  const errors: ZonesCsv["errors"] = [];
  const seenCodes = new Map<string, number>();
  const seenLabels = new Map<string, number>();
  records.slice(1).forEach((record, index) => {
    const line = index + 2;
    const parsed = schema.safeParse({ code: record[position("code")] ?? "", label: record[position("label")] ?? "", department: record[position("department")] ?? "" });
    if (!parsed.success) {
      errors.push({ line, message: parsed.error.issues.map((issue) => issue.message).join(" ") });
      return;
    }
    const { code, label, department } = parsed.data;
    const sameCode = seenCodes.get(code);
    const sameLabel = seenLabels.get(label.toLowerCase());
    if (sameCode) errors.push({ line, message: `Le code ${code} figure déjà ligne ${sameCode}.` });
    else if (sameLabel) errors.push({ line, message: `Le libellé « ${label} » figure déjà ligne ${sameLabel}.` });
    else {
      seenCodes.set(code, line);
      seenLabels.set(label.toLowerCase(), line);
      lines.push({ line, code, label, department });
    }
  });
  if (records.length === 1) errors.push({ line: 2, message: "Le fichier ne contient aucune zone après la ligne des colonnes." });
  return { lines, errors };
}
