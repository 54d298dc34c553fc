"use server";

import { formInput, formState, serverAction } from "@/app/_data/action";
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { setCampaign } from "@/lib/referentials/campaigns";
import { editableSettings } from "@/lib/settings/definitions";
import { updateSecondFactorSettings, updateSettings } from "@/lib/settings/edit";
import { idSchema } from "@/lib/validation";

export type ParametersState = { ok?: boolean; message?: string; errors: Partial<Record<string, string>>; values?: Record<string, string>; attempt: number };

/** "Enregistrer les paramètres": admins only (gestionnaires get a 404), checked here and in lib. */
export const saveSettings = serverAction("admin", [formState<ParametersState>(), formInput], async (staff, previous, formData): Promise<ParametersState> => {
  const values = Object.fromEntries(editableSettings.map((key) => [key, String(formData.get(key) ?? "").slice(0, 500)]));
  const attempt = previous.attempt + 1;
  const result = await updateSettings(staff, values);
  if (!result.ok) return { errors: result.errors, values, attempt };
  revalidatePath("/", "layout");
  const message =
    result.changed.length === 0
      ? "Aucun changement : les paramètres étaient déjà ceux-là."
      : `${result.changed.length === 1 ? "1 paramètre modifié" : `${result.changed.length} paramètres modifiés`}, en vigueur dès maintenant et inscrit${result.changed.length === 1 ? "" : "s"} au journal.`;
  return { ok: true, message, errors: {}, attempt };
});

export type CampaignState = { ok?: boolean; message?: string; error?: string; attempt: number };

/** Opens or closes one post type's campaign. */
export const saveCampaign = serverAction("admin", [z.unknown(), formState<CampaignState>(), formInput], async (staff, postTypeId, previous, formData): Promise<CampaignState> => {
  const id = idSchema.safeParse(postTypeId);
  if (!id.success) notFound();
  const attempt = previous.attempt + 1;
  const open = formData.get("ouverte") === "oui";
  const result = await setCampaign(staff, id.data, { open, message: String(formData.get("message") ?? "").slice(0, 2000) });
  if (!result.ok && "notFound" in result) notFound();
  if (!result.ok) return { error: result.error, attempt };
  revalidatePath("/", "layout");
  return { ok: true, message: open ? "Campagne ouverte : les candidats peuvent déposer une candidature." : "Campagne fermée : les candidats lisent votre message.", attempt };
});

export type SecondFactorState = { message?: string; error?: string; attempt: number };

/** "Double authentification": mandatory or not, per role. */
export const saveSecondFactor = serverAction("admin", [formState<SecondFactorState>(), formInput], async (staff, previous, formData): Promise<SecondFactorState> => {
  const attempt = previous.attempt + 1;
  const result = await updateSecondFactorSettings(staff, {
    secondFactorForAdmins: formData.get("administrateurs") === "on",
    secondFactorForGestionnaires: formData.get("gestionnaires") === "on",
  });
  if (!result.ok) return { error: Object.values(result.errors)[0], attempt };
  return {
    message: result.changed.length === 0 ? "Aucun changement." : "Enregistré et inscrit au journal : qui n'a pas de second facteur devra en ajouter un à sa prochaine page.",
    attempt,
  };
});
