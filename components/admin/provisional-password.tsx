"use client";

import { useActionState, useId, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { secondaryButtonClass } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";

type State = { password?: string; error?: string; attempt: number };

/**
 * A staff-assisted reset for a candidate without email, confirmed first: the temporary
 * password appears once, to be read to the candidate on the phone; it must be changed at the
 * next login, and every open session of the account ends.
 */
export function ProvisionalPassword({ action, candidate }: { action: (state: State) => Promise<State>; candidate: string }) {
  const [state, formAction] = useActionState(action, { attempt: 0 });
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  return (
    <div className="space-y-3">
      {state.password ? (
        <Alert tone="success" role="status" title="Mot de passe provisoire">
          <p>
            Communiquez-le au candidat : <strong className="font-mono text-xl tracking-wide">{state.password}</strong>
          </p>
          <p className="text-sm">
            Il ne sera plus affiché. Il fonctionne 72 heures ; le candidat devra en choisir un nouveau dès sa prochaine connexion.
          </p>
        </Alert>
      ) : null}
      {state.error ? (
        <Alert tone="error" role="alert">
          {state.error}
        </Alert>
      ) : null}
      <button
        type="button"
        aria-haspopup="dialog"
        className={secondaryButtonClass}
        onClick={() => {
          dialog.current?.showModal();
          cancel.current?.focus();
        }}
      >
        Donner un mot de passe provisoire…
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-[min(32rem,calc(100vw-2rem))] border-t-4 border-france p-6 backdrop:bg-black/50">
        <h2 id={titleId} className="text-xl font-bold">
          Donner un mot de passe provisoire à {candidate} ?
        </h2>
        <p className="mt-3">
          Son mot de passe actuel ne fonctionnera plus et ses sessions ouvertes seront fermées. Ne le communiquez qu&apos;en rappelant la
          personne au numéro enregistré dans son compte, jamais à un appel reçu.
        </p>
        <form action={formAction} onSubmit={() => dialog.current?.close()} className="mt-6 flex flex-wrap gap-3">
          <SubmitButton pendingLabel="Création…">Créer le mot de passe provisoire</SubmitButton>
          <button ref={cancel} type="button" onClick={() => dialog.current?.close()} className={secondaryButtonClass}>
            Annuler
          </button>
        </form>
      </dialog>
    </div>
  );
}
