"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A menu link that marks itself as the current page (aria-current) for screen readers and sight. */
export function NavLink({ href, label }: { href: string; label: string }) {
  const pathname = usePathname();
  // Home pages are current only on themselves, sections on their sub-pages too.
  const current = href === "/" || href === "/admin" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className="block border-b-2 border-transparent px-3 py-3 text-sm font-bold uppercase text-ink hover:bg-surface aria-[current=page]:border-france aria-[current=page]:text-france"
    >
      {label}
    </Link>
  );
}
