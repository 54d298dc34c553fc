import type { Metadata } from "next";
import { getRequestSettings } from "@/app/_data/settings";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Déclaration d'accessibilité" };

export default async function AccessibilityPage() {
  const settings = await getRequestSettings();
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle>Déclaration d&apos;accessibilité</PageTitle>
      <p>
        L&apos;{settings.academyName.replace(/^Académie/, "académie")} s&apos;engage à rendre ses services numériques
        accessibles, conformément à l&apos;article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration
        s&apos;applique à la plateforme de recrutement des AESH.
      </p>
      <section aria-labelledby="etat" className="space-y-2">
        <h2 id="etat" className="text-xl font-bold">
          État de conformité
        </h2>
        <p>
          La plateforme est <strong>non conforme</strong> au référentiel général d&apos;amélioration de
          l&apos;accessibilité (RGAA) : aucun audit n&apos;a encore été réalisé. Elle est pourtant conçue pour
          l&apos;être : formulaires aux libellés visibles, erreurs annoncées aux lecteurs d&apos;écran, navigation au
          clavier, contrastes suffisants, pages utilisables sur téléphone. Chaque page est vérifiée automatiquement avec
          l&apos;outil axe-core à chaque modification.
        </p>
      </section>
      <section aria-labelledby="retour" className="space-y-2">
        <h2 id="retour" className="text-xl font-bold">
          Retour d&apos;information et contact
        </h2>
        <p>
          Si vous n&apos;arrivez pas à accéder à un contenu ou à un service, écrivez à{" "}
          <a className="text-france underline" href={`mailto:${settings.platformContactEmail}`}>
            {settings.platformContactEmail}
          </a>{" "}
          : nous vous proposerons une autre façon d&apos;y accéder ou d&apos;obtenir l&apos;information.
        </p>
      </section>
      <section aria-labelledby="recours" className="space-y-2">
        <h2 id="recours" className="text-xl font-bold">
          Voies de recours
        </h2>
        <p>
          Si, après nous avoir signalé un défaut d&apos;accessibilité, vous n&apos;avez pas obtenu de réponse
          satisfaisante, vous pouvez saisir le Défenseur des droits : par le formulaire en ligne sur le site du Défenseur
          des droits, auprès de l&apos;un de ses délégués dans votre région, ou par courrier postal (gratuit, sans
          timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.
        </p>
      </section>
    </div>
  );
}
