import { appendFile, mkdir, readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { Server } from "node:net";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CaughtMessage = {
  id: number;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
};

export type MailCatcher = {
  smtpUrl: string;
  inboxUrl: string;
  messages: () => CaughtMessage[];
  stop: () => Promise<void>;
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function inboxPage(messages: CaughtMessage[]): string {
  const rows = messages
    .slice()
    .reverse()
    .map(
      (m) =>
        `<tr><td>${escapeHtml(new Date(m.receivedAt).toLocaleString("fr-FR"))}</td><td>${escapeHtml(m.to.join(", "))}</td><td><a href="/messages/${m.id}">${escapeHtml(m.subject || "(sans objet)")}</a></td></tr>`,
    )
    .join("");
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Boîte de réception de développement</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#161616}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.5rem;text-align:left}a{color:#000091}</style></head>
<body><h1>Boîte de réception de développement</h1><p>Tous les courriels envoyés par la plateforme en développement arrivent ici ; aucun ne part vers l'extérieur. ${messages.length} message(s).</p>
<table><thead><tr><th>Reçu le</th><th>Destinataire</th><th>Objet</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
}

function messagePage(m: CaughtMessage): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(m.subject)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#161616}iframe{width:100%;height:70vh;border:1px solid #ddd}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}a{color:#000091}</style></head>
<body><p><a href="/">← Boîte de réception</a></p><h1>${escapeHtml(m.subject)}</h1>
<p>De : ${escapeHtml(m.from)}<br>À : ${escapeHtml(m.to.join(", "))}<br>Reçu le : ${escapeHtml(new Date(m.receivedAt).toLocaleString("fr-FR"))}</p>
<h2>Version HTML</h2><iframe sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(m.html)}" title="Version HTML"></iframe>
<h2>Version texte</h2><pre>${escapeHtml(m.text)}</pre></body></html>`;
}

async function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * A local SMTP server that accepts every mail and shows it in a web inbox, with a JSON API
 * (`GET /api/messages`, `DELETE /api/messages`) that tests read back. With `directory`, the
 * inbox is kept across restarts.
 */
export async function startMailCatcher(options: { smtpPort?: number; httpPort?: number; directory?: string }): Promise<MailCatcher> {
  const store: CaughtMessage[] = [];
  const journal = options.directory ? path.join(options.directory, "messages.jsonl") : undefined;
  if (options.directory && journal) {
    await mkdir(options.directory, { recursive: true });
    const previous = await readFile(journal, "utf8").catch(() => "");
    for (const line of previous.split("\n")) if (line.trim()) store.push(JSON.parse(line) as CaughtMessage);
  }

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    // No reverse DNS of 127.0.0.1 on every connection (it cost ~150 ms per mail).
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const message: CaughtMessage = {
            id: (store.at(-1)?.id ?? 0) + 1,
            receivedAt: new Date().toISOString(),
            from: parsed.from?.text ?? "",
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
          };
          store.push(message);
          if (journal) await appendFile(journal, `${JSON.stringify(message)}\n`);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  const http = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/api/messages" && request.method === "GET") {
      response.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      response.end(JSON.stringify(store));
    } else if (url.pathname === "/api/messages" && request.method === "DELETE") {
      store.length = 0;
      response.writeHead(204).end();
    } else if (url.pathname === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(inboxPage(store));
    } else {
      const match = /^\/messages\/(\d+)$/.exec(url.pathname);
      const message = match ? store.find((m) => m.id === Number(match[1])) : undefined;
      if (message) {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        response.end(messagePage(message));
      } else {
        response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Introuvable");
      }
    }
  });

  const smtpPort = await listen(smtp.server, options.smtpPort ?? 0);
  const httpPort = await listen(http, options.httpPort ?? 0);
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    inboxUrl: `http://127.0.0.1:${httpPort}`,
    messages: () => [...store],
    stop: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      });
    },
  };
}
