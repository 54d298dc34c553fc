import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/app/_data/session";
import { ColumnChart, HorizontalBarChart } from "@/components/charts/bar-chart";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";
import { getDb } from "@/lib/db/client";
import { formatFrenchDate, formatParisTime } from "@/lib/format/date";
import { loadDashboard } from "@/lib/staff/dashboard";

export const metadata: Metadata = { title: "Tableau de bord de l'équipe" };

function Count({ href, label, value, hint }: { href: string; label: string; value: number; hint?: string }) {
  return (
    <li>
      <Link href={href} className="block h-full border border-line p-4 no-underline hover:border-france focus-visible:border-france">
        <span className="block text-3xl font-bold tabular-nums text-france">{value.toLocaleString("fr-FR")}</span>
        <span className="block font-medium text-ink">{label}</span>
        {hint ? <span className="block text-sm text-muted">{hint}</span> : null}
      </Link>
    </li>
  );
}

/** Where a gestionnaire starts the day: what waits, what is due, how the campaign goes. */
export default async function StaffDashboardPage() {
  const staff = await requireStaff();
  const dashboard = await loadDashboard(getDb(), staff);
  const { statuses, lastRun } = dashboard;
  const list = (query: string) => `/admin/candidatures?${query}`;
  return (
    <div className="space-y-10">
      <PageTitle>Tableau de bord</PageTitle>

      <section aria-labelledby="a-traiter" className="space-y-3">
        <h2 id="a-traiter" className="text-xl font-bold">
          Candidatures ({dashboard.total.toLocaleString("fr-FR")})
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Count href={list("statut=submitted&complete=oui")} label="Déposées, complètes" value={statuses.submittedComplete} hint="à examiner" />
          <Count href={list("statut=submitted&complete=non")} label="Déposées, incomplètes" value={statuses.submittedIncomplete} hint="en attente du candidat" />
          <Count href={list("statut=in_review")} label="En cours d'examen" value={statuses.inReview} />
          <Count href={list("non_lus=1")} label="Avec des messages non lus" value={dashboard.unread.applications} hint={dashboard.unread.messages === 1 ? "1 réponse de candidat" : `${dashboard.unread.messages.toLocaleString("fr-FR")} réponses de candidats`} />
          <Count href={list("statut=recruited")} label="Retenues" value={statuses.recruited} />
          <Count href={list("statut=rejected")} label="Non retenues" value={statuses.rejected} />
          <Count href={list("statut=withdrawn")} label="Retirées" value={statuses.withdrawn} />
        </ul>
      </section>

      <section aria-labelledby="renouvellements" className="space-y-3">
        <h2 id="renouvellements" className="text-xl font-bold">
          Renouvellements à six mois
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Count href="/admin/candidats/renouvellements" label="En attente de réponse du candidat" value={dashboard.renewalsAwaiting} />
          <Count href="/admin/candidats/renouvellements" label="Suppressions prévues dans les 7 jours" value={dashboard.deletionsThisWeek} hint="sans réponse d'ici là" />
        </ul>
        {lastRun ? (
          <p className="text-sm">
            Dernier passage de la tâche quotidienne : le {formatFrenchDate(lastRun.startedAt)} à {formatParisTime(lastRun.startedAt)}
            {lastRun.summary
              ? ` — ${lastRun.summary.notices.sent} avis, ${lastRun.summary.reminders.sent} relances, ${lastRun.summary.deletions.deleted} suppressions${lastRun.summary.errors.length ? `, ${lastRun.summary.errors.length} erreur${lastRun.summary.errors.length > 1 ? "s" : ""}` : ""}.`
              : " — en cours."}
          </p>
        ) : (
          <Alert tone="caution">La tâche quotidienne n&apos;a encore jamais tourné : vérifiez sa planification.</Alert>
        )}
      </section>

      <section aria-labelledby="repartition" className="space-y-6">
        <h2 id="repartition" className="text-xl font-bold">
          Candidatures en cours (déposées ou en cours d&apos;examen)
        </h2>
        <div className="grid gap-8 xl:grid-cols-2">
          <HorizontalBarChart
            id="par-zone"
            title="Par zone du premier vœu"
            headers={["Zone", "Candidatures"]}
            data={dashboard.byZone.map((row) => ({ label: row.label, value: row.count }))}
          />
          <HorizontalBarChart
            id="par-quotite"
            title="Par quotité du premier vœu"
            headers={["Quotité", "Candidatures"]}
            data={dashboard.byWorkingTime.map((row) => ({ label: row.label, value: row.count }))}
          />
        </div>
        <ColumnChart
          id="par-semaine"
          title="Nouvelles candidatures par semaine (six derniers mois)"
          headers={["Semaine du", "Nouvelles candidatures"]}
          data={dashboard.perWeek.map((week) => ({ label: formatFrenchDate(week.weekStart), value: week.count }))}
        />
      </section>
    </div>
  );
}
