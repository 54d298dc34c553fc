import type { ReactNode } from "react";
import { requireCandidate } from "@/app/_data/session";

/** Every candidate page needs a signed-in candidate; each action checks again for itself. */
export default async function CandidateLayout({ children }: { children: ReactNode }) {
  await requireCandidate();
  return children;
}
