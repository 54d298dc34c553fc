import { getCurrentUser } from "@/app/_data/session";
import { exportAccountData } from "@/lib/accounts/account";

export const dynamic = "force-dynamic";

/** "Télécharger mes données": a JSON file of everything held about the signed-in candidate. */
export async function GET() {
  const user = await getCurrentUser();
  // A link followed after the session ended: sign in, then the download starts.
  if (!user) return new Response(null, { status: 303, headers: { Location: `/?suivant=${encodeURIComponent("/compte/donnees")}` } });
  if (user.role !== "candidate") return new Response("Introuvable.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const data = await exportAccountData(user.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="mes-donnees-aesh-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
