import "server-only";
import { and, asc, sql } from "drizzle-orm";
import { inUuids } from "../db/conditions";
import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import { loadApplicationDetails } from "../applications/queries";
import { recordAudit } from "../audit/audit";
import type { Database } from "../db/client";
import { applications, users } from "../db/schema";
import { todayIso } from "../format/date";
import { logger } from "../logger";
import { isUuid } from "../validation";
import { assertStaff, staffActor, type StaffMember } from "./access";
import { applicationsInPerimeter, filteredApplications } from "./applications";
import { exportColumns, exportLine, type ExportPerson, type ExportRow } from "./export-columns";
import { applicationFiltersQuery, type ApplicationFilters } from "./list-filters";

/**
 * Exports of the staff list, streamed: rows are read by batches (keyset on the submission
 * date), turned into lines and written as they come, so memory stays flat on 150 000
 * applications. CSV for French Excel (UTF-8 with BOM, ";"), or XLSX with a streaming writer.
 */

export type ExportFormat = "csv" | "xlsx";
export type ExportSource = { filters: ApplicationFilters } | { ids: string[] };

const batchSize = 1000;

async function personsOf(db: Database, userIds: string[]): Promise<Map<string, ExportPerson>> {
  const rows = await db
    .select({
      id: users.id,
      civility: users.civility,
      usageName: users.usageName,
      birthName: users.birthName,
      firstName: users.firstName,
      birthDate: users.birthDate,
      identifier: users.identifier,
      email: users.email,
      phone: users.phone,
    })
    .from(users)
    .where(inUuids(users.id, userIds));
  return new Map(rows.map(({ id, ...person }) => [id, person]));
}

async function rowsOf(db: Database, ids: string[]): Promise<ExportRow[]> {
  if (ids.length === 0) return [];
  const details = await loadApplicationDetails(db, { ids });
  const persons = await personsOf(db, [...new Set(details.map((detail) => detail.userId))]);
  return details.map((application) => ({ application, person: persons.get(application.userId)! }));
}

/** The rows to export, batch after batch, oldest application first. */
export async function* exportBatches(db: Database, staff: StaffMember, source: ExportSource): AsyncGenerator<ExportRow[]> {
  assertStaff(staff);
  if ("ids" in source) {
    const ids = await applicationsInPerimeter(db, staff, source.ids.filter(isUuid));
    for (let start = 0; start < ids.length; start += batchSize) yield rowsOf(db, ids.slice(start, start + batchSize));
    return;
  }
  const where = filteredApplications(staff, source.filters);
  let after: { submittedAt: string; id: string } | null = null;
  for (;;) {
    const page: { id: string; submittedAt: string }[] = await db
      .select({ id: applications.id, submittedAt: sql<string>`${applications.submittedAt}::text` })
      .from(applications)
      .where(and(where, after ? sql`(${applications.submittedAt}, ${applications.id}) > (${after.submittedAt}::timestamptz, ${after.id}::uuid)` : undefined))
      .orderBy(asc(applications.submittedAt), asc(applications.id))
      .limit(batchSize);
    if (page.length === 0) return;
    yield rowsOf(db, page.map((row) => row.id));
    if (page.length < batchSize) return;
    after = page[page.length - 1]!;
  }
}

export type ExportFile = { fileName: string; contentType: string; stream: Readable };

/** Waits until `stream` wants more, or is gone (the download was cancelled): never forever. */
export function room(stream: NodeJS.WritableStream & { destroyed: boolean }): Promise<void> {
  if (stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.once("drain", done);
    stream.once("close", done);
  });
}

/**
 * Starts an export and logs it (with RQTH, as its own action: health data left the platform).
 * The returned stream is the file; errors midway end it early and are logged.
 */
export async function exportApplications(
  db: Database,
  staff: StaffMember,
  source: ExportSource,
  options: { format: ExportFormat; includeRqth: boolean },
): Promise<ExportFile> {
  assertStaff(staff);
  await recordAudit(db, {
    actor: staffActor(staff),
    action: options.includeRqth ? "applications.exported_with_rqth" : "applications.exported",
    entityType: "application",
    details: {
      format: options.format,
      // Which applications left the platform: the ids of a selection, or the filters of a list.
      ...("ids" in source ? { selection: source.ids.filter(isUuid) } : { filters: applicationFiltersQuery(source.filters, { page: 1 }) }),
    },
  });
  const columns = exportColumns(options.includeRqth);
  const baseName = `candidatures-aesh-${todayIso()}`;
  const batches = exportBatches(db, staff, source);
  if (options.format === "csv") {
    const csv = stringify({ delimiter: ";", bom: true, record_delimiter: "windows", quoted_match: /[;"\n\r]/ });
    csv.write(columns.map((column) => column.header));
    void (async () => {
      try {
        for await (const batch of batches) {
          for (const row of batch) {
            if (csv.destroyed) return; // the download was cancelled: stop reading the database
            // Respect back-pressure: a slow download must not pile rows up in memory.
            if (!csv.write(exportLine(columns, row, "csv"))) await room(csv);
          }
        }
        csv.end();
      } catch (error) {
        logger.error("export.failed", { format: "csv", error });
        csv.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    })();
    return { fileName: `${baseName}.csv`, contentType: "text/csv; charset=utf-8", stream: csv };
  }
  const output = new PassThrough();
  void (async () => {
    try {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
      const sheet = workbook.addWorksheet("Candidatures", { views: [{ state: "frozen", ySplit: 1 }] });
      sheet.columns = columns.map((column) => ({ header: column.header, key: column.header, width: column.width }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
      for await (const batch of batches) {
        if (output.destroyed) return; // the download was cancelled
        for (const row of batch) sheet.addRow(exportLine(columns, row, "xlsx")).commit();
        // The writer pushes into `output`; wait when the reader is slower than the database.
        if (output.writableNeedDrain) await room(output);
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      logger.error("export.failed", { format: "xlsx", error });
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return {
    fileName: `${baseName}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    stream: output,
  };
}
