import "server-only";
import { render } from "@react-email/components";
import type { ReactElement } from "react";

export type RenderedEmail = { html: string; text: string };

/** Every mail goes out as HTML and plain text, both from the same template. */
export async function renderEmail(element: ReactElement): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}
