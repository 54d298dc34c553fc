import { downloadResponse } from "@/app/_data/downloads";
import { getCurrentUser } from "@/app/_data/session";
import { getDb } from "@/lib/db/client";
import { getStorage } from "@/lib/storage/client";
import { findOwnFile, openDownload } from "@/lib/uploads/uploads";
import { idSchema } from "@/lib/validation";

/**
 * A candidate's own file: a redirect to a presigned GET valid one minute. Anyone else's id,
 * like an unknown one, is a 404; storage that does not answer, a French 503.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  const { id } = await params;
  if (!user) {
    return new Response(null, { status: 303, headers: { Location: `/?suivant=${encodeURIComponent(`/fichiers/${id}`)}` } });
  }
  const fileId = idSchema.safeParse(id);
  const file = fileId.success && user.role === "candidate" ? await findOwnFile(getDb(), user.id, fileId.data) : null;
  if (!file) return new Response("Fichier introuvable.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return downloadResponse(await openDownload(getStorage(), file));
}
