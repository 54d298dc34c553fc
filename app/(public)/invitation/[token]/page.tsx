import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";
import { getDb } from "@/lib/db/client";
import { describeInvitation, invitationFailures } from "@/lib/staff/team";
import { InvitationForm } from "./invitation-form";

export const metadata: Metadata = { title: "Activer votre accès à l'espace de gestion" };

/** Reached from the invitation mail. A GET changes nothing; choosing the password uses the link. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await describeInvitation(getDb(), token);
  return (
    <div className="max-w-xl space-y-6">
      <PageTitle>Activer votre accès</PageTitle>
      {invitation.ok ? (
        <InvitationForm token={token} email={invitation.email} />
      ) : (
        <>
          <Alert tone={invitation.reason === "used" ? "info" : "error"} role="alert">
            {invitationFailures[invitation.reason]}
          </Alert>
          <Link href="/admin/connexion" className="inline-flex min-h-11 items-center text-france underline">
            Connexion à l&apos;espace de gestion
          </Link>
        </>
      )}
    </div>
  );
}
