"use client";

import { useId, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";

/**
 * An action that asks first (a deletion, an extension): the trigger opens a modal dialog
 * (native <dialog>: focus kept inside, Escape closes) that says what it will touch; only its
 * form acts.
 */
export function ConfirmDialog({
  trigger,
  triggerLabel,
  title,
  children,
  confirmLabel,
  action,
  hidden,
  pendingLabel = "Suppression…",
  closeOnSubmit = false,
  tone = "danger",
}: {
  /** Visible trigger text ("Supprimer"). */
  trigger: ReactNode;
  /** The trigger's accessible name when the visible text is not enough ("Supprimer la candidature …"). */
  triggerLabel?: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  action: (formData: FormData) => void | Promise<void>;
  hidden: Record<string, string>;
  pendingLabel?: string;
  /** Close at once (the page shows the outcome) instead of waiting for a navigation. */
  closeOnSubmit?: boolean;
  /** "danger" for what destroys (red), "neutral" for what only changes (blue). */
  tone?: "danger" | "neutral";
}) {
  const danger = tone === "danger";
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  return (
    <>
      <button
        type="button"
        aria-label={triggerLabel}
        aria-haspopup="dialog"
        onClick={() => {
          dialog.current?.showModal();
          // The safe choice first: Enter must not delete (React does not apply autoFocus on the client).
          cancel.current?.focus();
        }}
        className={`inline-flex min-h-11 items-center gap-1 px-2 font-medium underline hover:no-underline ${danger ? "text-marianne" : "text-france"}`}
      >
        {trigger}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className={`m-auto w-[min(32rem,calc(100vw-2rem))] border-t-4 p-6 backdrop:bg-black/50 ${danger ? "border-marianne" : "border-france"}`}
      >
        <h2 id={titleId} className="text-xl font-bold">
          {title}
        </h2>
        <div className="mt-3 space-y-2">{children}</div>
        <form action={action} onSubmit={closeOnSubmit ? () => dialog.current?.close() : undefined} className="mt-6 flex flex-wrap gap-3">
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <ConfirmButton pendingLabel={pendingLabel} danger={danger}>
            {confirmLabel}
          </ConfirmButton>
          <button
            ref={cancel}
            type="button"
            onClick={() => dialog.current?.close()}
            className="inline-flex min-h-11 items-center border border-france bg-white px-5 py-2 font-medium text-france hover:bg-france-light"
          >
            Annuler
          </button>
        </form>
      </dialog>
    </>
  );
}

function ConfirmButton({ children, pendingLabel, danger }: { children: string; pendingLabel: string; danger: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className={`inline-flex min-h-11 items-center px-5 py-2 font-medium text-white hover:opacity-90 disabled:cursor-wait disabled:opacity-70 ${danger ? "bg-marianne" : "bg-france"}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
