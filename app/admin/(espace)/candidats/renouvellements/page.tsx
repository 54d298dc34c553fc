import type { Metadata } from "next";
import { requireStaff } from "@/app/_data/session";
import { cellClass, ScrollTable } from "@/components/admin/scroll-table";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/page-title";
import { getDb } from "@/lib/db/client";
import { formatFrenchDate, formatParisTime } from "@/lib/format/date";
import { applicationsAwaitingAnswer, lastJobRuns, undeliveredMails } from "@/lib/renewals/staff-view";

export const metadata: Metadata = { title: "Suivi des renouvellements" };

const cell = cellClass;

/** The six-month rule as staff follow it: the job's runs, who must answer by when, whom to call. */
export default async function RenewalsPage() {
  const staff = await requireStaff();
  const db = getDb();
  const [runs, awaiting, undelivered] = await Promise.all([lastJobRuns(db), applicationsAwaitingAnswer(db, staff), undeliveredMails(db, staff)]);
  const withoutEmail = awaiting.filter((row) => !row.email);
  const dateTime = (date: Date) => `${formatFrenchDate(date)} à ${formatParisTime(date)}`;
  return (
    <div className="space-y-10">
      <PageTitle>Suivi des renouvellements</PageTitle>

      <section aria-labelledby="sans-courriel" className="space-y-3">
        <h2 id="sans-courriel" className="text-xl font-bold">
          Candidats sans adresse électronique à contacter ({withoutEmail.length})
        </h2>
        <p className="text-sm text-muted">
          Leur candidature a dépassé sa date de validité : ils voient l&apos;avis dans leur espace, mais ne reçoivent aucun
          courriel. Sans réponse, la candidature est supprimée à la date indiquée.
        </p>
        {withoutEmail.length === 0 ? (
          <p className="italic">Personne à contacter.</p>
        ) : (
          <ScrollTable caption="Candidats sans adresse électronique à contacter" headers={["Candidat", "Identifiant", "Téléphone", "Candidature", "Suppression le"]}>
            {withoutEmail.map((row) => (
              <tr key={row.id}>
                <td className={cell}>{row.candidate}</td>
                <td className={cell}>{row.identifier}</td>
                <td className={cell}>{row.phone ?? "—"}</td>
                <td className={cell}>{row.postType}</td>
                <td className={cell}>{formatFrenchDate(row.deletionDate)}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>

      <section aria-labelledby="en-attente" className="space-y-3">
        <h2 id="en-attente" className="text-xl font-bold">
          Candidatures en attente de réponse ({awaiting.length})
        </h2>
        {awaiting.length === 0 ? (
          <p className="italic">Aucune candidature n&apos;attend de réponse.</p>
        ) : (
          <ScrollTable caption="Candidatures en attente de réponse" headers={["Candidat", "Candidature", "Valable jusqu'au", "Avis envoyé le", "Relance", "Suppression le"]}>
            {awaiting.map((row) => (
              <tr key={row.id}>
                <td className={cell}>
                  {row.candidate}
                  <br />
                  <span className="text-muted">{row.email ?? "sans courriel"}</span>
                </td>
                <td className={cell}>{row.postType}</td>
                <td className={cell}>{formatFrenchDate(row.validUntil)}</td>
                <td className={cell}>{formatFrenchDate(row.noticeSentAt)}</td>
                <td className={cell}>{row.reminderSentAt ? formatFrenchDate(row.reminderSentAt) : "—"}</td>
                <td className={cell}>{formatFrenchDate(row.deletionDate)}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>

      <section aria-labelledby="non-delivres" className="space-y-3">
        <h2 id="non-delivres" className="text-xl font-bold">
          Courriels non délivrés ({undelivered.length})
        </h2>
        <p className="text-sm text-muted">Le serveur de messagerie les a refusés à chaque tentative : joignez ces personnes autrement.</p>
        {undelivered.length === 0 ? (
          <p className="italic">Aucun.</p>
        ) : (
          <ScrollTable caption="Courriels non délivrés" headers={["Destinataire", "Objet", "Créé le", "Tentatives", "Dernière erreur"]}>
            {undelivered.map((mail) => (
              <tr key={mail.id}>
                <td className={cell}>{mail.to}</td>
                <td className={cell}>{mail.subject}</td>
                <td className={cell}>{dateTime(mail.createdAt)}</td>
                <td className={cell}>{mail.attempts}</td>
                <td className={cell}>{mail.lastError ?? "—"}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>

      <section aria-labelledby="executions" className="space-y-3">
        <h2 id="executions" className="text-xl font-bold">
          Dernières exécutions de la tâche quotidienne
        </h2>
        {runs.length === 0 ? (
          <Alert tone="caution">La tâche quotidienne n&apos;a encore jamais tourné. Vérifiez la planification (vercel.json ou cron du serveur).</Alert>
        ) : (
          <ScrollTable caption="Dernières exécutions de la tâche quotidienne" headers={["Début", "Durée", "Avis", "Relances", "Suppressions", "Courriels", "Fichiers", "Erreurs"]}>
            {runs.map((run) => (
              <tr key={run.id}>
                <td className={cell}>{dateTime(run.startedAt)}</td>
                <td className={cell}>
                  {run.summary ? `${(run.summary.durationMs / 1000).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} s` : "en cours"}
                  {run.summary && !run.summary.complete ? " (à poursuivre)" : ""}
                  {run.summary?.renewals === "busy" ? " (une autre exécution en cours)" : ""}
                </td>
                <td className={cell}>
                  {run.summary
                    ? `${run.summary.notices.sent} envoyés, ${run.summary.notices.withoutEmail} sans courriel, ${run.summary.notices.failed} en échec`
                    : "—"}
                </td>
                <td className={cell}>{run.summary?.reminders.sent ?? "—"}</td>
                <td className={cell}>{run.summary?.deletions.deleted ?? "—"}</td>
                <td className={cell}>{run.summary ? `${run.summary.mail.sent} envoyés, ${run.summary.mail.failed} en attente` : "—"}</td>
                <td className={cell}>{run.summary ? `${run.summary.uploads.swept} dépôts abandonnés, ${run.summary.storageDeletions.deleted} objets supprimés` : "—"}</td>
                <td className={cell}>{run.error ?? "—"}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>
    </div>
  );
}
