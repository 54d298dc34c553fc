import { getCurrentUser } from "@/app/_data/session";
import { exportAccountData } from "@/lib/accounts/account";

export const dynamic = "force-dynamic";

/** "Télécharger mes données": a JSON file of everything held about the signed-in candidate. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user || user.role !== "candidate") return Response.json({ error: "Connectez-vous pour télécharger vos données." }, { status: 401 });
  const data = await exportAccountData(user.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="mes-donnees-aesh-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
