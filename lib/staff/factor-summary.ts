/** "2 clés d'accès, application" — a staff member's second factors in a few words. Pure. */
export function factorSummary(factors: { passkeys: number; totp: boolean }): string {
  const parts = [factors.passkeys ? `${factors.passkeys} clé${factors.passkeys > 1 ? "s" : ""} d'accès` : null, factors.totp ? "application" : null].filter(Boolean);
  return parts.length ? parts.join(", ") : "aucune";
}
