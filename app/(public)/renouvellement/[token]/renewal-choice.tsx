"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { primaryButtonClass } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatFrenchDate } from "@/lib/format/date";
import { answer } from "./actions";
import { renewalFailures } from "./messages";

/** The two answers to the renewal mail, each a POST; the outcome replaces the buttons. */
export function RenewalChoice({ token, postType }: { token: string; postType: string }) {
  const [state, action] = useActionState(answer, {});
  const result = state.result;
  if (result?.ok) {
    return (
      <div className="space-y-4">
        <Alert tone="success" role="status" title={result.choice === "keep" ? "Votre candidature est maintenue" : "Votre candidature est retirée"}>
          {result.choice === "keep" ? (
            <p>
              Votre candidature {result.postType} est désormais valable jusqu&apos;au <strong>{formatFrenchDate(result.validUntil)}</strong>.
              Un courriel vous le confirme.
            </p>
          ) : (
            <p>Nos services n&apos;étudieront plus votre candidature {result.postType}. Un courriel vous le confirme.</p>
          )}
        </Alert>
        <Link href="/" className={primaryButtonClass}>
          Accéder à mon espace candidat
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {result ? (
        <Alert tone="error" role="alert">
          {renewalFailures[result.reason]}
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center gap-4">
        <form action={action}>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="choice" value="keep" />
          <SubmitButton pendingLabel="Enregistrement…">Maintenir ma candidature</SubmitButton>
        </form>
        <ConfirmDialog
          trigger="Retirer ma candidature"
          title={`Retirer votre candidature ${postType} ?`}
          confirmLabel="Retirer ma candidature"
          action={action}
          hidden={{ token, choice: "withdraw" }}
          pendingLabel="Enregistrement…"
          closeOnSubmit
        >
          <p>Nos services n&apos;étudieront plus cette candidature. Pour candidater de nouveau à ce poste, vous devrez d&apos;abord la supprimer depuis votre espace.</p>
        </ConfirmDialog>
      </div>
    </div>
  );
}
