"use client";

import { useActionState } from "react";
import { cellClass, ScrollTable } from "@/components/admin/scroll-table";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { StorageCheckState } from "./actions";

/** Runs the storage's go-live check and shows each point, passed or to mend. */
export function StorageCheckForm({ action }: { action: (state: StorageCheckState, formData: FormData) => Promise<StorageCheckState> }) {
  const [state, formAction] = useActionState(action, { attempt: 0 });
  const failed = state.results?.filter((result) => !result.ok).length ?? 0;
  return (
    <form action={formAction} className="space-y-4">
      {state.results ? (
        <>
          <Alert key={state.attempt} tone={failed ? "error" : "success"} role={failed ? "alert" : "status"}>
            {failed
              ? `${failed === 1 ? "1 point" : `${failed} points`} à corriger : les pièces des candidats ne sont pas protégées comme la plateforme le suppose.`
              : "Le stockage protège les pièces des candidats comme la plateforme le suppose. Contrôle inscrit au journal."}
          </Alert>
          <ScrollTable caption="Résultat du contrôle du stockage" headers={["Point contrôlé", "Résultat", "Réponse du stockage"]}>
            {state.results.map((result) => (
              <tr key={result.name}>
                <td className={cellClass}>{result.name}</td>
                <td className={`${cellClass} font-bold ${result.ok ? "text-success" : "text-marianne"}`}>{result.ok ? "Conforme" : "À corriger"}</td>
                <td className={`${cellClass} break-words text-sm`}>{result.detail}</td>
              </tr>
            ))}
          </ScrollTable>
        </>
      ) : null}
      <SubmitButton pendingLabel="Contrôle en cours (quelques secondes)…">Contrôler le stockage</SubmitButton>
    </form>
  );
}
