import type { Metadata } from "next";
import Link from "next/link";
import { requireCandidate } from "@/app/_data/session";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "Mon tableau de bord" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ bienvenue?: string }> }) {
  const [user, params] = await Promise.all([requireCandidate(), searchParams]);
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle>Mon tableau de bord</PageTitle>
      {params.bienvenue ? (
        <Alert tone="success" role="status">
          Votre adresse électronique est confirmée : bienvenue dans votre espace candidat.
        </Alert>
      ) : null}
      <p className="text-lg">Bonjour {user.displayName},</p>
      <section aria-labelledby="suite" className="space-y-2">
        <h2 id="suite" className="text-xl font-bold">
          Et maintenant ?
        </h2>
        <p>
          Votre compte est prêt. Le dépôt des candidatures et des diplômes ouvrira prochainement sur cette plateforme :
          préparez dès maintenant votre pièce d&apos;identité et vos diplômes au format PDF (20 Mo au maximum chacun).
        </p>
        <p>
          Vérifiez vos informations personnelles dans{" "}
          <Link href="/compte" className="text-france underline">
            votre compte
          </Link>
          .
        </p>
      </section>
    </div>
  );
}
