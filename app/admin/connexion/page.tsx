import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser, safeNextPath, staffHome } from "@/app/_data/session";
import { LoginForm } from "@/app/(public)/login-form";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";
import { staffAbsoluteHours, staffIdleMinutes } from "@/lib/staff/sessions";

export const metadata: Metadata = { title: "Connexion de l'équipe de recrutement" };

/**
 * The staff sign-in (the home page's form works too). Candidates have nothing under /admin:
 * a 404 here as everywhere else in it.
 */
export default async function StaffSignInPage({ searchParams }: { searchParams: Promise<{ suivant?: string; active?: string }> }) {
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
      <LoginForm next={next} />
    </div>
  );
}
