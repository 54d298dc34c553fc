import "server-only";
import { render, toPlainText } from "@react-email/components";
import type { ReactElement } from "react";

export type RenderedEmail = { html: string; text: string };

/** Every mail goes out as HTML and plain text, both from the same template. */
export async function renderEmail(element: ReactElement): Promise<RenderedEmail> {
  // One render: the text version is derived from the HTML, as react-email's plainText does.
  const html = await render(element);
  return { html, text: toPlainText(html) };
}
