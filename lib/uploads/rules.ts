/** Upload rules shared by the browser (early, friendly checks) and the server (the real ones). */
export const maxUploadBytes = 20 * 1024 * 1024;
export const maxUploadLabel = "20 Mo";
export const pdfContentType = "application/pdf";

export const uploadMessages = {
  tooLarge: `Ce fichier dépasse ${maxUploadLabel} : il n'a pas été enregistré. Réduisez sa taille (par exemple en le numérisant en qualité « standard » ou en noir et blanc), puis déposez-le à nouveau.`,
  notPdf: "Ce fichier n'est pas un PDF : il n'a pas été enregistré. Enregistrez votre document au format PDF (« Enregistrer sous » ou « Imprimer » puis « PDF »), puis déposez-le à nouveau.",
  empty: "Ce fichier est vide : il n'a pas été enregistré.",
  missing: "Le fichier n'est pas arrivé jusqu'à nos serveurs. Vérifiez votre connexion, puis déposez-le à nouveau.",
  expired: "Le dépôt a pris trop de temps. Déposez le fichier à nouveau.",
  unavailable: "Le dépôt de fichiers est momentanément indisponible. Réessayez dans quelques minutes.",
  locked: "Cette candidature ne peut plus être modifiée.",
  tooManyOpen: "Plusieurs dépôts sont déjà en cours sur votre compte : attendez qu'ils se terminent (ou une vingtaine de minutes), puis déposez ce fichier.",
} as const;

/** The browser's declared file, checked before any storage is involved. */
export function declaredFileProblem(file: { name: string; size: number; type: string }): string | null {
  if (file.size <= 0) return uploadMessages.empty;
  if (file.size > maxUploadBytes) return uploadMessages.tooLarge;
  const looksPdf = file.type === pdfContentType || (file.type === "" && /\.pdf$/i.test(file.name));
  return looksPdf ? null : uploadMessages.notPdf;
}
