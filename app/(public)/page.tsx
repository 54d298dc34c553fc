import { getRequestSettings } from "@/app/_data/settings";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";

export default async function HomePage() {
  const settings = await getRequestSettings();
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <p className="text-sm font-bold uppercase text-france">{settings.serviceName}</p>
        <PageTitle>Recrutement des accompagnants des élèves en situation de handicap (AESH)</PageTitle>
        <p className="max-w-3xl text-lg">
          Bienvenue sur la plateforme de candidature aux fonctions d&apos;AESH de l&apos;
          {settings.academyName.replace(/^Académie/, "académie")}. Les AESH accompagnent, à l&apos;école, au collège et
          au lycée, les élèves en situation de handicap.
        </p>
      </div>

      <section className="max-w-3xl">
        <Alert tone="info" title="Avant de commencer">
          <ul className="list-disc space-y-1 pl-5">
            <li>
              Préparez vos documents au format <strong>PDF</strong> : pièce d&apos;identité, et si vous le souhaitez CV,
              lettre de motivation et diplômes.
            </li>
            <li>
              Chaque fichier doit peser <strong>20 Mo au maximum</strong>. Un diplôme peut aussi être photographié avec
              votre téléphone.
            </li>
            <li>Chaque candidature est valable 6 mois et peut être prolongée à votre demande.</li>
          </ul>
        </Alert>
      </section>

      <section aria-labelledby="etapes" className="max-w-3xl space-y-3">
        <h2 id="etapes" className="text-xl font-bold">
          Les étapes de votre candidature
        </h2>
        <ol className="list-decimal space-y-2 pl-6">
          <li>
            <strong>Connexion</strong> : créez votre compte (avec ou sans adresse électronique) puis connectez-vous.
          </li>
          <li>
            <strong>Candidatures</strong> : indiquez le type de poste, vos zones géographiques et vos quotités de travail
            souhaitées, puis déposez les pièces jointes demandées.
          </li>
          <li>
            <strong>Suivi de la candidature</strong> : consultez son statut et sa date de validité ; à l&apos;issue des 6
            mois, un courriel vous demande si vous souhaitez la maintenir.
          </li>
          <li>
            <strong>Diplômes</strong> : renseignez vos diplômes et joignez-en une copie pour accélérer l&apos;étude de
            votre dossier.
          </li>
        </ol>
      </section>
    </div>
  );
}
