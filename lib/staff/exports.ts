import "server-only";
import { and, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { inUuids } from "../db/conditions";
import { PassThrough, pipeline, Readable, Transform } from "node:stream";
import ExcelJS from "exceljs";
import { loadChoiceLabels, rankedChoiceIds, rankedOptions } from "../applications/choices";
import { applicationDetail, loadAttachmentTypes, type ApplicationDetail } from "../applications/queries";
import { recordAudit } from "../audit/audit";
import type { Database } from "../db/client";
import { applicationAttachments, applications, files, postTypes, users } from "../db/schema";
import { todayIso } from "../format/date";
import { logger } from "../logger";
import { isUuid } from "../validation";
import { applicationPerimeter, assertStaff, staffActor, type StaffMember } from "./access";
import { filteredApplications } from "./applications";
import { csvFile, room } from "./csv";
import { exportColumns, exportLine, type ExportPerson, type ExportRow } from "./export-columns";
import { applicationFiltersQuery, type ApplicationFilters } from "./list-filters";

/**
 * Exports of the staff list, streamed: rows are read through a cursor, turned into lines and
 * written as they come, so memory stays flat on 150 000 applications. CSV for French Excel
 * (UTF-8 with BOM, ";"), or XLSX with a streaming writer.
 */

export type ExportFormat = "csv" | "xlsx";
export type ExportSource = { filters: ApplicationFilters } | { ids: string[] };

const batchSize = 1000;

const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));
const asDateOrNull = (value: Date | string | null) => (value === null ? null : asDate(value));

type StreamedRow = {
  id: string; userId: string; postTypeId: string; status: ApplicationDetail["status"]; rqth: ApplicationDetail["rqth"];
  university: string | null; component: string | null; program: string | null; curriculum: string | null; level: string | null; ine: string | null;
  submittedAt: Date | string; validUntil: string; renewalNoticeSentAt: Date | string | null; renewalReminderSentAt: Date | string | null;
  postTypeLabel: string; requiresTeachingType: boolean; requiresZone: boolean; requiresWorkingTime: boolean; requiresUniversity: boolean;
  /** Comma-separated, ids and ranks in the same order (`rankedChoiceIds`). */
  teachingTypes: string | null; zones: string | null; workingTimes: string | null;
  teachingTypeRanks: string | null; zoneRanks: string | null; workingTimeRanks: string | null;
  /** Comma-separated, in the same order: a given file's attachment type and id. */
  attachedTypes: string | null; attachedFiles: string | null;
} & { [K in keyof ExportPerson as `person_${K}`]: ExportPerson[K] };

function attachedFiles(types: string | null, fileIds: string | null): { attachmentTypeId: string; file: { id: string } }[] {
  if (!types) return [];
  const ids = fileIds!.split(",");
  return types.split(",").map((attachmentTypeId, index) => ({ attachmentTypeId, file: { id: ids[index]! } }));
}

/** The next batch is asked of the database while this one is written: the two overlap. */
async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  // postgres.js's cursor answers a finished query with a plain `{ done: true }`, not a promise.
  let next = Promise.resolve(iterator.next());
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = Promise.resolve(iterator.next());
      yield current.value;
    }
  } finally {
    // Stopped early (a cancelled download): let the pending read settle, then close the cursor.
    await next.catch(() => undefined);
    await iterator.return?.();
  }
}

/**
 * The rows to export, batch after batch, oldest application first: one query, read through a
 * cursor (memory bounded by a batch whatever the list's size), whose rows carry their ranked
 * choices and given files as comma-separated ids, aggregated in one pass per table — not one
 * subquery per row, nor seven queries per batch (3× slower). Each row becomes the
 * ApplicationDetail the pages read (`applicationDetail`: slots and completeness from one place).
 */
export async function* exportBatches(db: Database, staff: StaffMember, source: ExportSource): AsyncGenerator<ExportRow[]> {
  assertStaff(staff);
  if ("ids" in source && !source.ids.some(isUuid)) return;
  const where = "ids" in source ? and(inUuids(applications.id, source.ids.filter(isUuid)), applicationPerimeter(staff)) : filteredApplications(staff, source.filters);
  const [types, labels] = await Promise.all([loadAttachmentTypes(db), loadChoiceLabels(db)]);
  // A filtered list aggregates only its own applications' choices; the whole list, every row once.
  const among = where ? sql`select ${applications.id} from ${applications} join ${users} on ${users.id} = ${applications.userId} where ${where}` : undefined;
  const query = new PgDialect().sqlToQuery(sql`
    select ${applications.id} as "id", ${applications.userId} as "userId", ${applications.postTypeId} as "postTypeId", ${applications.status} as "status",
           ${applications.rqth} as "rqth", ${applications.university} as "university", ${applications.component} as "component",
           ${applications.program} as "program", ${applications.curriculum} as "curriculum", ${applications.level} as "level", ${applications.ine} as "ine",
           ${applications.submittedAt} as "submittedAt", ${applications.validUntil} as "validUntil",
           ${applications.renewalNoticeSentAt} as "renewalNoticeSentAt", ${applications.renewalReminderSentAt} as "renewalReminderSentAt",
           ${postTypes.label} as "postTypeLabel", ${postTypes.requiresTeachingType} as "requiresTeachingType", ${postTypes.requiresZone} as "requiresZone",
           ${postTypes.requiresWorkingTime} as "requiresWorkingTime", ${postTypes.requiresUniversity} as "requiresUniversity",
           teaching.ids as "teachingTypes", teaching.ranks as "teachingTypeRanks", wished_zones.ids as "zones", wished_zones.ranks as "zoneRanks",
           wished_times.ids as "workingTimes", wished_times.ranks as "workingTimeRanks",
           given.types as "attachedTypes", given.files as "attachedFiles",
           ${users.civility} as "person_civility", ${users.usageName} as "person_usageName", ${users.birthName} as "person_birthName",
           ${users.firstName} as "person_firstName", ${users.birthDate} as "person_birthDate", ${users.identifier} as "person_identifier",
           ${users.email} as "person_email", ${users.phone} as "person_phone"
    from ${applications}
    join ${postTypes} on ${postTypes.id} = ${applications.postTypeId}
    join ${users} on ${users.id} = ${applications.userId}
    left join (${rankedChoiceIds("teachingTypes", among)}) teaching on teaching.application_id = ${applications.id}
    left join (${rankedChoiceIds("zones", among)}) wished_zones on wished_zones.application_id = ${applications.id}
    left join (${rankedChoiceIds("workingTimes", among)}) wished_times on wished_times.application_id = ${applications.id}
    left join (
      select ${applicationAttachments.applicationId} as application_id, string_agg(${applicationAttachments.attachmentTypeId}::text, ',') as types, string_agg(${files.id}::text, ',') as files
      from ${applicationAttachments} join ${files} on ${files.id} = ${applicationAttachments.fileId} and ${files.status} = 'ready'
      ${among ? sql`where ${applicationAttachments.applicationId} in (${among})` : sql``}
      group by ${applicationAttachments.applicationId}
    ) given on given.application_id = ${applications.id}
    where ${where ?? sql`true`}
    order by ${applications.submittedAt}, ${applications.id}`);
  const cursor = db.$client.unsafe<StreamedRow[]>(query.sql, query.params as never[]).cursor(batchSize);
  for await (const rows of readAhead(cursor)) {
    yield rows.map((row) => ({
      application: applicationDetail(
        {
          application: {
            ...row,
            submittedAt: asDate(row.submittedAt),
            renewalNoticeSentAt: asDateOrNull(row.renewalNoticeSentAt),
            renewalReminderSentAt: asDateOrNull(row.renewalReminderSentAt),
          },
          postTypeLabel: row.postTypeLabel,
          requirements: { teachingType: row.requiresTeachingType, zone: row.requiresZone, workingTime: row.requiresWorkingTime, university: row.requiresUniversity },
          chosen: {
            teachingTypes: rankedOptions(row.teachingTypes, row.teachingTypeRanks, labels.teachingTypes),
            zones: rankedOptions(row.zones, row.zoneRanks, labels.zones),
            workingTimes: rankedOptions(row.workingTimes, row.workingTimeRanks, labels.workingTimes),
          },
          attached: attachedFiles(row.attachedTypes, row.attachedFiles),
        },
        types,
      ),
      person: {
        civility: row.person_civility,
        usageName: row.person_usageName,
        birthName: row.person_birthName,
        firstName: row.person_firstName,
        birthDate: row.person_birthDate,
        identifier: row.person_identifier,
        email: row.person_email,
        phone: row.person_phone,
      },
    }));
  }
}

export type ExportFile = { fileName: string; contentType: string; stream: Readable };

/**
 * The file in 64 Kio chunks rather than one per row: each chunk crosses the web stream, the
 * response compression and the socket once (150 000 one-row chunks made the HTTP download four
 * times slower than producing the file). Back-pressure and cancellation go through `pipeline`:
 * a cancelled download destroys `source`, and the producer stops reading the database.
 */
function inChunks(source: Readable, size = 65_536): Readable {
  let held: Buffer[] = [];
  let length = 0;
  const chunks = new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      held.push(bytes);
      length += bytes.length;
      if (length >= size) {
        this.push(Buffer.concat(held, length));
        held = [];
        length = 0;
      }
      done();
    },
    flush(done) {
      if (length > 0) this.push(Buffer.concat(held, length));
      done();
    },
  });
  // Errors are logged where they happen (the producer); a cancelled download needs no log.
  return pipeline(source, chunks, () => {});
}

type Sink = NodeJS.WritableStream & { destroyed: boolean; writableNeedDrain?: boolean; _writableState?: { needDrain: boolean } };

/**
 * Where a streamed ExcelJS sheet writes: its stream's one pipe, the zip's entry (archiver's
 * PassThrough of readable-stream 2, which has no `writableNeedDrain`: its state says it).
 */
export function compressorOf(sheet: ExcelJS.Worksheet): Sink | undefined {
  return (sheet as unknown as { stream?: { pipes?: Sink[] } }).stream?.pipes?.[0];
}

export const behind = (sink: Sink): boolean => sink.writableNeedDrain ?? sink._writableState?.needDrain ?? false;

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
    const lines = (async function* () {
      for await (const batch of batches) yield batch.map((row) => exportLine(columns, row));
    })();
    return { fileName: `${baseName}.csv`, contentType: "text/csv; charset=utf-8", stream: csvFile(columns.map((column) => column.header), lines, "export.failed") };
  }
  const output = new PassThrough();
  void (async () => {
    try {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
      // One style object for every data cell: ExcelJS recognises a style it has registered by
      // identity, and gave each cell a new empty one, re-derived each time (a third of the
      // XLSX export's CPU).
      const plain: Partial<ExcelJS.Style> = {};
      const sheet = workbook.addWorksheet("Candidatures", { views: [{ state: "frozen", ySplit: 1 }] });
      sheet.columns = columns.map((column) => ({ header: column.header, key: column.header, width: column.width }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
      for await (const batch of batches) {
        if (output.destroyed) return; // the download was cancelled
        for (const row of batch) {
          const added = sheet.addRow(exportLine(columns, row));
          added.eachCell((cell) => {
            cell.style = plain;
          });
          added.commit();
        }
        // ExcelJS hands the sheet's XML to the zip's compressor without heeding back-pressure:
        // rows made faster than zlib deflates them piled up uncompressed (321–379 Mo of buffers
        // for 150 000 rows). Wait for the zip to take them, unless either stream is gone: room()
        // answers at once for a destroyed stream, which must then end the loop, not spin it.
        const compressor = compressorOf(sheet);
        while (compressor && behind(compressor) && !compressor.destroyed && !output.destroyed) await room(compressor, output);
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
    stream: inChunks(output),
  };
}
