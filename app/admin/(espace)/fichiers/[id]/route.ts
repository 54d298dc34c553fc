import { downloadResponse } from "@/app/_data/downloads";
import { notFoundResponse, staffForRoute } from "@/app/_data/session";
import { getDb } from "@/lib/db/client";
import { openFileAsStaff } from "@/lib/staff/files";
import { getStorage } from "@/lib/storage/client";
import { openDownload } from "@/lib/uploads/uploads";

/**
 * A candidate's file opened by staff: logged (who, which file, when, from where), then a
 * redirect to a presigned GET valid one minute. Outside the staff member's perimeter: 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await staffForRoute(`/admin/fichiers/${id}`);
  if (staff instanceof Response) return staff;
  const file = await openFileAsStaff(getDb(), staff, id);
  if (!file) return notFoundResponse("Fichier introuvable.");
  return downloadResponse(await openDownload(getStorage(), file));
}
