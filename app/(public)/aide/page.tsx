import type { Metadata } from "next";
import { getRequestSettings } from "@/app/_data/settings";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Aide" };

export default async function HelpPage() {
  const settings = await getRequestSettings();
  return (
    <div className="max-w-3xl space-y-8">
      <PageTitle>Aide</PageTitle>

      <section aria-labelledby="documents" className="space-y-2">
        <h2 id="documents" className="text-xl font-bold">
          Préparer vos documents
        </h2>
        <p>
          Les pièces jointes sont acceptées au format PDF uniquement, 20 Mo au maximum par fichier. Pour créer un PDF à
          partir d&apos;un document ou d&apos;une image, vous pouvez utiliser la fonction « Imprimer » puis « Enregistrer
          au format PDF » de votre ordinateur ou de votre téléphone, ou un logiciel libre comme PDFCreator ou Scribus.
        </p>
      </section>

      <section aria-labelledby="validite" className="space-y-2">
        <h2 id="validite" className="text-xl font-bold">
          Durée de validité d&apos;une candidature
        </h2>
        <p>
          Chaque candidature est valable {settings.validityMonths} mois. Un courriel vous est envoyé à l&apos;issue de ces{" "}
          {settings.validityMonths} mois pour vous demander la suite que vous souhaitez lui donner. Si vous souhaitez
          maintenir votre candidature, il vous faudra répondre à ce courriel.
        </p>
        <p className="font-bold">Attention, en l&apos;absence de réponse, votre candidature sera supprimée.</p>
      </section>

      <section aria-labelledby="assistance" className="space-y-3">
        <h2 id="assistance" className="text-xl font-bold">
          Assistance
        </h2>
        <p>
          Pour demander des précisions quant au fonctionnement de la plateforme, vous pouvez écrire à cette adresse :{" "}
          <a className="text-france underline" href={`mailto:${settings.platformContactEmail}`}>
            {settings.platformContactEmail}
          </a>
        </p>
        <p>
          Pour demander des précisions quant à la campagne de recrutement des AESH, vous pouvez écrire à cette adresse :{" "}
          <a className="text-france underline" href={`mailto:${settings.campaignContactEmail}`}>
            {settings.campaignContactEmail}
          </a>
        </p>
      </section>
    </div>
  );
}
