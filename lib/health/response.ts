import type { HealthReport } from "./check";

/** 200 when everything answers, 503 otherwise; never cached. */
export function healthResponse(report: HealthReport): Response {
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
