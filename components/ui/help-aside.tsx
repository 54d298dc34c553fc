import type { ReactNode } from "react";

/** The guide's "AIDE" box beside a page (below it on a phone). */
export function HelpAside({ id, children }: { id: string; children: ReactNode }) {
  return (
    <aside aria-labelledby={id} className="h-fit space-y-3 bg-surface p-4 text-sm">
      <h2 id={id} className="font-bold uppercase">
        Aide
      </h2>
      {children}
    </aside>
  );
}
