import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/app/_data/session";
import { cellClass, ScrollTable } from "@/components/admin/scroll-table";
import { PageTitle } from "@/components/ui/page-title";
import { staffRoleLabels } from "@/lib/accounts/staff";
import { getDb } from "@/lib/db/client";
import { factorSummary } from "@/lib/staff/factor-summary";
import { formatFrenchDate, formatParisTime } from "@/lib/format/date";
import { knownDepartements, listTeam } from "@/lib/staff/team";
import { invite } from "./actions";
import { InviteForm } from "./forms";

export const metadata: Metadata = { title: "Équipe" };

const states = { active: "Actif", invited: "Invitation envoyée", disabled: "Désactivé" } as const;

/** Who works in the staff space, in which role and perimeter, and when they last signed in. */
export default async function TeamPage() {
  const admin = await requireAdmin();
  const db = getDb();
  const [team, departements] = await Promise.all([listTeam(db, admin), knownDepartements(db)]);
  return (
    <div className="max-w-6xl space-y-10">
      <PageTitle>Équipe</PageTitle>
      <section aria-labelledby="membres" className="space-y-3">
        <h2 id="membres" className="text-xl font-bold">
          Membres ({team.length})
        </h2>
        <ScrollTable caption="Membres de l'équipe" headers={["Adresse", "Rôle", "Départements", "État", "Double authentification", "Dernière connexion"]}>
          {team.map((member) => (
            <tr key={member.id}>
              <td className={`${cellClass} break-all`}>
                <Link href={`/admin/equipe/${member.id}`} className="font-medium text-france underline">
                  {member.email}
                </Link>
                {member.id === admin.id ? <span className="text-muted"> (vous)</span> : null}
              </td>
              <td className={cellClass}>{staffRoleLabels[member.role]}</td>
              <td className={cellClass}>{member.role === "admin" ? "toute l'académie" : member.departements.length ? member.departements.join(", ") : "toute l'académie"}</td>
              <td className={cellClass}>{states[member.state]}</td>
              <td className={cellClass}>{factorSummary(member.factors)}</td>
              <td className={`${cellClass} whitespace-nowrap`}>{member.lastLoginAt ? `${formatFrenchDate(member.lastLoginAt)} ${formatParisTime(member.lastLoginAt)}` : "jamais"}</td>
            </tr>
          ))}
        </ScrollTable>
      </section>
      <section aria-labelledby="inviter" className="max-w-2xl space-y-3 border-t border-line pt-6">
        <h2 id="inviter" className="text-xl font-bold">
          Inviter une personne
        </h2>
        <p className="text-sm">Elle reçoit un lien, valable 48 heures et une seule fois, pour choisir son mot de passe.</p>
        <InviteForm action={invite} departements={departements} />
      </section>
    </div>
  );
}
