import type { Metadata } from "next";
import Link from "next/link";
import { safeNextPath, staffHome, requireStaffSession } from "@/app/_data/session";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageTitle } from "@/components/ui/page-title";
import { getDb } from "@/lib/db/client";
import { formatFrenchDate } from "@/lib/format/date";
import { factorOverview } from "@/lib/staff/factors";
import { removeFactor } from "./actions";
import { reconfirmPath } from "./paths";
import { PasskeyEnrolment, RegenerateCodes, TotpEnrolment } from "./forms";

export const metadata: Metadata = { title: "Sécurité de mon compte" };

/**
 * A staff member's second factors: passkeys (recommended), an authenticator app, recovery
 * codes. Where a factor is mandatory and none is set, every staff page leads here first.
 */
export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ suivant?: string; retire?: string; dernier?: string }> }) {
  const [{ staff, gate, recentFactor }, params] = await Promise.all([requireStaffSession(), searchParams]);
  const target = safeNextPath(params.suivant, staffHome);
  const next = target.startsWith("/admin") ? target : staffHome;
  if (gate === "verify") redirect(`/admin/verification?suivant=${encodeURIComponent(next)}`);
  const factors = await factorOverview(getDb(), staff);
  const enrolling = gate === "enrol";
  const hasFactor = factors.passkeys.length > 0 || factors.totp !== null;
  // Changing factors asks for a second factor given in the last 15 minutes (none to give: the first one is free).
  const locked = gate === "ok" && hasFactor && !recentFactor;
  const canRemove = gate === "ok" && !locked;
  // After a first factor, the codes are shown with a way on to what was asked for (the
  // enrolment makes the session verified: the page re-renders as "ok" under the codes).
  const continueHref = next;
  return (
    <div className="max-w-3xl space-y-8">
      <PageTitle>Sécurité de mon compte</PageTitle>
      {enrolling ? (
        <Alert tone="warning" title="Avant de continuer : activez la double authentification">
          <p>
            Vous accédez à des données personnelles, dont des données de santé (RQTH) : la double authentification est obligatoire pour votre rôle. Ajoutez une clé
            d&apos;accès (recommandé) ou une application d&apos;authentification ; vous retrouverez ensuite la page demandée.
          </p>
        </Alert>
      ) : (
        <p>
          {staff.label} — double authentification {factors.required ? "obligatoire pour votre rôle" : "facultative pour votre rôle, mais recommandée"}.
        </p>
      )}
      {locked ? (
        <Alert tone="info" title="Pour modifier vos clés, votre application ou vos codes de secours">
          <p>Confirmez d&apos;abord votre identité avec l&apos;un d&apos;eux : c&apos;est demandé quand la dernière confirmation date de plus de 15 minutes.</p>
          <p className="mt-2">
            <Link href={reconfirmPath} className="font-medium text-france underline">
              Confirmer mon identité
            </Link>
          </p>
        </Alert>
      ) : null}
      {params.retire ? (
        <Alert tone="success" role="status">
          Retiré : il ne permet plus de vous connecter.
        </Alert>
      ) : null}
      {params.dernier ? (
        <Alert tone="error" role="alert">
          C&apos;est votre dernier moyen de double authentification, obligatoire pour votre rôle : ajoutez-en un autre avant de retirer celui-ci.
        </Alert>
      ) : null}

      <section aria-labelledby="cles" className="space-y-4">
        <h2 id="cles" className="text-xl font-bold">
          Clés d&apos;accès <span className="text-base font-normal text-muted">(recommandé)</span>
        </h2>
        <p>
          Votre ordinateur, votre téléphone ou une clé de sécurité USB vous reconnaît par votre code, votre empreinte ou votre visage. Une clé d&apos;accès ne peut pas être
          hameçonnée et suffit pour vous connecter, sans mot de passe.
        </p>
        {factors.passkeys.length ? (
          <ul className="divide-y divide-line border-y border-line">
            {factors.passkeys.map((passkey) => (
              <li key={passkey.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-medium">{passkey.label}</p>
                  <p className="text-sm text-muted">
                    Ajoutée le {formatFrenchDate(passkey.createdAt)}
                    {passkey.lastUsedAt ? ` — utilisée le ${formatFrenchDate(passkey.lastUsedAt)}` : " — pas encore utilisée"}
                  </p>
                </div>
                {canRemove ? (
                  <ConfirmDialog
                    trigger="Retirer"
                    triggerLabel={`Retirer la clé d'accès « ${passkey.label} »`}
                    title={`Retirer la clé d'accès « ${passkey.label} » ?`}
                    confirmLabel="Retirer"
                    pendingLabel="Retrait…"
                    action={removeFactor}
                    hidden={{ facteur: "cle", id: passkey.id }}
                  >
                    <p>Elle ne permettra plus de vous connecter. Pensez aussi à la supprimer de l&apos;appareil.</p>
                  </ConfirmDialog>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {locked ? null : <PasskeyEnrolment continueHref={continueHref} />}
      </section>

      <section aria-labelledby="application" className="space-y-4 border-t border-line pt-6">
        <h2 id="application" className="text-xl font-bold">
          Application d&apos;authentification
        </h2>
        <p>Un code à 6 chiffres, qui change toutes les 30 secondes, à saisir après votre mot de passe.</p>
        {factors.totp ? (
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p>Activée le {formatFrenchDate(factors.totp.confirmedAt)}.</p>
            {canRemove ? (
              <ConfirmDialog
                trigger="Retirer"
                triggerLabel="Retirer l'application d'authentification"
                title="Retirer l'application d'authentification ?"
                confirmLabel="Retirer"
                pendingLabel="Retrait…"
                action={removeFactor}
                hidden={{ facteur: "application" }}
              >
                <p>Ses codes ne permettront plus de vous connecter.</p>
              </ConfirmDialog>
            ) : null}
          </div>
        ) : null}
        {locked ? null : <TotpEnrolment replacing={factors.totp !== null} continueHref={continueHref} />}
      </section>

      {hasFactor ? (
        <section aria-labelledby="secours" className="space-y-4 border-t border-line pt-6">
          <h2 id="secours" className="text-xl font-bold">
            Codes de secours
          </h2>
          <p>
            Il vous reste <strong>{factors.recoveryCodes.left}</strong> code{factors.recoveryCodes.left > 1 ? "s" : ""} de secours sur {factors.recoveryCodes.total}. Chacun
            remplace une fois votre appareil.
          </p>
          {canRemove ? <RegenerateCodes /> : null}
        </section>
      ) : null}
    </div>
  );
}
