import { formatFileSize } from "@/lib/format/date";

/**
 * A stored PDF, downloaded through /fichiers/<id> (a one-minute presigned link). The link says
 * what it does before anyone follows it: a download, of a PDF, of this size (RGAA 6.1).
 */
export function FileLink({ file }: { file: { id: string; name: string; size: number } }) {
  return (
    <a href={`/fichiers/${file.id}`} className="break-all text-france underline" download>
      {file.name}
      <span className="whitespace-nowrap"> (télécharger le PDF, {formatFileSize(file.size)})</span>
    </a>
  );
}
