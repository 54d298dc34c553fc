import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser, safeNextPath, staffHome } from "@/app/_data/session";
import { LoginForm } from "@/app/(public)/login-form";
import { PasskeySignIn } from "./passkey-sign-in";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";
import { staffAbsoluteHours, staffIdleMinutes } from "@/lib/staff/sessions";

export const metadata: Metadata = { title: "Connexion de l'équipe de recrutement" };

/**
 * The staff sign-in (the home page's form works too). Candidates have nothing under /admin:
 * a 404 here as everywhere else in it.
 */
export default async function StaffSignInPage({ searchParams }: { searchParams: Promise<{ suivant?: string; active?: string; bloque?: string }> }) {
  const [user, params] = await Promise.all([getCurrentUser(), searchParams]);
  if (user?.role === "candidate") notFound();
  const next = params.suivant?.startsWith("/admin") ? safeNextPath(params.suivant, staffHome) : staffHome;
  if (user) redirect(next);
  return (
    <div className="max-w-xl space-y-6">
      <PageTitle>Espace de gestion</PageTitle>
      <p>
        Connexion réservée aux gestionnaires du recrutement des AESH. Par sécurité, la session se ferme après{" "}
        {staffIdleMinutes} minutes sans activité et au plus tard {staffAbsoluteHours} heures après la connexion.
      </p>
      {params.active ? (
        <Alert tone="success" role="status">
          Votre mot de passe est enregistré : connectez-vous pour accéder à l&apos;espace de gestion.
        </Alert>
      ) : null}
      {params.suivant ? (
        <Alert tone="info">Connectez-vous pour accéder à cette page de l&apos;espace de gestion.</Alert>
      ) : null}
      {params.bloque ? (
        <Alert tone="error" role="alert">
          Trop de codes erronés : par sécurité, la session a été fermée. Connectez-vous de nouveau.
        </Alert>
      ) : null}
      <section aria-labelledby="cle" className="space-y-3">
        <h2 id="cle" className="text-xl font-bold">
          Avec une clé d&apos;accès
        </h2>
        <p>La méthode recommandée : votre ordinateur, votre téléphone ou votre clé de sécurité vous reconnaît (code, empreinte ou visage), sans mot de passe.</p>
        <PasskeySignIn next={next} />
      </section>
      <section aria-labelledby="mot-de-passe" className="space-y-3 border-t border-line pt-6">
        <h2 id="mot-de-passe" className="text-xl font-bold">
          Avec votre mot de passe
        </h2>
        <p className="text-sm text-muted">Suivi de votre second facteur (clé d&apos;accès, application d&apos;authentification ou code de secours) si vous en avez un.</p>
        <LoginForm next={next} />
      </section>
    </div>
  );
}
