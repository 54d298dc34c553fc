"use server";

import { formState, optionalFormInput, serverAction } from "@/app/_data/action";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { checkStorageAsAdmin } from "@/lib/health/service-state";
import { getStorage } from "@/lib/storage/client";
import type { StorageCheck } from "@/lib/storage/self-check";

export type StorageCheckState = { results?: StorageCheck[]; attempt: number };

/** "Contrôler le stockage": admins only (a gestionnaire gets a 404), journaled by lib. */
export const runStorageCheck = serverAction("admin", [formState<StorageCheckState>(), optionalFormInput], async (staff, previous): Promise<StorageCheckState> => {
  const config = env();
  const results = await checkStorageAsAdmin(staff, {
    db: getDb(),
    storage: getStorage(),
    config: { endpoint: config.S3_ENDPOINT, forcePathStyle: config.S3_FORCE_PATH_STYLE, appUrl: config.APP_URL },
  });
  return { results, attempt: previous.attempt + 1 };
});
