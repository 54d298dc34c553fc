import type { Metadata } from "next";
import { requireAdmin } from "@/app/_data/session";
import { getRequestSettings } from "@/app/_data/settings";
import { PageTitle } from "@/components/ui/page-title";
import { getDb } from "@/lib/db/client";
import { listCampaigns } from "@/lib/referentials/campaigns";
import { editableSettings, settingDefinitions } from "@/lib/settings/definitions";
import { saveCampaign, saveSecondFactor, saveSettings } from "./actions";
import { CampaignForm, SecondFactorForm, SettingsForm } from "./forms";

export const metadata: Metadata = { title: "Paramètres" };

const kinds: Partial<Record<(typeof editableSettings)[number], "email" | "number">> = {
  platformContactEmail: "email",
  campaignContactEmail: "email",
  validityMonths: "number",
  graceDays: "number",
  reminderDaysBeforeDeletion: "number",
  maxZoneWishes: "number",
  maxWorkingTimeWishes: "number",
  unverifiedAccountDays: "number",
  inactiveAccountMonths: "number",
  closedApplicationMonths: "number",
};

const hints: Partial<Record<(typeof editableSettings)[number], string>> = {
  platformName: "Dans le titre des pages et l'objet de chaque courriel (le guide demande aux candidats de le chercher).",
  graceDays: "Entre le courriel de renouvellement et la suppression d'une candidature sans réponse.",
  reminderDaysBeforeDeletion: "La relance part ce nombre de jours avant la suppression : moins que le délai de réponse.",
  validityMonths: "Pour les candidatures déposées ou maintenues à partir de maintenant.",
  unverifiedAccountDays: "Le compte est supprimé sans message : son adresse n'a jamais été confirmée.",
  inactiveAccountMonths: "Depuis la dernière connexion. Un courriel prévient 30 jours avant ; se connecter conserve le compte.",
  closedApplicationMonths: "Depuis la décision ou le retrait. Un courriel prévient 30 jours avant la suppression.",
};

/** Business rules without a developer: every change validated, journaled, effective at once. */
export default async function ParametersPage() {
  await requireAdmin();
  const [settings, campaigns] = await Promise.all([getRequestSettings(), listCampaigns(getDb())]);
  const fields = editableSettings.map((key) => ({ key, label: settingDefinitions[key].label, kind: kinds[key] ?? ("text" as const), hint: hints[key] }));
  const saved = Object.fromEntries(editableSettings.map((key) => [key, String(settings[key])]));
  return (
    <div className="max-w-5xl space-y-10">
      <PageTitle>Paramètres</PageTitle>
      <section aria-labelledby="regles" className="space-y-4">
        <h2 id="regles" className="text-xl font-bold">
          Académie et règles de la plateforme
        </h2>
        <SettingsForm action={saveSettings} fields={fields} saved={saved} />
      </section>
      <section aria-labelledby="double-authentification" className="space-y-4 border-t border-line pt-6">
        <h2 id="double-authentification" className="text-xl font-bold">
          Double authentification de l&apos;équipe
        </h2>
        <p>
          Une clé d&apos;accès, ou un code d&apos;application après le mot de passe. Là où elle est obligatoire, un membre de l&apos;équipe qui n&apos;en a pas configuré est
          conduit à le faire avant toute autre page.
        </p>
        <SecondFactorForm action={saveSecondFactor} admins={settings.secondFactorForAdmins} gestionnaires={settings.secondFactorForGestionnaires} />
      </section>
      <section aria-labelledby="campagnes" className="space-y-4 border-t border-line pt-6">
        <h2 id="campagnes" className="text-xl font-bold">
          Campagnes de recrutement
        </h2>
        {campaigns.map((campaign) => (
          <CampaignForm key={campaign.id} action={saveCampaign.bind(null, campaign.id)} label={campaign.label} open={campaign.open} message={campaign.message ?? ""} />
        ))}
      </section>
    </div>
  );
}
