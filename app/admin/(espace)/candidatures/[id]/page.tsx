import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireStaff } from "@/app/_data/session";
import { Facts } from "@/components/admin/facts";
import { RqthReveal } from "@/components/admin/rqth-reveal";
import { StatusChangeForm } from "@/components/admin/status-change-form";
import { TextPostForm } from "@/components/ui/text-post-form";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { secondaryButtonClass } from "@/components/ui/form";
import { PageTitle } from "@/components/ui/page-title";
import { PrintButton } from "@/components/ui/print-button";
import { staffStatusLabel } from "@/lib/applications/status";
import { getDb } from "@/lib/db/client";
import { formatFileSize, formatFrenchDate, formatParisTime } from "@/lib/format/date";
import { markCandidateMessagesRead } from "@/lib/messages/messages";
import { extendedValidity } from "@/lib/renewals/rules";
import { neighbours } from "@/lib/staff/applications";
import { loadStaffCandidature } from "@/lib/staff/candidature";
import { applicationFiltersQuery, parseApplicationFilters } from "@/lib/staff/list-filters";
import { addPrivateNote, changeApplicationStatus, extendByOneMonth, sendMessageToCandidate, showRqth } from "../actions";

export const metadata: Metadata = { title: "Candidature" };

function Section({ id, title, children, className = "" }: { id: string; title: string; children: ReactNode; className?: string }) {
  return (
    <section aria-labelledby={id} className={`space-y-3 border-t border-line pt-4 ${className}`}>
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Ranked({ items }: { items: { id: string; label: string }[] }) {
  if (items.length === 0) return <p className="italic text-muted">Aucun choix.</p>;
  return (
    <ol className="list-decimal space-y-1 pl-6">
      {items.map((item) => (
        <li key={item.id}>{item.label}</li>
      ))}
    </ol>
  );
}

const dateTime = (date: Date) => `${formatFrenchDate(date)} à ${formatParisTime(date)}`;

/** A candidature as a gestionnaire examines it, with every decision at hand. */
export default async function StaffApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaff();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const db = getDb();
  const filters = parseApplicationFilters(query);
  const listQuery = applicationFiltersQuery(filters);
  // The neighbours before the answers are marked read, which takes the candidature out of a
  // "non lus" list; read alongside the candidature, as neither needs the other.
  const [candidature, around] = await Promise.all([loadStaffCandidature(db, staff, id), neighbours(db, staff, filters, id)]);
  if (!candidature) notFound();
  if (candidature.messages.some((message) => !message.fromStaff && !message.readAt)) await markCandidateMessagesRead(db, staff, id);
  const { application, candidate } = candidature;
  const complete = application.missing.length === 0;
  const withList = (path: string, extra = "") => `${path}?${[listQuery, extra].filter(Boolean).join("&")}`;
  // The new date as the extension redirected with it; anything else in the URL is ignored.
  const extended = typeof query.prolongee === "string" && /^\d{4}-\d{2}-\d{2}$/.test(query.prolongee) ? query.prolongee : null;
  return (
    <div className="space-y-6">
      <nav aria-label="Parcourir la liste" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm print:hidden">
        <Link href={withList("/admin/candidatures")} className="inline-flex min-h-11 items-center text-france underline">
          ‹ Retour à la liste
        </Link>
        {around.position ? (
          <span>
            Candidature {around.position.toLocaleString("fr-FR")} sur {around.total.toLocaleString("fr-FR")}
          </span>
        ) : null}
        {around.previous ? (
          <Link href={withList(`/admin/candidatures/${around.previous}`)} prefetch={false} className="inline-flex min-h-11 items-center text-france underline" rel="prev">
            ‹ Précédente
          </Link>
        ) : null}
        {around.next ? (
          <Link href={withList(`/admin/candidatures/${around.next}`)} prefetch={false} className="inline-flex min-h-11 items-center text-france underline" rel="next">
            Suivante ›
          </Link>
        ) : null}
      </nav>

      <div className="space-y-2">
        <PageTitle>{candidate.name}</PageTitle>
        <p className="text-lg">
          Candidature <strong>{application.postType.label}</strong> — {staffStatusLabel(application.status, complete)} — déposée le{" "}
          {formatFrenchDate(application.submittedAt)}, valable jusqu&apos;au {formatFrenchDate(application.validUntil)}
          {candidature.deletionDate ? (
            <strong className="text-marianne"> — suppression prévue le {formatFrenchDate(candidature.deletionDate)} sans réponse du candidat</strong>
          ) : null}
        </p>
      </div>

      {extended ? (
        <Alert tone="success" role="status">
          La candidature est prolongée : elle est valable jusqu&apos;au {formatFrenchDate(extended)}.
        </Alert>
      ) : null}
      {query.prolongation ? (
        <Alert tone="error" role="alert">
          Seule une candidature déposée ou en cours d&apos;examen peut être prolongée.
        </Alert>
      ) : null}

      <div className="flex flex-wrap gap-3 print:hidden">
        <a href={`/admin/candidatures/${id}/dossier`} className={secondaryButtonClass} download>
          Télécharger le dossier (ZIP)
        </a>
        <PrintButton label="Imprimer la candidature" />
        {application.status === "submitted" || application.status === "in_review" ? (
          <ConfirmDialog
            trigger="Prolonger d'un mois"
            title="Prolonger la validité d'un mois ?"
            confirmLabel="Prolonger"
            pendingLabel="Prolongation…"
            tone="neutral"
            action={extendByOneMonth}
            hidden={{ applicationId: id, back: listQuery }}
          >
            <p>
              La candidature sera valable jusqu&apos;au <strong>{formatFrenchDate(extendedValidity(application.validUntil))}</strong> au lieu du{" "}
              {formatFrenchDate(application.validUntil)}.
              {application.renewalNoticeSentAt ? " Le courriel de renouvellement déjà envoyé est annulé : la suppression prévue n'aura pas lieu." : ""}
            </p>
          </ConfirmDialog>
        ) : null}
      </div>

      <div className="grid grid-cols-1 gap-8 xl:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="space-y-6">
          <Section id="completude" title="Complétude">
            {complete ? (
              <Alert tone="success">Candidature complète : elle peut être étudiée.</Alert>
            ) : (
              <Alert tone="caution" title="Candidature incomplète : il manque">
                <ul className="list-disc pl-5">
                  {application.missing.map((item) => (
                    <li key={item.key}>{item.message}</li>
                  ))}
                </ul>
              </Alert>
            )}
          </Section>

          <Section id="identite" title="Identité et coordonnées">
            <Facts
              rows={[
                ["Civilité", candidate.civility],
                ["Nom d'usage", candidate.usageName],
                ["Nom patronymique", candidate.birthName],
                ["Prénom", candidate.firstName],
                ["Date de naissance", candidate.birthDate ? formatFrenchDate(candidate.birthDate) : null],
                ["Lieu de naissance", candidate.birthPlace],
                ["Nationalité", candidate.nationality],
                ["Identifiant", candidate.identifier],
                ["Courriel", candidate.email ? `${candidate.email}${candidate.emailVerified ? "" : " (non confirmée)"}` : "Sans adresse électronique"],
                ["Téléphone", candidate.phone],
                ["Informations complémentaires", candidate.misc],
                ["Compte", `créé le ${formatFrenchDate(candidate.createdAt)}${candidate.lastLoginAt ? `, dernière connexion le ${formatFrenchDate(candidate.lastLoginAt)}` : ""}`],
              ]}
            />
            <p className="print:hidden">
              <Link href={`/admin/candidats/${candidate.id}`} className="inline-flex min-h-11 items-center text-france underline">
                Voir le compte du candidat
              </Link>
            </p>
          </Section>

          <Section id="voeux" title="Vœux">
            <div className="grid gap-6 md:grid-cols-3">
              <div>
                <h3 className="font-bold">Types d&apos;enseignement</h3>
                <Ranked items={application.teachingTypes} />
              </div>
              <div>
                <h3 className="font-bold">Zones géographiques souhaitées</h3>
                <Ranked items={application.zones} />
              </div>
              <div>
                <h3 className="font-bold">Quotités souhaitées</h3>
                <Ranked items={application.workingTimes} />
              </div>
            </div>
          </Section>

          <Section id="universite" title="Inscription universitaire">
            <Facts
              rows={[
                ["Université", application.university],
                ["Composante", application.component],
                ["Formation", application.program],
                ["Cursus", application.curriculum],
                ["Niveau d'inscription", application.level],
                ["INE", application.ine],
              ]}
            />
          </Section>

          <Section id="rqth" title="Reconnaissance de la qualité de travailleur handicapé">
            <Alert tone="warning">
              Donnée de santé (RGPD, article 9). Elle sert uniquement à préparer, en cas de recrutement, les aménagements de poste
              auxquels le candidat a droit : elle n&apos;est jamais un critère de sélection, ne se recopie pas et ne se transmet pas.
              Chaque affichage est enregistré dans le journal.
            </Alert>
            <RqthReveal reveal={showRqth.bind(null, id)} />
          </Section>

          <Section id="pieces" title="Pièces jointes">
            <ul className="space-y-2">
              {application.attachments.map((slot) => (
                <li key={slot.attachmentTypeId}>
                  <span className="font-medium">
                    {slot.label}
                    {slot.required ? " (obligatoire)" : ""} :
                  </span>{" "}
                  {slot.file ? (
                    <>
                      <a href={`/admin/fichiers/${slot.file.id}`} className="break-all text-france underline" download>
                        {slot.file.name} (télécharger le PDF, {formatFileSize(slot.file.size)})
                      </a>{" "}
                      <span className="text-sm text-muted">déposé le {formatFrenchDate(slot.file.uploadedAt)}</span>
                    </>
                  ) : (
                    <span className="italic">aucun fichier</span>
                  )}
                </li>
              ))}
            </ul>
          </Section>

          <Section id="diplomes" title={`Diplômes du candidat (${candidature.diplomas.length})`}>
            {candidature.diplomas.length === 0 ? (
              <p className="italic">Aucun diplôme indiqué.</p>
            ) : (
              <ul className="space-y-3">
                {candidature.diplomas.map((diploma) => (
                  <li key={diploma.id}>
                    <p className="font-medium">{diploma.label}</p>
                    <p className="text-sm">
                      {diploma.diplomaType.label}
                      {diploma.diplomaType.level ? ` (niveau ${diploma.diplomaType.level})` : ""}
                      {diploma.obtainedOn ? `, obtenu le ${formatFrenchDate(diploma.obtainedOn)}` : ""} — {diploma.institution}, {diploma.city} (
                      {diploma.countryName})
                    </p>
                    {diploma.file ? (
                      <a href={`/admin/fichiers/${diploma.file.id}`} className="break-all text-sm text-france underline" download>
                        {diploma.file.name} (télécharger le PDF, {formatFileSize(diploma.file.size)})
                      </a>
                    ) : (
                      <p className="text-sm italic">Sans fichier.</p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>

        <div className="space-y-6">
          <Section id="statut" title="Statut" className="print:hidden">
            <p>
              Statut actuel : <strong>{staffStatusLabel(application.status, complete)}</strong>
            </p>
            {application.status === "withdrawn" ? (
              <p>Le candidat a retiré cette candidature : son statut ne peut plus changer.</p>
            ) : (
              <StatusChangeForm id="statut-candidature" action={changeApplicationStatus.bind(null, id)} />
            )}
          </Section>

          <Section id="messages" title={`Messages avec le candidat (${candidature.messages.length})`}>
            {candidature.messages.length === 0 ? (
              <p className="italic">Aucun message pour l&apos;instant.</p>
            ) : (
              <ol className="space-y-3">
                {candidature.messages.map((message) => (
                  <li key={message.id} className={`border-l-4 p-3 ${message.fromStaff ? "border-france bg-info-light" : "border-success bg-surface"}`}>
                    <p className="text-sm font-medium">
                      {message.fromStaff ? `Service de recrutement (${message.authorLabel})` : "Candidat"} — {dateTime(message.createdAt)}
                      {message.fromStaff && message.readAt ? ` — lu le ${formatFrenchDate(message.readAt)}` : ""}
                    </p>
                    <p className="mt-1 whitespace-pre-wrap break-words">{message.body}</p>
                  </li>
                ))}
              </ol>
            )}
            {candidate.email ? null : (
              <p className="text-sm">Ce candidat n&apos;a pas d&apos;adresse électronique : il verra le message à sa prochaine connexion.</p>
            )}
            <TextPostForm
              action={sendMessageToCandidate.bind(null, id)}
              name="body"
              label="Écrire au candidat"
              hint="Par exemple : « Votre pièce d'identité est illisible, merci de la déposer à nouveau. » Le candidat reçoit un courriel l'invitant à lire ce message dans son espace."
              submitLabel="Envoyer le message"
            />
          </Section>

          <Section id="notes" title={`Notes internes (${candidature.notes.length})`}>
            <p className="text-sm text-muted">Visibles de l&apos;équipe seulement, jamais du candidat.</p>
            {candidature.notes.length ? (
              <ol className="space-y-3">
                {candidature.notes.map((note) => (
                  <li key={note.id} className="border-l-4 border-warning bg-caution-light p-3">
                    <p className="text-sm font-medium">
                      {note.author} — {dateTime(note.createdAt)}
                    </p>
                    <p className="mt-1 whitespace-pre-wrap break-words">{note.body}</p>
                  </li>
                ))}
              </ol>
            ) : null}
            <TextPostForm action={addPrivateNote.bind(null, id)} name="note" label="Ajouter une note" submitLabel="Enregistrer la note" />
          </Section>

          <Section id="historique" title="Historique">
            <ol className="space-y-2 text-sm">
              {candidature.history.map((entry, index) => (
                <li key={index}>
                  <span className="tabular-nums text-muted">{dateTime(entry.at)}</span> — <span className="font-medium">{entry.title}</span>
                  {entry.detail ? ` : ${entry.detail}` : ""}
                  {entry.actor ? <span className="text-muted"> ({entry.actor})</span> : null}
                </li>
              ))}
            </ol>
          </Section>
        </div>
      </div>
    </div>
  );
}
