import { Readable } from "node:stream";
import { notFoundResponse, staffForRoute } from "@/app/_data/session";
import { getDb } from "@/lib/db/client";
import { buildDossier, DossierStorageUnavailable } from "@/lib/staff/dossier";
import { getStorage } from "@/lib/storage/client";

export const maxDuration = 300;

/** "Télécharger le dossier": a ZIP streamed from storage (logged as one opening of every file). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await staffForRoute(`/admin/candidatures/${id}`);
  if (staff instanceof Response) return staff;
  const dossier = await buildDossier({ db: getDb(), storage: getStorage() }, staff, id).catch((error: unknown) => {
    if (error instanceof DossierStorageUnavailable) return "unavailable" as const;
    throw error;
  });
  if (dossier === "unavailable") {
    return new Response("Le dossier ne peut pas être préparé : le stockage des fichiers ne répond pas. Réessayez dans quelques minutes.", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "60" },
    });
  }
  if (!dossier) return notFoundResponse("Candidature introuvable.");
  return new Response(Readable.toWeb(dossier.stream) as ReadableStream, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="dossier.zip"; filename*=UTF-8''${encodeURIComponent(dossier.fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
