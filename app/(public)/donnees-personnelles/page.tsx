import type { Metadata } from "next";
import { getRequestSettings } from "@/app/_data/settings";
import { deliveredMailRetentionDays, retentionNoticeDays } from "@/lib/retention/periods";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Données personnelles" };

export default async function PersonalDataPage() {
  const settings = await getRequestSettings();
  const academy = settings.academyName.replace(/^Académie/, "académie");
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle>Données personnelles</PageTitle>
      <section aria-labelledby="finalite" className="space-y-2">
        <h2 id="finalite" className="text-xl font-bold">
          Pourquoi nous traitons vos données
        </h2>
        <p>
          Les informations que vous saisissez servent uniquement à instruire votre candidature aux fonctions
          d&apos;accompagnant des élèves en situation de handicap (AESH) et à vous contacter à son sujet. Le responsable
          du traitement est l&apos;{academy}, dans le cadre de sa mission de recrutement (article 6-1-e du RGPD : mission
          d&apos;intérêt public).
        </p>
      </section>
      <section aria-labelledby="donnees" className="space-y-2">
        <h2 id="donnees" className="text-xl font-bold">
          Quelles données, pour combien de temps
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>Votre identité et vos coordonnées, vos diplômes et les pièces jointes que vous déposez.</li>
          <li>
            Vos vœux (zones géographiques, quotités, type de poste) et votre inscription universitaire si vous en avez
            une.
          </li>
          <li>
            La reconnaissance de la qualité de travailleur handicapé (RQTH), seulement si vous choisissez de
            l&apos;indiquer : c&apos;est une donnée de santé, visible des seuls gestionnaires du recrutement, qui sert à
            adapter votre accueil et votre poste.
          </li>
        </ul>
        <p>
          Une candidature est conservée {settings.validityMonths} mois et peut être prolongée à votre demande ; sans
          réponse de votre part au courriel de renouvellement, elle est supprimée avec ses pièces jointes. Vous pouvez
          supprimer votre compte à tout moment : vos données et vos fichiers sont alors effacés, ainsi que les
          courriels qui vous étaient destinés ; le journal des opérations de la plateforme n&apos;y garde ni votre nom,
          ni votre identifiant, ni votre adresse de connexion.
        </p>
        <p>Ce qui ne sert plus à un recrutement n&apos;est pas gardé :</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            un compte dont l&apos;adresse électronique n&apos;a jamais été confirmée est supprimé{" "}
            {settings.unverifiedAccountDays} jours après l&apos;inscription ;
          </li>
          <li>
            un compte qui n&apos;a servi à déposer aucune candidature est supprimé après {settings.inactiveAccountMonths} mois sans
            connexion ; un courriel vous prévient {retentionNoticeDays} jours avant, et il suffit de vous connecter pour le garder ;
          </li>
          <li>
            une candidature retenue, non retenue ou retirée est supprimée, avec ses pièces jointes,{" "}
            {settings.closedApplicationMonths} mois après la décision ou le retrait ; un courriel vous prévient{" "}
            {retentionNoticeDays} jours avant.
          </li>
        </ul>
        <p>
          Le contenu d&apos;un courriel que nous vous envoyons n&apos;est pas conservé : il est effacé dès que le
          message est parti ; sa trace (destinataire, objet, date d&apos;envoi) est supprimée au bout de{" "}
          {deliveredMailRetentionDays} jours.
        </p>
      </section>
      <section aria-labelledby="droits" className="space-y-2">
        <h2 id="droits" className="text-xl font-bold">
          Vos droits
        </h2>
        <p>
          Vous pouvez accéder à vos données, les rectifier, les effacer ou en limiter le traitement. Pour exercer ces
          droits, écrivez à{" "}
          <a className="text-france underline" href={`mailto:${settings.platformContactEmail}`}>
            {settings.platformContactEmail}
          </a>
          . Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL.
        </p>
        <p>Cette plateforme n&apos;utilise ni cookie publicitaire ni mesure d&apos;audience : seul un cookie de session, nécessaire à la connexion, est déposé.</p>
      </section>
    </div>
  );
}
