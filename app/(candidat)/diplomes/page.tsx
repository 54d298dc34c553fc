import type { Metadata } from "next";
import Link from "next/link";
import { requireCandidate } from "@/app/_data/session";
import { Alert } from "@/components/ui/alert";
import { HelpAside } from "@/components/ui/help-aside";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { primaryButtonClass } from "@/components/ui/form";
import { PageTitle } from "@/components/ui/page-title";
import { getDb } from "@/lib/db/client";
import { listDiplomas } from "@/lib/diplomas/diplomas";
import { formatFrenchDate } from "@/lib/format/date";
import { FileLink } from "@/components/uploads/file-link";
import { removeDiploma } from "./actions";

export const metadata: Metadata = { title: "Mes diplômes" };

export default async function DiplomasPage({ searchParams }: { searchParams: Promise<{ enregistre?: string; supprime?: string }> }) {
  const user = await requireCandidate();
  const [list, params] = await Promise.all([listDiplomas(getDb(), user.id), searchParams]);
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="space-y-6">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <PageTitle>Mes diplômes</PageTitle>
          <Link href="/diplomes/nouveau" className={primaryButtonClass}>
            <span aria-hidden="true" className="mr-2 text-xl leading-none">
              +
            </span>
            Ajouter un diplôme
          </Link>
        </div>
        {params.enregistre ? (
          <Alert tone="success" role="status">
            Votre diplôme est enregistré.
          </Alert>
        ) : null}
        {params.supprime ? (
          <Alert tone="success" role="status">
            Le diplôme a été supprimé, avec son fichier.
          </Alert>
        ) : null}
        {list.length === 0 ? (
          <Alert title="Vous n'avez indiqué aucun diplôme">
            <p>Cliquez sur « Ajouter un diplôme » pour indiquer les diplômes que vous avez obtenus, avec leur scan si possible.</p>
          </Alert>
        ) : (
          <ul className="space-y-6">
            {list.map((diploma) => (
              <li key={diploma.id} className="border border-line p-4 sm:p-6">
                <article aria-labelledby={`diplome-${diploma.id}`} className="space-y-3">
                  <h2 id={`diplome-${diploma.id}`} className="text-xl font-bold break-words">
                    {diploma.label}
                  </h2>
                  <p>
                    <span className="font-medium">Type de diplôme obtenu :</span> {diploma.diplomaType.label}
                    {diploma.obtainedOn ? (
                      <>
                        {" "}
                        <span className="font-medium">Date d&apos;obtention :</span> {formatFrenchDate(diploma.obtainedOn)}
                      </>
                    ) : null}
                  </p>
                  <div>
                    <h3 className="font-bold">Etablissement d&apos;obtention</h3>
                    <p>
                      <span className="font-medium">Pays :</span> {diploma.countryName.toUpperCase()}{" "}
                      <span className="font-medium">Ville :</span> {diploma.city}{" "}
                      <span className="font-medium">Etablissement :</span> {diploma.institution}
                    </p>
                  </div>
                  <p>
                    {diploma.file ? (
                      <>
                        <span className="font-medium">Fichier :</span>{" "}
                        <FileLink file={diploma.file} />
                      </>
                    ) : (
                      <span className="italic">Aucun fichier : ajoutez le scan ou des photos de ce diplôme avec « Modifier ».</span>
                    )}
                  </p>
                  <div className="flex flex-wrap gap-2">
                    <Link href={`/diplomes/${diploma.id}/modifier`} className="inline-flex min-h-11 items-center px-2 font-medium text-france underline hover:no-underline">
                      Modifier<span className="sr-only"> le diplôme {diploma.label}</span>
                    </Link>
                    <ConfirmDialog
                      trigger="Supprimer"
                      triggerLabel={`Supprimer le diplôme ${diploma.label}`}
                      title={`Supprimer le diplôme « ${diploma.label} » ?`}
                      confirmLabel="Supprimer définitivement"
                      action={removeDiploma}
                      hidden={{ diplomaId: diploma.id }}
                    >
                      <p>
                        Ce diplôme{diploma.file ? ` et son fichier (${diploma.file.name})` : ""} seront effacés définitivement. Vos
                        candidatures ne sont pas modifiées.
                      </p>
                    </ConfirmDialog>
                  </div>
                </article>
              </li>
            ))}
          </ul>
        )}
      </div>
      <HelpAside id="aide-diplomes">
        <p>Cette page vous permet d&apos;indiquer les diplômes que vous avez obtenus.</p>
        <h3 className="font-bold">Certificat de diplômes</h3>
        <p>
          Afin d&apos;instruire votre dossier plus rapidement, vous pouvez nous faire parvenir votre diplôme scanné. Pour cela,
          joignez un fichier au format PDF (les PDF ne doivent pas excéder 20 Mo). Sur un téléphone, vous pouvez aussi
          photographier votre diplôme : les photos sont assemblées en un PDF.
        </p>
        <p>
          Pour créer un PDF sur un ordinateur, utilisez « Imprimer » puis « Enregistrer au format PDF », ou un logiciel libre
          comme PDFCreator ou Scribus.
        </p>
        <p>Ajouter vos diplômes : cliquez sur « Ajouter un diplôme ». Modifier vos diplômes : cliquez sur « Modifier ».</p>
      </HelpAside>
    </div>
  );
}
