import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { cachedSettings } from "@/lib/settings/settings";

/** Settings for this request, however many components ask (kept a few seconds by the process: lib/settings). */
export const getRequestSettings = cache(() => cachedSettings(getDb()));
