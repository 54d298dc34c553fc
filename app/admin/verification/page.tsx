import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireStaffSession, safeNextPath, staffHome } from "@/app/_data/session";
import { PageTitle } from "@/components/ui/page-title";
import { getDb } from "@/lib/db/client";
import { factorOverview } from "@/lib/staff/factors";
import { logout } from "@/app/actions";
import { CodeVerification, PasskeyVerification } from "./forms";

export const metadata: Metadata = { title: "Vérification en deux étapes" };

/** After the password: the second factor, before anything of the staff space opens. */
export default async function VerificationPage({ searchParams }: { searchParams: Promise<{ suivant?: string; reconfirmer?: string }> }) {
  const [{ staff, gate }, params] = await Promise.all([requireStaffSession(), searchParams]);
  const target = safeNextPath(params.suivant, staffHome);
  const next = target.startsWith("/admin") ? target : staffHome;
  const reconfirming = gate === "ok" && params.reconfirmer !== undefined;
  if (gate === "ok" && !reconfirming) redirect(next);
  if (gate === "enrol") redirect(`/admin/securite?suivant=${encodeURIComponent(next)}`);
  const factors = await factorOverview(getDb(), staff);
  return (
    <div className="max-w-xl space-y-8">
      <PageTitle>{reconfirming ? "Confirmez votre identité" : "Vérification en deux étapes"}</PageTitle>
      <p>
        {reconfirming
          ? `Avant de modifier vos clés d'accès, votre application ou vos codes de secours, confirmez que c'est bien vous (${staff.label}).`
          : `Votre mot de passe est correct. Confirmez maintenant que c'est bien vous (${staff.label}).`}
      </p>
      {factors.passkeys.length ? (
        <section aria-labelledby="cle" className="space-y-3">
          <h2 id="cle" className="text-xl font-bold">
            Avec votre clé d&apos;accès
          </h2>
          <PasskeyVerification next={next} />
        </section>
      ) : null}
      {factors.totp ? (
        <section aria-labelledby="application" className="space-y-3 border-t border-line pt-6">
          <h2 id="application" className="text-xl font-bold">
            Avec votre application d&apos;authentification
          </h2>
          <CodeVerification method="totp" next={next} />
        </section>
      ) : null}
      <details className="border-t border-line pt-6">
        <summary className="min-h-11 cursor-pointer font-medium text-france underline">Vous n&apos;avez plus votre appareil ? Utiliser un code de secours</summary>
        <div className="mt-4 space-y-3">
          <CodeVerification method="recovery" next={next} />
          <p className="text-sm text-muted">
            Plus de codes de secours ? Un administrateur peut réinitialiser votre double authentification depuis la page Équipe ; vous la configurerez de nouveau à la
            connexion suivante.
          </p>
        </div>
      </details>
      <p className="text-sm text-muted">Par sécurité, la session se ferme après cinq codes erronés.</p>
      <form action={logout}>
        <button type="submit" className="min-h-11 text-france underline">
          Se déconnecter
        </button>
      </form>
    </div>
  );
}
