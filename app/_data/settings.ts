import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { isSharedCopyRendering } from "@/lib/pages/shared-copies";
import { cachedSettings } from "@/lib/settings/settings";

/**
 * Settings for this request, however many components ask (kept a few seconds by the process:
 * lib/settings). The rendering of a public page's shared copy (lib/pages/shared-copies.ts,
 * marked by the proxy) reads them fresh: the copy then lives `settingsCacheMs`, no longer.
 */
export const getRequestSettings = cache(async () => {
  return cachedSettings(getDb(), { fresh: isSharedCopyRendering(await headers()) });
});
