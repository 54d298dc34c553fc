import "server-only";
import type { Download } from "@/lib/uploads/uploads";

const text = (body: string, status: number, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers } });

/** A file opened from a page: the one-minute link, or what went wrong, in French. */
export function downloadResponse(download: Download): Response {
  if ("url" in download) {
    return new Response(null, { status: 303, headers: { Location: download.url, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
  }
  if (download.problem === "missing") {
    return text("Ce fichier est enregistré mais introuvable dans le stockage. Déposez-le à nouveau, ou contactez le service si le problème persiste.", 404);
  }
  return text(
    "Le stockage des fichiers ne répond pas pour le moment : ce fichier ne peut pas être ouvert. Il n'est pas perdu ; réessayez dans quelques minutes.",
    503,
    { "Retry-After": "60" },
  );
}
