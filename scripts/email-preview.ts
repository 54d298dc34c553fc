import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { emailPreviews } from "../emails";
import { renderEmail } from "../lib/mail/render";

// `npm run email`: renders every template with its sample data into .data/email-preview/.
const directory = path.resolve(".data", "email-preview");
await mkdir(directory, { recursive: true });
const links: string[] = [];
for (const preview of emailPreviews) {
  const { html, text } = await renderEmail(preview.element);
  await writeFile(path.join(directory, `${preview.name}.html`), html);
  await writeFile(path.join(directory, `${preview.name}.txt`), `Objet : ${preview.subject}\n\n${text}`);
  links.push(`<li><a href="${preview.name}.html">${preview.subject}</a> — <a href="${preview.name}.txt">texte</a></li>`);
}
await writeFile(
  path.join(directory, "index.html"),
  `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Modèles de courriels</title><h1>Modèles de courriels</h1><ul>${links.join("")}</ul></html>`,
);
console.log(`${emailPreviews.length} modèle(s) rendu(s) : ouvrez ${path.join(directory, "index.html")}`);
