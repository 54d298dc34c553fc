"use client";

import { useFormStatus } from "react-dom";
import { primaryButtonClass, secondaryButtonClass } from "./form";

/** A submit button that says it is working while its form is being sent. */
export function SubmitButton({
  children,
  pendingLabel = "Envoi en cours…",
  variant = "primary",
}: {
  children: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary";
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={variant === "primary" ? primaryButtonClass : secondaryButtonClass}>
      {pending ? pendingLabel : children}
    </button>
  );
}
