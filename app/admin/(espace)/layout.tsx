import type { ReactNode } from "react";
import { requireStaff } from "@/app/_data/session";

/** Every staff page needs a gestionnaire or an admin; each action checks again for itself. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  await requireStaff();
  return children;
}
