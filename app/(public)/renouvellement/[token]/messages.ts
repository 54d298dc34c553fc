/** Why a renewal link does not work, in words a candidate understands. */
export const renewalFailures = {
  unknown: "Ce lien n'est pas valide. Vérifiez que vous avez copié l'adresse en entier, ou connectez-vous à votre espace candidat.",
  used: "Ce lien a déjà servi : votre réponse est enregistrée. Connectez-vous à votre espace candidat pour voir votre candidature.",
  superseded:
    "Ce lien ne sert plus : votre candidature a changé depuis ce courriel (un courriel plus récent, une prolongation ou une décision de nos services). Connectez-vous à votre espace candidat pour voir où elle en est.",
  expired: "Ce lien a expiré : le délai de réponse est passé. Connectez-vous à votre espace candidat pour voir où en est votre candidature.",
  not_found: "Cette candidature n'existe plus (elle a été supprimée). Vous pouvez en déposer une nouvelle depuis votre espace candidat.",
  closed: "Cette candidature n'attend plus de réponse : elle a déjà été retirée ou examinée par nos services.",
  too_early: "Cette candidature est encore valable : il n'est pas nécessaire de la maintenir maintenant.",
} as const;
