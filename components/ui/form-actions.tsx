"use client";

import Link from "next/link";
import { secondaryButtonClass } from "./form";
import { SubmitButton } from "./submit-button";

/** "Valider" and "Annuler" at the foot of a form. */
export function FormActions({ cancelHref }: { cancelHref: string }) {
  return (
    <div className="flex flex-wrap gap-3 border-t border-line pt-6">
      <SubmitButton pendingLabel="Enregistrement…">Valider</SubmitButton>
      <Link href={cancelHref} className={secondaryButtonClass}>
        Annuler
      </Link>
    </div>
  );
}
