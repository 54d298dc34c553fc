import { closedCampaigns } from "@/lib/applications/queries";
import { getDb } from "@/lib/db/client";

/** What the académie tells candidates about closed campaigns (set in /admin/parametres). */
export async function ClosedCampaigns({ fallback }: { fallback: string }) {
  const closed = await closedCampaigns(getDb());
  const withMessage = closed.filter((campaign) => campaign.message);
  if (withMessage.length === 0) return <p>{fallback}</p>;
  return (
    <ul className="space-y-1">
      {withMessage.map((campaign) => (
        <li key={campaign.label}>
          <strong>{campaign.label}</strong> : {campaign.message}
        </li>
      ))}
    </ul>
  );
}
