import { stringify } from "csv-stringify";
import { Readable } from "node:stream";
import { notFoundResponse, staffForRoute } from "@/app/_data/session";
import { auditActionLabel } from "@/lib/audit/labels";
import { recordAudit } from "@/lib/audit/audit";
import { getDb } from "@/lib/db/client";
import { formatFrenchDate, formatParisTime, todayIso } from "@/lib/format/date";
import { staffActor } from "@/lib/staff/access";
import { neutralise } from "@/lib/staff/export-columns";
import { room } from "@/lib/staff/exports";
import { journalBatches, parseJournalFilters } from "@/lib/staff/journal";

export const maxDuration = 300;

/** The filtered journal as CSV for French Excel. Exporting it is itself journaled. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const staff = await staffForRoute(`/admin/journal?${url.searchParams}`);
  if (staff instanceof Response) return staff;
  if (staff.role !== "admin") return notFoundResponse();
  const filters = parseJournalFilters(url.searchParams);
  const db = getDb();
  await recordAudit(db, { actor: staffActor(staff), action: "journal.exported", entityType: "audit_log", details: { filters: url.searchParams.toString() } });
  const csv = stringify({ delimiter: ";", bom: true, record_delimiter: "windows" });
  csv.write(["Date", "Heure", "Personne", "Action", "Code", "Type de fiche", "Fiche", "Détails", "Adresse"]);
  void (async () => {
    try {
      for await (const rows of journalBatches(db, staff, filters)) {
        for (const row of rows) {
          const line = [formatFrenchDate(row.at), formatParisTime(row.at), row.actor, auditActionLabel(row.action), row.action, row.entityType, row.entityId ?? "", row.details ? JSON.stringify(row.details) : "", row.address ?? ""];
          if (csv.destroyed) return; // the download was cancelled
          if (!csv.write(line.map(neutralise))) await room(csv);
        }
      }
      csv.end();
    } catch (error) {
      csv.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return new Response(Readable.toWeb(csv) as ReadableStream, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="journal-${todayIso()}.csv"`, "Cache-Control": "no-store" },
  });
}
