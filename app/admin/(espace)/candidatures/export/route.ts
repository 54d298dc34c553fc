import { Readable } from "node:stream";
import { staffForRoute } from "@/app/_data/session";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { maxBulkApplications } from "@/lib/staff/decisions";
import { exportApplications, type ExportSource } from "@/lib/staff/exports";
import { parseApplicationFilters } from "@/lib/staff/list-filters";

/** Streams can take minutes on a whole académie. */
export const maxDuration = 300;

const plain = (status: number, message: string) => new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * A form of this site, not another site's page: an export (RQTH included when ticked) is
 * written to the journal in the staff member's name, so no foreign page may trigger one.
 */
function fromThisSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin) return origin === new URL(env().APP_URL).origin || origin === new URL(request.url).origin;
  return request.headers.get("sec-fetch-site") === "same-origin";
}

/**
 * "Exporter": the filtered list (the list's filters, in `query`), or with `scope=selection`
 * the checked candidatures (500 at most). CSV for French Excel or XLSX, streamed.
 */
export async function POST(request: Request) {
  const staff = await staffForRoute("/admin/candidatures");
  if (staff instanceof Response) return staff;
  if (!fromThisSite(request)) return plain(403, "Export refusé : la demande ne vient pas de la plateforme.");
  const form = await request.formData().catch(() => null);
  if (!form) return plain(400, "Formulaire illisible.");
  const source: ExportSource =
    form.get("scope") === "selection"
      ? { ids: form.getAll("ids").map(String).slice(0, maxBulkApplications) }
      : { filters: parseApplicationFilters(new URLSearchParams(String(form.get("query") ?? "").slice(0, 4000))) };
  const file = await exportApplications(getDb(), staff, source, { format: form.get("format") === "xlsx" ? "xlsx" : "csv", includeRqth: form.get("rqth") === "1" });
  return new Response(Readable.toWeb(file.stream) as ReadableStream, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
