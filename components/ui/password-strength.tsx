"use client";

import { useEffect, useState } from "react";

const levels = ["Très faible", "Faible", "Moyen", "Bon", "Excellent"] as const;
const colors = ["bg-marianne", "bg-marianne", "bg-warning", "bg-success", "bg-success"] as const;

/**
 * A live strength meter under a new-password field. The estimator (a French dictionary) is
 * loaded only once someone types, so the page stays light on a slow phone.
 */
export function PasswordStrength({ password, personalData }: { password: string; personalData: string[] }) {
  const [checked, setChecked] = useState<{ password: string; score: number; problems: string[] } | null>(null);
  useEffect(() => {
    let active = true;
    if (password) {
      void import("@/lib/accounts/password-policy").then(({ checkPassword }) => {
        if (active) setChecked({ password, ...checkPassword(password, personalData) });
      });
    }
    return () => {
      active = false;
    };
  }, [password, personalData]);
  // Only the verdict on what is typed now (an emptied field shows nothing).
  const result = checked && checked.password === password ? checked : null;

  const score = result?.score ?? 0;
  return (
    <div className="mt-2" aria-live="polite">
      <div className="flex h-2 gap-1" aria-hidden="true">
        {levels.map((level, index) => (
          <span key={level} className={`flex-1 ${result && index <= score ? colors[score] : "bg-line"}`} />
        ))}
      </div>
      {result ? (
        <p className="mt-1 text-sm">
          Robustesse : <strong>{result.problems.length > 0 ? levels[Math.min(score, 2)] : levels[score]}</strong>
          {result.problems.length > 0 ? ` — ${result.problems[0]}` : " — mot de passe accepté."}
        </p>
      ) : null}
    </div>
  );
}
