import { Readable } from "node:stream";
import { notFoundResponse, staffForRoute } from "@/app/_data/session";
import { auditActionLabel } from "@/lib/audit/labels";
import { recordAudit } from "@/lib/audit/audit";
import { getDb } from "@/lib/db/client";
import { formatFrenchDate, formatParisTime, todayIso } from "@/lib/format/date";
import { staffActor } from "@/lib/staff/access";
import { csvFile } from "@/lib/staff/csv";
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
  const header = ["Date", "Heure", "Personne", "Action", "Code", "Type de fiche", "Fiche", "Détails", "Adresse"];
  const lines = (async function* () {
    for await (const rows of journalBatches(db, staff, filters)) {
      yield rows.map((row) => [formatFrenchDate(row.at), formatParisTime(row.at), row.actor, auditActionLabel(row.action), row.action, row.entityType, row.entityId ?? "", row.details ? JSON.stringify(row.details) : "", row.address ?? ""]);
    }
  })();
  return new Response(Readable.toWeb(csvFile(header, lines, "journal.export_failed")) as ReadableStream, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="journal-${todayIso()}.csv"`, "Cache-Control": "no-store" },
  });
}
