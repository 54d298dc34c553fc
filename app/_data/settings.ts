import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { loadSettings } from "@/lib/settings/settings";

/** Settings read once per request, however many components ask. */
export const getRequestSettings = cache(() => loadSettings(getDb()));
