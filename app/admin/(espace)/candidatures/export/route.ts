import { Readable } from "node:stream";
import { staffForRoute } from "@/app/_data/session";
import { getDb } from "@/lib/db/client";
import { filteredApplicationIds } from "@/lib/staff/applications";
import { maxBulkApplications } from "@/lib/staff/decisions";
import { exportApplications, type ExportFormat, type ExportSource } from "@/lib/staff/exports";
import { parseApplicationFilters } from "@/lib/staff/list-filters";

/** Streams can take minutes on a whole académie. */
export const maxDuration = 300;

function download(file: { fileName: string; contentType: string; stream: Readable }): Response {
  return new Response(Readable.toWeb(file.stream) as ReadableStream, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}

const formatOf = (value: unknown): ExportFormat => (value === "xlsx" ? "xlsx" : "csv");

/** The filtered list (the filters of the list page, in the query string). */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const staff = await staffForRoute(`/admin/candidatures?${url.searchParams}`);
  if (staff instanceof Response) return staff;
  const filters = parseApplicationFilters(url.searchParams);
  return download(
    await exportApplications(getDb(), staff, { filters }, { format: formatOf(url.searchParams.get("format")), includeRqth: url.searchParams.get("rqth") === "1" }),
  );
}

/** The bulk actions' "Exporter": the checked candidatures, or the whole filtered list (500 at most there too). */
export async function POST(request: Request) {
  const staff = await staffForRoute("/admin/candidatures");
  if (staff instanceof Response) return staff;
  const form = await request.formData().catch(() => null);
  if (!form) return new Response("Formulaire illisible.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  let source: ExportSource;
  if (form.get("scope") === "liste") {
    const filters = parseApplicationFilters(new URLSearchParams(String(form.get("query") ?? "")));
    source = { ids: await filteredApplicationIds(getDb(), staff, filters, maxBulkApplications) };
  } else {
    source = { ids: form.getAll("ids").map(String).slice(0, maxBulkApplications) };
  }
  return download(await exportApplications(getDb(), staff, source, { format: formatOf(form.get("format")), includeRqth: form.get("rqth") === "1" }));
}
