"use server";

import { formInput, formState, serverAction } from "@/app/_data/action";
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { after } from "next/server";
import { getDb } from "@/lib/db/client";
import { isReferentialKind, referentialCatalog, type ReferentialKind } from "@/lib/referentials/catalog";
import { applyZonesImport, moveReferentialEntry, previewZonesImport, refreshCompletenessOfPostTypes, saveReferentialEntry, setReferentialActive, type ZoneImportResult } from "@/lib/referentials/referentials";
import { decodeCsv, zonesCsvMaxBytes } from "@/lib/referentials/zones-csv";
import { idSchema } from "@/lib/validation";

export type EntryFormState = { ok?: boolean; message?: string; errors: Partial<Record<string, string>>; values?: Record<string, string>; attempt: number };

function kindOf(value: unknown): ReferentialKind {
  if (typeof value !== "string" || !isReferentialKind(value)) notFound();
  return value;
}

/** Completeness of every application of these post types, after the response (150 000 rows are not one request's work). */
function refreshLater(postTypeIds: string[] | undefined) {
  if (postTypeIds?.length) after(() => refreshCompletenessOfPostTypes(getDb(), postTypeIds).then(() => undefined));
}

/** "Ajouter" (id null) or "Enregistrer" an entry: admins only, checked here and in lib. */
export const saveEntry = serverAction("admin", [z.unknown(), z.unknown(), formState<EntryFormState>(), formInput], async (admin, kindValue, idValue, previous, formData): Promise<EntryFormState> => {
  const kind = kindOf(kindValue);
  const id = idValue === null ? null : idSchema.safeParse(idValue);
  if (id && !id.success) notFound();
  const values = Object.fromEntries(referentialCatalog[kind].fields.map((field) => [field.name, String(formData.get(field.name) ?? "").slice(0, 400)]));
  const attempt = previous.attempt + 1;
  const result = await saveReferentialEntry(admin, kind, id ? id.data : null, values);
  if (!result.ok && "notFound" in result) notFound();
  if (!result.ok) return { errors: result.errors, values, attempt };
  refreshLater(result.refresh);
  revalidatePath("/admin/referentiels", "layout");
  const label = values.label?.trim();
  return { ok: true, message: id ? "Modifications enregistrées : elles valent dès maintenant pour les candidats." : `« ${label} » ajouté en fin de liste.`, errors: {}, attempt };
});

/** "Désactiver" / "Réactiver", from a confirmation dialog. */
export const toggleEntry = serverAction("admin", [formInput], async (admin, formData): Promise<void> => {
  const kind = kindOf(formData.get("kind"));
  const id = idSchema.safeParse(formData.get("id"));
  if (!id.success) notFound();
  const active = formData.get("actif") === "oui";
  const result = await setReferentialActive(admin, kind, id.data, active);
  if (!result.ok) notFound();
  refreshLater(result.refresh);
  revalidatePath("/admin/referentiels", "layout");
  redirect(`/admin/referentiels/${kind}/${id.data}?${active ? "reactive=1" : "desactive=1"}`);
});

/** "Monter" / "Descendre"; the page comes back with focus on the same button of the moved row. */
export const moveEntry = serverAction("admin", [formInput], async (admin, formData): Promise<void> => {
  const kind = kindOf(formData.get("kind"));
  const id = idSchema.safeParse(formData.get("id"));
  if (!id.success) notFound();
  const up = formData.get("sens") === "haut";
  const result = await moveReferentialEntry(admin, kind, id.data, up ? -1 : 1);
  if (!result.ok) notFound();
  revalidatePath("/admin/referentiels", "layout");
  redirect(`/admin/referentiels/${kind}?deplace=${id.data}&sens=${up ? "haut" : "bas"}`);
});

export type ZonesImportState = ZoneImportResult & { content?: string; applied?: boolean; message?: string; attempt: number };

/**
 * The zones import, in two steps sharing one form state: "Aperçu" reads the file and says line
 * by line what importing would do, writing nothing; "Importer" applies the previewed content,
 * checked again (all lines or none).
 */
export const importZones = serverAction("admin", [formState<ZonesImportState>(), formInput], async (admin, previous, formData): Promise<ZonesImportState> => {
  const attempt = previous.attempt + 1;
  if (formData.get("etape") === "importer") {
    const content = formData.get("contenu");
    if (typeof content !== "string" || content.length === 0 || content.length > zonesCsvMaxBytes) return { ok: false, lines: [], errors: [{ line: 0, message: "Faites d'abord l'aperçu du fichier." }], attempt };
    const result = await applyZonesImport(admin, content);
    if (!result.ok) return { ...result, attempt };
    revalidatePath("/admin/referentiels", "layout");
    const changed = result.lines.filter((line) => line.outcome !== "inchangée").length;
    const plural = changed > 1 ? "s" : "";
    return { ...result, applied: true, message: changed === 0 ? "Import terminé : aucune zone ne changeait." : `Import terminé : ${changed} zone${plural} ajoutée${plural} ou mise${plural} à jour, inscrit au journal.`, attempt };
  }
  const file = formData.get("fichier");
  if (!(file instanceof File) || file.size === 0) return { ok: false, lines: [], errors: [{ line: 0, message: "Choisissez un fichier CSV." }], attempt };
  if (file.size > zonesCsvMaxBytes) return { ok: false, lines: [], errors: [{ line: 0, message: "Le fichier dépasse 200 Ko : découpez-le." }], attempt };
  const content = decodeCsv(new Uint8Array(await file.arrayBuffer()));
  const plan = await previewZonesImport(getDb(), admin, content);
  return { ...plan, content: plan.ok ? content : undefined, attempt };
});
