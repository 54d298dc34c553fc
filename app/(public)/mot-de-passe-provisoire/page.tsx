import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireCandidate } from "@/app/_data/session";
import { PageTitle } from "@/components/ui/page-title";
import { ProvisionalPasswordForm } from "./provisional-password-form";

export const metadata: Metadata = { title: "Choisir un nouveau mot de passe" };

/** After a staff-assisted reset: the temporary password must be replaced before anything else. */
export default async function ProvisionalPasswordPage() {
  const user = await requireCandidate({ provisionalPassword: "allowed" });
  if (!user.mustChangePassword) redirect("/tableau-de-bord");
  return (
    <div className="max-w-xl space-y-6">
      <PageTitle>Choisissez votre mot de passe</PageTitle>
      <p>
        Vous vous êtes connecté avec le mot de passe provisoire donné par le service de recrutement. Choisissez maintenant le vôtre :
        vous seul le connaîtrez.
      </p>
      <ProvisionalPasswordForm />
    </div>
  );
}
