import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/app/_data/session";
import { Facts } from "@/components/admin/facts";
import { PageTitle } from "@/components/ui/page-title";
import { getDb } from "@/lib/db/client";
import { formatFrenchDate, formatParisTime } from "@/lib/format/date";
import { serviceState } from "@/lib/health/service-state";
import { getStorage } from "@/lib/storage/client";
import { runStorageCheck } from "./actions";
import { StorageCheckForm } from "./storage-check-form";

export const metadata: Metadata = { title: "État du service" };

const state = (up: "up" | "down") => (up === "up" ? "en service" : <strong className="text-marianne">hors service ou injoignable</strong>);
const when = (date: Date) => `le ${formatFrenchDate(date)} à ${formatParisTime(date)}`;

/** What `/api/health` tells a load balancer, in detail for admins, and the storage's go-live check. */
export default async function ServiceStatePage() {
  const staff = await requireAdmin();
  const { health, mail, lastRun } = await serviceState(staff, { db: getDb(), storage: getStorage() });
  return (
    <div className="max-w-4xl space-y-10">
      <PageTitle>État du service</PageTitle>

      <section aria-labelledby="services" className="space-y-3">
        <h2 id="services" className="text-xl font-bold">
          Services
        </h2>
        <Facts
          labelWidth="16rem"
          rows={[
            ["Base de données", state(health.database)],
            ["Stockage des pièces", state(health.storage)],
            [
              "Courriels en attente d'envoi",
              mail ? `${mail.waiting.toLocaleString("fr-FR")}${mail.oldestWaiting ? `, le plus ancien écrit ${when(mail.oldestWaiting)}` : ""}` : "inconnu",
            ],
            [
              "Courriels refusés définitivement",
              mail ? (
                mail.failed === 0 ? (
                  "aucun"
                ) : (
                  <>
                    {mail.failed.toLocaleString("fr-FR")} —{" "}
                    <Link href="/admin/candidats/renouvellements" className="text-france underline">
                      voir ceux des candidats
                    </Link>
                  </>
                )
              ) : (
                "inconnu"
              ),
            ],
            [
              "Tâche quotidienne",
              lastRun
                ? `dernier passage ${when(lastRun.startedAt)}${lastRun.finishedAt ? "" : " (en cours ou interrompu)"}${lastRun.summary?.errors.length ? `, ${lastRun.summary.errors.length} erreur(s)` : ""}`
                : "jamais passée",
            ],
          ]}
        />
        <p className="text-sm text-muted">Vérifié {when(new Date(health.checkedAt))}. Rechargez la page pour vérifier à nouveau.</p>
      </section>

      <section aria-labelledby="controle-stockage" className="space-y-3">
        <h2 id="controle-stockage" className="text-xl font-bold">
          Contrôle du stockage
        </h2>
        <p>
          Avant la mise en service et après tout changement du stockage, vérifiez qu&apos;il protège les pièces des candidats : personne ne
          liste ni ne lit le stockage sans identifiants, un dépôt hors de son autorisation (plus de 20 Mo, autre type que PDF, autre
          emplacement, autorisation expirée) est refusé, et les navigateurs peuvent déposer depuis l&apos;adresse de la plateforme. Le contrôle
          écrit puis efface quelques fichiers d&apos;essai ; il est inscrit au journal. C&apos;est le même que <code>npm run storage:check</code>.
        </p>
        <StorageCheckForm action={runStorageCheck} />
      </section>
    </div>
  );
}
