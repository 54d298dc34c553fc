"use client";

import { useActionState, useId, useRef, useState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { decisionLabels, decisionNeedsReason, staffDecisions, type StaffDecision } from "@/lib/applications/status";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField, TextAreaField, primaryButtonClass, secondaryButtonClass } from "@/components/ui/form";

export type StatusFormState = {
  ok?: boolean;
  message?: string;
  errors: Partial<Record<string, string>>;
  /** What was sent, shown again after a refusal. */
  values?: { status: string; reason: string };
  attempt: number;
};

/**
 * "Changer le statut": a decision with its reason, confirmed in a dialog that says what it
 * touches ("Changer le statut de 37 candidatures en « Non retenue » ?") before anything is
 * written. Used for one candidature and for a selection.
 */
export function StatusChangeForm({
  id,
  action,
  filteredTotal,
  children,
}: {
  /** The form's id: checkboxes elsewhere in the page join it with `form={id}` and `name="ids"`. */
  id: string;
  action: (state: StatusFormState, formData: FormData) => Promise<StatusFormState>;
  /** Bulk mode: the filtered list's size, when the scope "liste" is chosen. Absent: one candidature. */
  filteredTotal?: number;
  /** Extra fields (the scope of a bulk change). */
  children?: ReactNode;
}) {
  const [state, formAction] = useActionState(action, { errors: {}, attempt: 0 });
  const form = useRef<HTMLFormElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [summary, setSummary] = useState<{ count: number; status: StaffDecision | null }>({ count: 0, status: null });
  const [problem, setProblem] = useState<string | null>(null);

  function openConfirmation() {
    if (!form.current) return;
    const data = new FormData(form.current);
    const status = staffDecisions.find((decision) => decision === data.get("status")) ?? null;
    const count =
      filteredTotal === undefined
        ? 1
        : data.get("scope") === "liste"
          ? filteredTotal
          : document.querySelectorAll(`input[name="ids"][form="${id}"]:checked`).length;
    if (!status) return setProblem("Choisissez le nouveau statut.");
    if (count === 0) return setProblem("Cochez au moins une candidature dans la liste.");
    if (decisionNeedsReason(status) && String(data.get("reason") ?? "").trim().length < 3) {
      return setProblem("Indiquez le motif de cette décision : il est communiqué au candidat.");
    }
    setProblem(null);
    setSummary({ count, status });
    dialog.current?.showModal();
    cancel.current?.focus();
  }

  const labels = { status: "Nouveau statut", reason: "Motif", selection: "Sélection" };
  return (
    <form key={state.attempt} id={id} ref={form} action={formAction} noValidate className="space-y-3">
      {/* Enter in a field of this form (a row's checkbox elsewhere in the page included) must not
          submit it: this disabled first button is the form's default one. Only "Confirmer" acts. */}
      <button type="submit" disabled hidden aria-hidden="true" tabIndex={-1} />
      {state.ok && state.message ? (
        <Alert tone="success" role="status">
          {state.message}
        </Alert>
      ) : null}
      <ErrorSummary errors={state.errors} labels={labels} targets={{ status: `${id}-status`, reason: `${id}-reason` }} />
      {problem ? (
        <p role="alert" className="border-l-4 border-marianne bg-marianne-light px-3 py-2 text-sm">
          {problem}
        </p>
      ) : null}
      {children}
      <SelectField
        id={`${id}-status`}
        name="status"
        label="Nouveau statut"
        options={staffDecisions.map((decision) => ({ value: decision, label: decisionLabels[decision] }))}
        defaultValue={state.values?.status}
        error={state.errors.status}
      />
      <TextAreaField
        id={`${id}-reason`}
        name="reason"
        label="Motif"
        hint="Le candidat le lit dans son espace (le courriel qui l'informe l'y invite). Obligatoire pour « Retenue » et « Non retenue »."
        maxLength={1000}
        defaultValue={state.values?.reason}
        error={state.errors.reason}
      />
      <button type="button" onClick={openConfirmation} className={secondaryButtonClass} aria-haspopup="dialog">
        Changer le statut…
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-[min(32rem,calc(100vw-2rem))] border-t-4 border-france p-6 backdrop:bg-black/50">
        <h2 id={titleId} className="text-xl font-bold">
          {summary.count === 1 ? "Changer le statut d'une candidature" : `Changer le statut de ${summary.count.toLocaleString("fr-FR")} candidatures`}
          {summary.status ? ` en « ${decisionLabels[summary.status]} » ?` : " ?"}
        </h2>
        <p className="mt-3">
          {summary.count === 1 ? "Le candidat sera informé" : "Chaque candidat sera informé"} par courriel s&apos;il a une adresse, et lira le
          motif dans son espace. Cette action est enregistrée dans le journal.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <ConfirmButton onDone={() => dialog.current?.close()} />
          <button ref={cancel} type="button" onClick={() => dialog.current?.close()} className={secondaryButtonClass}>
            Annuler
          </button>
        </div>
      </dialog>
    </form>
  );
}

function ConfirmButton({ onDone }: { onDone: () => void }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} onClick={() => setTimeout(onDone, 0)} className={primaryButtonClass}>
      {pending ? "Enregistrement…" : "Confirmer"}
    </button>
  );
}
