/** Application statuses in plain French, for candidates. Pure. */
export type ApplicationStatus = "submitted" | "in_review" | "recruited" | "rejected" | "withdrawn";

export const statusLabels: Record<ApplicationStatus, string> = {
  submitted: "Déposée, en attente d'examen par nos services",
  in_review: "En cours d'examen par nos services",
  recruited: "Retenue",
  rejected: "Non retenue",
  withdrawn: "Retirée",
};

/**
 * The status as the candidate reads it. A submitted application that still lacks something is
 * not awaiting examination (the guide: it "ne pourra être traitée"), so it says so.
 */
export function candidateStatusLabel(status: ApplicationStatus, complete: boolean): string {
  if (status === "submitted" && !complete) return "Déposée, incomplète : elle sera examinée une fois complétée";
  return statusLabels[status];
}

/** The guide's "prise en compte" applies to a complete application that staff may study. */
export const isTakenIntoAccount = (status: ApplicationStatus, complete: boolean) =>
  status === "in_review" || (status === "submitted" && complete);

/** The form (choices, wishes, university) can be changed until staff start examining it. */
export const canEditForm = (status: ApplicationStatus) => status === "submitted";

/** Documents can still be added while staff examine it: they may ask for one. */
export const canEditAttachments = (status: ApplicationStatus) => status === "submitted" || status === "in_review";

/**
 * "Et maintenant ?" on the dashboard: what the candidate should do next, from their applications.
 * Completeness only matters while an application is open (submitted or being examined): a
 * withdrawn or decided one has nothing left to complete.
 */
export type NextStep = { kind: "file" } | { kind: "complete"; incomplete: number } | { kind: "wait"; open: number } | { kind: "closed" };

export function nextStep(applications: readonly { status: ApplicationStatus; missing: readonly unknown[] }[]): NextStep {
  if (applications.length === 0) return { kind: "file" };
  const open = applications.filter((application) => canEditAttachments(application.status));
  const incomplete = open.filter((application) => application.missing.length > 0).length;
  if (incomplete > 0) return { kind: "complete", incomplete };
  return open.length > 0 ? { kind: "wait", open: open.length } : { kind: "closed" };
}

export function lockedReason(status: ApplicationStatus): string {
  switch (status) {
    case "in_review":
      return "Nos services examinent votre candidature : ses choix ne peuvent plus être modifiés. Vous pouvez encore déposer une pièce jointe. Pour tout autre changement, écrivez au service de recrutement.";
    case "recruited":
    case "rejected":
      return "Nos services ont rendu leur décision sur cette candidature : elle ne peut plus être modifiée.";
    case "withdrawn":
      return "Vous avez retiré cette candidature : elle ne peut plus être modifiée. Vous pouvez la supprimer puis en déposer une nouvelle.";
    default:
      return "";
  }
}

/** What staff decide on an application ("Changer le statut"). */
export const staffDecisions = ["in_review", "recruited", "rejected"] as const;
export type StaffDecision = (typeof staffDecisions)[number];

/** Staff labels: the same words as candidates read (DESIGN.md). */
export const decisionLabels: Record<StaffDecision, string> = {
  in_review: "En cours d'examen",
  recruited: "Retenue",
  rejected: "Non retenue",
} satisfies Partial<Record<ApplicationStatus, string>>;

/** A withdrawn application is closed by its candidate; otherwise any other decision may follow. */
export const canDecide = (from: ApplicationStatus, to: StaffDecision) => from !== "withdrawn" && from !== to;

/** A decision the candidate is told about must say why, except starting the examination. */
export const decisionNeedsReason = (to: StaffDecision) => to !== "in_review";

/** The short status words staff read (the same words as candidates, DESIGN.md). */
export const statusWords: Record<ApplicationStatus, string> = {
  submitted: "Déposée",
  in_review: "En cours d'examen",
  recruited: "Retenue",
  rejected: "Non retenue",
  withdrawn: "Retirée",
};

/** Staff lists: "Déposée (complète)", "Retenue"… */
export function staffStatusLabel(status: ApplicationStatus, complete: boolean): string {
  if (status === "submitted") return `${statusWords.submitted} (${complete ? "complète" : "incomplète"})`;
  return statusWords[status];
}
