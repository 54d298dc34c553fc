import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/app/_data/session";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageTitle } from "@/components/ui/page-title";
import { SubmitButton } from "@/components/ui/submit-button";
import { staffRoleLabels } from "@/lib/accounts/staff";
import { getDb } from "@/lib/db/client";
import { formatFrenchDate } from "@/lib/format/date";
import { factorSummary } from "@/lib/staff/factor-summary";
import { knownDepartements, listTeam } from "@/lib/staff/team";
import { resend, resetFactors, saveMember, toggleMember } from "../actions";
import { MemberForm } from "../forms";

export const metadata: Metadata = { title: "Membre de l'équipe" };

export default async function MemberPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const admin = await requireAdmin();
  const [{ id }, flags] = await Promise.all([params, searchParams]);
  const db = getDb();
  const [team, departements] = await Promise.all([listTeam(db, admin), knownDepartements(db)]);
  const member = team.find((entry) => entry.id === id);
  if (!member) notFound();
  const self = member.id === admin.id;
  return (
    <div className="max-w-3xl space-y-8">
      <Link href="/admin/equipe" className="inline-flex min-h-11 items-center text-sm text-france underline">
        ‹ Retour à l&apos;équipe
      </Link>
      <PageTitle>{member.email}</PageTitle>
      <p>
        {staffRoleLabels[member.role]} — {member.state === "active" ? "actif" : member.state === "invited" ? "invitation envoyée, pas encore acceptée" : "désactivé"} — dernière
        connexion : {member.lastLoginAt ? formatFrenchDate(member.lastLoginAt) : "jamais"}
      </p>
      {flags.desactive ? (
        <Alert tone="success" role="status">
          Compte désactivé : ses sessions ouvertes sont fermées et il ne peut plus se connecter.
        </Alert>
      ) : null}
      {flags.reactive ? (
        <Alert tone="success" role="status">
          Compte réactivé.
        </Alert>
      ) : null}
      {flags.renvoyee ? (
        <Alert tone="success" role="status">
          Nouvelle invitation envoyée ; le lien précédent ne fonctionne plus.
        </Alert>
      ) : null}
      {flags.reinitialise ? (
        <Alert tone="success" role="status">
          Double authentification réinitialisée : ses sessions sont fermées ; à sa prochaine connexion avec son mot de passe, il ou elle en configurera une nouvelle.
        </Alert>
      ) : null}
      {flags.refuse ? (
        <Alert tone="error" role="alert">
          Action refusée : on ne désactive ni son propre compte ni le dernier administrateur actif, et une invitation ne se renvoie qu&apos;avant son acceptation.
        </Alert>
      ) : null}

      <section aria-labelledby="role" className="space-y-3">
        <h2 id="role" className="text-xl font-bold">
          Rôle et départements
        </h2>
        <MemberForm action={saveMember.bind(null, member.id)} departements={departements} saved={{ role: member.role, departements: member.departements }} />
      </section>

      <section aria-labelledby="acces" className="space-y-3 border-t border-line pt-6">
        <h2 id="acces" className="text-xl font-bold">
          Accès
        </h2>
        {member.state === "invited" ? (
          <form action={resend}>
            <input type="hidden" name="userId" value={member.id} />
            <SubmitButton variant="secondary" pendingLabel="Envoi…">
              Renvoyer l&apos;invitation
            </SubmitButton>
          </form>
        ) : null}
        {self ? (
          <p className="text-sm">Vous ne pouvez pas désactiver votre propre compte.</p>
        ) : member.state === "disabled" ? (
          <ConfirmDialog trigger="Réactiver le compte" title={`Réactiver ${member.email} ?`} confirmLabel="Réactiver" pendingLabel="Réactivation…" tone="neutral" action={toggleMember} hidden={{ userId: member.id, actif: "oui" }}>
            <p>La personne pourra de nouveau se connecter avec son mot de passe.</p>
          </ConfirmDialog>
        ) : (
          <ConfirmDialog trigger="Désactiver le compte" title={`Désactiver ${member.email} ?`} confirmLabel="Désactiver" pendingLabel="Désactivation…" action={toggleMember} hidden={{ userId: member.id, actif: "non" }}>
            <p>Ses sessions ouvertes sont fermées immédiatement et elle ne peut plus se connecter. Son historique reste dans le journal.</p>
          </ConfirmDialog>
        )}
      </section>

      <section aria-labelledby="double-authentification" className="space-y-3 border-t border-line pt-6">
        <h2 id="double-authentification" className="text-xl font-bold">
          Double authentification
        </h2>
        <p>{factorSummary(member.factors) === "aucune" ? "Aucune configurée." : `Configurée : ${factorSummary(member.factors)}.`}</p>
        {self ? (
          <p className="text-sm">
            Vos propres clés et codes se gèrent sur la page{" "}
            <Link href="/admin/securite" className="text-france underline">
              Sécurité
            </Link>
            .
          </p>
        ) : member.factors.passkeys || member.factors.totp ? (
          <ConfirmDialog
            trigger="Réinitialiser la double authentification"
            title={`Réinitialiser la double authentification de ${member.email} ?`}
            confirmLabel="Réinitialiser"
            pendingLabel="Réinitialisation…"
            action={resetFactors}
            hidden={{ userId: member.id }}
          >
            <p>
              Pour une personne qui a perdu ses appareils et ses codes de secours : ses clés d&apos;accès, son application et ses codes sont retirés et ses sessions fermées.
              Vérifiez son identité avant (par téléphone, en personne).
            </p>
          </ConfirmDialog>
        ) : null}
      </section>
    </div>
  );
}
