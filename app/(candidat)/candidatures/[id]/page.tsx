import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireCandidate } from "@/app/_data/session";
import { getRequestSettings } from "@/app/_data/settings";
import { FileLink } from "@/components/uploads/file-link";
import { PdfUpload } from "@/components/uploads/pdf-upload";
import { Alert } from "@/components/ui/alert";
import { HelpAside } from "@/components/ui/help-aside";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/form";
import { PageTitle } from "@/components/ui/page-title";
import { findApplication, lastDecision } from "@/lib/applications/queries";
import { rqthOptions } from "@/lib/applications/form-fields";
import { candidateStatusLabel, canEditAttachments, canEditForm, lockedReason } from "@/lib/applications/status";
import { getDb } from "@/lib/db/client";
import { listMessages, markStaffMessagesRead } from "@/lib/messages/messages";
import { TextPostForm } from "@/components/ui/text-post-form";
import { formatFrenchDate } from "@/lib/format/date";
import { confirmAttachment, removeAttachment, replyToService, startAttachment } from "../actions";
import { ValidityNotice } from "../application-summary";
import { RenewalBox } from "../renewal-box";

export const metadata: Metadata = { title: "Ma candidature" };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2 border-t border-line pt-4">
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Ranked({ items, empty }: { items: { id: string; label: string }[]; empty: string }) {
  if (items.length === 0) return <p className="italic text-muted">{empty}</p>;
  return (
    <ol className="list-decimal space-y-1 pl-6">
      {items.map((item) => (
        <li key={item.id}>{item.label}</li>
      ))}
    </ol>
  );
}

export default async function ApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ enregistree?: string; piece?: string; maintenue?: string; maintien?: string }>;
}) {
  const user = await requireCandidate();
  const [{ id }, flags] = await Promise.all([params, searchParams]);
  const db = getDb();
  const [application, settings] = await Promise.all([findApplication(db, user.id, id), getRequestSettings()]);
  if (!application) notFound();
  const [messages, decision] = await Promise.all([listMessages(db, application.id), lastDecision(db, application.id)]);
  // Opening the application is reading what the service wrote (nothing to write when all is read).
  if (application.unreadFromService > 0) await markStaffMessagesRead(db, user.id, application.id);
  const editable = canEditForm(application.status);
  const attachmentsEditable = canEditAttachments(application.status);
  const formMissing = application.missing.filter((item) => item.section === "form");
  const attachmentMissing = application.missing.some((item) => item.section === "attachment");
  const university = [
    ["Université", application.university],
    ["Composante", application.component],
    ["Formation", application.program],
    ["Cursus", application.curriculum],
    ["Niveau d'inscription", application.level],
    ["INE", application.ine],
  ] as const;
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="space-y-6">
        <PageTitle>Ma candidature {application.postType.label}</PageTitle>
        <div className="flex flex-wrap gap-3">
          <Link href="/candidatures" className={secondaryButtonClass}>
            Retour
          </Link>
          {editable ? (
            <Link href={`/candidatures/${application.id}/modifier`} className={primaryButtonClass}>
              Modifier
            </Link>
          ) : null}
        </div>
        {flags.enregistree ? (
          <Alert tone="success" role="status">
            Votre candidature est enregistrée.
          </Alert>
        ) : null}
        {flags.maintenue ? (
          <Alert tone="success" role="status">
            Votre candidature est maintenue : elle est valable jusqu&apos;au {formatFrenchDate(application.validUntil)}.
          </Alert>
        ) : null}
        {flags.maintien ? (
          <Alert tone="error" role="alert">
            Cette candidature ne peut pas être maintenue pour le moment.
          </Alert>
        ) : null}
        <RenewalBox application={application} graceDays={settings.graceDays} validityMonths={settings.validityMonths} />
        {flags.piece === "supprimee" ? (
          <Alert tone="success" role="status">
            La pièce jointe a été supprimée.
          </Alert>
        ) : null}
        {flags.piece === "verrouillee" ? (
          <Alert tone="error" role="alert">
            Cette candidature ne peut plus être modifiée : la pièce jointe a été conservée.
          </Alert>
        ) : null}

        <section aria-labelledby="informations" className="space-y-3">
          <h2 id="informations" className="text-lg font-bold uppercase">
            Informations concernant votre candidature
          </h2>
          {application.missing.length > 0 && attachmentsEditable ? (
            <Alert tone="caution">
              <p className="font-medium">
                <span aria-hidden="true">⚠ </span>Votre candidature n&apos;est pas complète et ne pourra être traitée par notre
                service. Veuillez vérifier les points suivants :
              </p>
              <ul className="mt-2 space-y-1">
                {application.missing.map((item) => (
                  <li key={item.key}>
                    <span aria-hidden="true">&gt; </span>
                    {item.message}
                  </li>
                ))}
              </ul>
              {editable || attachmentsEditable ? (
                <Link
                  href={formMissing.length && editable ? `/candidatures/${application.id}/modifier` : "#pieces-jointes"}
                  className={`${primaryButtonClass} mt-3`}
                >
                  Compléter
                </Link>
              ) : null}
            </Alert>
          ) : (
            <Alert tone="success">Votre candidature est complète et pourra être étudiée par nos services.</Alert>
          )}
          <p>
            <span className="font-medium">Statut :</span> {candidateStatusLabel(application.status, application.missing.length === 0)}
          </p>
          {decision?.reason && decision.status === application.status ? (
            <p>
              <span className="font-medium">Motif indiqué par le service de recrutement, le {formatFrenchDate(decision.at)} :</span> {decision.reason}
            </p>
          ) : null}
          <ValidityNotice application={application} />
          {!editable ? <Alert>{lockedReason(application.status)}</Alert> : null}
        </section>

        <Section id="quotites" title="Quotités souhaitées">
          <Ranked items={application.workingTimes} empty="Aucune quotité indiquée." />
        </Section>
        <Section id="zones" title="Zones géographiques souhaitées">
          <Ranked items={application.zones} empty="Aucune zone indiquée." />
        </Section>
        <Section id="enseignements" title="Types d'enseignements souhaités">
          <Ranked items={application.teachingTypes} empty="Aucun type d'enseignement indiqué." />
        </Section>
        <Section id="rqth" title="Reconnaissance de la qualité de travailleur handicapé">
          <p>{rqthOptions.find((option) => option.value === application.rqth)?.label ?? <span className="italic text-muted">Non renseignée.</span>}</p>
        </Section>
        <Section id="universite" title="Inscription universitaire">
          {university.every(([, value]) => !value) ? (
            <p className="italic text-muted">Non renseignée.</p>
          ) : (
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              {university.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="font-medium">{label} :</dt>
                  <dd>{value ?? "—"}</dd>
                </div>
              ))}
            </dl>
          )}
        </Section>

        <section id="pieces-jointes" aria-labelledby="pieces-jointes-titre" className="space-y-4 border-t border-line pt-4">
          <h2 id="pieces-jointes-titre" className="text-lg font-bold">
            Pièces jointes
          </h2>
          <ul className="space-y-4">
            {application.attachments.map((slot) => {
              const target = { applicationId: application.id, attachmentTypeId: slot.attachmentTypeId };
              return (
                <li key={slot.attachmentTypeId} className="space-y-2 border border-line p-3">
                  <p className="font-medium">
                    {slot.label}
                    {slot.required ? <span aria-hidden="true"> *</span> : null}
                    {slot.required ? <span className="sr-only"> (obligatoire)</span> : null} :{" "}
                    {slot.file ? (
                      <span className="font-normal">
                        <FileLink file={slot.file} />, déposé le {formatFrenchDate(slot.file.uploadedAt)}
                      </span>
                    ) : (
                      <span className="font-normal italic">aucun fichier</span>
                    )}
                  </p>
                  {attachmentsEditable ? (
                    <div className="flex flex-wrap items-start gap-3">
                      <PdfUpload
                        label={slot.label}
                        actionLabel={slot.file ? "Remplacer" : "Ajouter"}
                        start={startAttachment.bind(null, target)}
                        confirm={confirmAttachment.bind(null, target)}
                      />
                      {slot.file ? (
                        <ConfirmDialog
                          trigger="Supprimer"
                          triggerLabel={`Supprimer la pièce jointe : ${slot.label}`}
                          title={`Supprimer « ${slot.label} » ?`}
                          confirmLabel="Supprimer le fichier"
                          action={removeAttachment}
                          hidden={target}
                        >
                          <p>
                            Le fichier « {slot.file.name} » sera effacé définitivement.
                            {slot.required ? " Sans lui, votre candidature sera incomplète." : ""}
                          </p>
                        </ConfirmDialog>
                      ) : null}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <p className="text-sm">* Pièces jointes obligatoires</p>
          {attachmentMissing ? (
            <div className="border-2 border-marianne p-4">
              <p className="font-bold text-marianne">ATTENTION !!</p>
              <p>
                Afin de nous permettre d&apos;étudier votre candidature, il est impératif de télécharger toutes les pièces
                jointes obligatoires listées ci-dessus, au format PDF (20 Mo au maximum par fichier).
              </p>
            </div>
          ) : null}
        </section>

        <section id="messages" aria-labelledby="messages-titre" className="space-y-4 border-t border-line pt-4">
          <h2 id="messages-titre" className="text-lg font-bold">
            Messages
          </h2>
          {messages.length === 0 ? (
            <p className="text-muted">Aucun message. Le service de recrutement vous écrira ici s&apos;il a besoin d&apos;une précision.</p>
          ) : (
            <ol className="space-y-3">
              {messages.map((message) => (
                <li key={message.id} className={`border-l-4 p-3 ${message.fromStaff ? "border-france bg-info-light" : "border-line bg-surface"}`}>
                  <p className="text-sm font-medium">
                    {message.fromStaff ? "Service de recrutement" : "Vous"}, le {formatFrenchDate(message.createdAt)}
                    {message.fromStaff && !message.readAt ? <strong className="ml-2 text-france">Nouveau</strong> : null}
                  </p>
                  <p className="mt-1 whitespace-pre-wrap break-words">{message.body}</p>
                </li>
              ))}
            </ol>
          )}
          <TextPostForm
            action={replyToService.bind(null, application.id)}
            name="reponse"
            label={messages.some((message) => message.fromStaff) ? "Répondre au service de recrutement" : "Écrire au service de recrutement"}
            hint="Au sujet de cette candidature uniquement. Ne joignez pas de document ici : déposez-le dans « Pièces jointes »."
            submitLabel="Envoyer"
          />
        </section>
      </div>
      <HelpAside id="aide-candidature">
        <h3 className="font-bold">Messages</h3>
        <p>Le service de recrutement peut vous écrire ici (un document à redéposer, une précision) : un courriel vous prévient. Répondez dans la rubrique « Messages ».</p>
        <p>Voici le détail de votre candidature.</p>
        <h3 className="font-bold">Modifier votre candidature</h3>
        <p>
          {editable
            ? "Cliquez sur le bouton « Modifier » pour changer vos choix, vos zones ou vos quotités."
            : "Cette candidature ne peut plus être modifiée."}
        </p>
        <h3 className="font-bold">Pièces jointes</h3>
        <p>
          Déposez chaque pièce au format PDF, 20 Mo au maximum. Pour créer un PDF, utilisez « Imprimer » puis « Enregistrer
          au format PDF », ou l&apos;application de numérisation de votre téléphone.
        </p>
      </HelpAside>
    </div>
  );
}
