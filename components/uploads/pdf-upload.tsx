"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type ChangeEvent } from "react";
import { formatFileSize } from "@/lib/format/date";
import { declaredFileProblem, maxUploadLabel, uploadMessages } from "@/lib/uploads/rules";
import { photosToPdf } from "./photos-to-pdf";

export type UploadTicketResult =
  | { ok: true; ticket: { fileId: string; url: string; fields: Record<string, string> } }
  | { ok: false; message: string };
export type UploadConfirmResult = { ok: true } | { ok: false; message: string };

type Phase =
  | { kind: "idle" }
  | { kind: "assembling"; count: number }
  | { kind: "uploading"; name: string; loaded: number; total: number }
  | { kind: "checking"; name: string }
  | { kind: "done"; name: string }
  | { kind: "error"; message: string };

/** Storage answers a refused POST with an XML error code. */
function storageRefusal(status: number, body: string): string {
  const code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
  if (code === "EntityTooLarge") return uploadMessages.tooLarge;
  if (status === 403 && /expired/i.test(body)) return uploadMessages.expired;
  return uploadMessages.unavailable;
}

/**
 * Sends one PDF straight to storage (presigned POST) with a progress bar and a cancel button,
 * then asks the server to check it. Reused by attachments and diplomas: the caller supplies the
 * two server actions. The file never passes through the app server.
 */
const cancelledMessage = "Envoi annulé : aucun fichier n'a été enregistré.";

export function PdfUpload({
  label,
  actionLabel,
  start,
  confirm,
  onUploaded,
  photos,
}: {
  /** What the file is, e.g. "Pièce d'identité" (completes the accessible names). */
  label: string;
  /** The visible button text: "Ajouter", "Remplacer"… */
  actionLabel: string;
  start: (file: { name: string; size: number; type: string }) => Promise<UploadTicketResult>;
  confirm: (fileId: string) => Promise<UploadConfirmResult>;
  /** Called once the file is checked; without it the page is refreshed to show the new file. */
  onUploaded?: (file: { id: string; name: string; size: number }) => void;
  /** Offer photos too (a phone's camera or gallery), assembled into one PDF named `pdfName`. */
  photos?: { pdfName: string };
}) {
  const id = useId();
  const router = useRouter();
  const request = useRef<XMLHttpRequest | null>(null);
  // "Annuler l'envoi" pressed before the storage request exists (the ticket is still coming).
  const cancelled = useRef(false);
  const outcome = useRef<HTMLParagraphElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  useEffect(() => () => request.current?.abort(), []);
  // The outcome of an upload is what the person needs next: saved, or why not. Focus it, as
  // forms focus their success message or error summary.
  useEffect(() => {
    if (phase.kind === "done" || phase.kind === "error") outcome.current?.focus();
  }, [phase.kind]);

  const busy = phase.kind === "assembling" || phase.kind === "uploading" || phase.kind === "checking";

  async function choosePdf(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (file && !busy) await send(file);
  }

  async function choosePhotos(event: ChangeEvent<HTMLInputElement>) {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = "";
    if (chosen.length === 0 || !photos || busy) return;
    setPhase({ kind: "assembling", count: chosen.length });
    try {
      await send(await photosToPdf(chosen, photos.pdfName));
    } catch (error) {
      setPhase({ kind: "error", message: error instanceof Error ? error.message : uploadMessages.unavailable });
    }
  }

  async function send(file: File) {
    const problem = declaredFileProblem(file);
    if (problem) {
      setPhase({ kind: "error", message: problem });
      return;
    }
    cancelled.current = false;
    setPhase({ kind: "uploading", name: file.name, loaded: 0, total: file.size });
    let ticket: UploadTicketResult;
    try {
      ticket = await start({ name: file.name, size: file.size, type: file.type });
    } catch {
      ticket = { ok: false, message: uploadMessages.unavailable };
    }
    if (cancelled.current) {
      setPhase({ kind: "error", message: cancelledMessage });
      return;
    }
    if (!ticket.ok) {
      setPhase({ kind: "error", message: ticket.message });
      return;
    }
    const { fileId, url, fields } = ticket.ticket;
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    body.append("file", file);
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.upload.onprogress = (progress) => {
      setPhase({ kind: "uploading", name: file.name, loaded: progress.loaded, total: progress.lengthComputable ? progress.total : file.size });
    };
    xhr.onerror = () => setPhase({ kind: "error", message: uploadMessages.unavailable });
    xhr.onabort = () => setPhase({ kind: "error", message: cancelledMessage });
    xhr.onload = async () => {
      request.current = null;
      if (xhr.status < 200 || xhr.status >= 300) {
        setPhase({ kind: "error", message: storageRefusal(xhr.status, xhr.responseText) });
        return;
      }
      setPhase({ kind: "checking", name: file.name });
      let confirmed: UploadConfirmResult;
      try {
        confirmed = await confirm(fileId);
      } catch {
        confirmed = { ok: false, message: uploadMessages.unavailable };
      }
      if (!confirmed.ok) {
        setPhase({ kind: "error", message: confirmed.message });
        return;
      }
      setPhase({ kind: "done", name: file.name });
      if (onUploaded) onUploaded({ id: fileId, name: file.name, size: file.size });
      else router.refresh();
    };
    xhr.open("POST", url);
    xhr.send(body);
  }

  const percent =
    phase.kind === "uploading"
      ? Math.min(100, Math.round((phase.loaded / Math.max(1, phase.total)) * 100))
      : phase.kind === "checking" || phase.kind === "done"
        ? 100
        : 0;
  // Announced by steps of 25 % only: a screen reader would otherwise read every progress event.
  const milestone = Math.floor(percent / 25) * 25;
  const status =
    phase.kind === "uploading"
      ? `Envoi de « ${phase.name} » : ${milestone} % (taille : ${formatFileSize(phase.total)})`
      : phase.kind === "assembling"
        ? `Préparation du PDF à partir de ${phase.count === 1 ? "la photo" : `${phase.count} photos`}…`
        : phase.kind === "checking"
        ? `Vérification de « ${phase.name} »…`
        : phase.kind === "done"
          ? `« ${phase.name} » est enregistré.`
          : "";

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <input
          id={id}
          type="file"
          accept="application/pdf,.pdf"
          className="peer sr-only"
          // Not `disabled`: that would throw the keyboard focus away mid-upload.
          aria-disabled={busy}
          aria-describedby={`${id}-aide`}
          onChange={choosePdf}
        />
        <label
          htmlFor={id}
          className="inline-flex min-h-11 cursor-pointer items-center border border-france bg-white px-4 py-2 font-medium text-france hover:bg-france-light peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-france peer-aria-disabled:cursor-wait peer-aria-disabled:opacity-60"
        >
          {actionLabel}
          <span className="sr-only"> : {label}</span>
        </label>
        {photos ? (
          <>
            <input
              id={`${id}-photos`}
              type="file"
              accept="image/*"
              multiple
              className="peer/photos sr-only"
              aria-disabled={busy}
              aria-describedby={`${id}-aide`}
              onChange={choosePhotos}
            />
            <label
              htmlFor={`${id}-photos`}
              className="inline-flex min-h-11 cursor-pointer items-center border border-france bg-white px-4 py-2 font-medium text-france hover:bg-france-light peer-focus-visible/photos:outline-3 peer-focus-visible/photos:outline-offset-2 peer-focus-visible/photos:outline-france peer-aria-disabled/photos:cursor-wait peer-aria-disabled/photos:opacity-60"
            >
              Prendre ou choisir des photos
              <span className="sr-only"> : {label}</span>
            </label>
          </>
        ) : null}
        <span id={`${id}-aide`} className="text-sm text-muted">
          {photos
            ? `Un PDF de ${maxUploadLabel} au maximum, ou des photos (une par page) que nous assemblons en un PDF.`
            : `PDF, ${maxUploadLabel} au maximum.`}
        </span>
      </div>
      {phase.kind === "uploading" || phase.kind === "checking" || phase.kind === "done" ? (
        <div className="flex flex-wrap items-center gap-3">
          <progress className="h-3 w-full max-w-xs" max={100} value={percent} aria-label={`Envoi du fichier : ${label}`} />
          <span className="text-sm tabular-nums" aria-hidden="true">
            {percent} %
          </span>
          {phase.kind === "uploading" ? (
            <button
              type="button"
              onClick={() => {
                cancelled.current = true;
                request.current?.abort();
              }}
              className="min-h-11 px-2 text-marianne underline"
            >
              Annuler l&apos;envoi
            </button>
          ) : null}
        </div>
      ) : null}
      <p role="status" ref={phase.kind === "done" ? outcome : undefined} tabIndex={phase.kind === "done" ? -1 : undefined} className="text-sm">
        {status}
      </p>
      {phase.kind === "error" ? (
        <p role="alert" ref={outcome} tabIndex={-1} className="border-l-4 border-marianne bg-marianne-light px-3 py-2 text-sm font-medium">
          {phase.message}
        </p>
      ) : null}
    </div>
  );
}
