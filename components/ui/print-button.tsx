"use client";

import { secondaryButtonClass } from "./form";

/** "Imprimer": the page has a print stylesheet (menus, forms and buttons left out). */
export function PrintButton({ label = "Imprimer" }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={`${secondaryButtonClass} print:hidden`}>
      {label}
    </button>
  );
}
