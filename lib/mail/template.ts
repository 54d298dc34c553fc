import "server-only";
import { randomInt } from "node:crypto";
import type { ReactElement } from "react";
import { renderEmail, type RenderedEmail } from "./render";

/**
 * A mail sent to thousands at once (the daily job's notices) rendered once, with markers where
 * each recipient's values go, then filled per recipient: ten thousand React renders took
 * 7 ms each. Values are escaped in the HTML exactly as React escapes text and attributes, and
 * go as they are in the plain text, so a filled mail is byte for byte the mail a render with
 * the same values gives (tests/unit/mail-template.test.ts).
 */
export type MailTemplate<K extends string> = { fill: (values: Record<K, string>) => RenderedEmail };

/** React's escaping of text and attribute values (react-dom's escapeTextForBrowser). */
const htmlEscapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (character) => htmlEscapes[character]!);

export async function compileEmail<K extends string>(keys: readonly K[], element: (slots: Record<K, string>) => ReactElement): Promise<MailTemplate<K>> {
  // Digits between section signs: untouched by HTML escaping, URL attributes and the plain-text
  // conversion (which upper-cases headings). Ten characters, as a JJ/MM/AAAA date: react-email
  // pads the preview text to a fixed length, so a date there pads the same. Values are put in
  // one pass, never scanned again: a value that looks like a marker stays as it is.
  const nonce = randomInt(100_000, 1_000_000);
  const marker = (index: number) => `§${nonce}${String(index).padStart(2, "0")}§`;
  const slots = Object.fromEntries(keys.map((key, index) => [key, marker(index)])) as Record<K, string>;
  const rendered = await renderEmail(element(slots));
  const pattern = new RegExp(`§${nonce}(\\d{2})§`, "g");
  for (const [name, body] of Object.entries(rendered)) {
    for (const key of keys) if (!body.includes(slots[key])) throw new Error(`compileEmail: ${key} absent from the ${name} version`);
  }
  const fillWith = (body: string, values: Record<K, string>, escape: (value: string) => string) =>
    body.replace(pattern, (_, index: string) => escape(values[keys[Number(index)]!]));
  return {
    fill: (values) => ({ html: fillWith(rendered.html, values, escapeHtml), text: fillWith(rendered.text, values, (value) => value) }),
  };
}
