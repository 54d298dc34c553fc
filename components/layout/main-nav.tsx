"use client";

import { usePathname } from "next/navigation";
import { useId, useState, type ReactNode } from "react";
import { NavLink } from "./nav-link";

export type NavItem = { href: string; label: string };

/**
 * The main navigation. From 640 px it is a row of links; on a phone, a "Menu" button opens it
 * as a list (a disclosure: aria-expanded, Escape closes it and gives focus back), instead of
 * three wrapped lines of links pushing the page down. It closes on every navigation.
 */
export function MainNav({ nav, width, children }: { nav: NavItem[]; width: string; children?: ReactNode }) {
  // Open on the page where it was opened only: any navigation closes it.
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (value: boolean) => setOpenOn(value ? pathname : null);
  const listId = useId();
  return (
    <nav
      aria-label="Menu principal"
      className="border-t border-line"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          setOpen(false);
          document.getElementById(`${listId}-bouton`)?.focus();
        }
      }}
    >
      <div className={`mx-auto ${width} px-2 sm:hidden`}>
        <button
          type="button"
          id={`${listId}-bouton`}
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
          className="flex min-h-11 w-full items-center gap-2 px-2 py-2 text-sm font-bold uppercase text-ink"
        >
          <span aria-hidden="true" className="text-lg leading-none">
            {open ? "✕" : "☰"}
          </span>
          Menu
        </button>
      </div>
      <ul id={listId} className={`mx-auto ${width} flex-col px-2 pb-2 sm:flex sm:flex-row sm:flex-wrap sm:pb-0 ${open ? "flex" : "hidden"}`}>
        {nav.map((item) => (
          <li key={item.href}>
            <NavLink href={item.href} label={item.label} />
          </li>
        ))}
        {children}
      </ul>
    </nav>
  );
}
