"use client";

import { useState, useTransition } from "react";

/**
 * The RQTH answer, shown only when a staff member asks for it (each reading is journaled), kept
 * out of the URL and out of print: health data is neither shared nor copied.
 */
export function RqthReveal({ reveal }: { reveal: () => Promise<string> }) {
  const [answer, setAnswer] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (answer !== null) {
    return (
      <p role="status" className="font-medium print:hidden">
        Réponse du candidat : {answer}
      </p>
    );
  }
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => startTransition(async () => setAnswer(await reveal()))}
      className="inline-flex min-h-11 items-center text-france underline print:hidden"
    >
      {pending ? "Affichage…" : "Afficher la réponse du candidat"}
    </button>
  );
}
