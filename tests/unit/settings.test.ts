import { describe, expect, it } from "vitest";
import { defaultSettings, resolveSettings } from "@/lib/settings/definitions";

describe("settings", () => {
  it("defaults to the guide's rules and addresses", () => {
    const settings = defaultSettings();
    expect(settings.validityMonths).toBe(6);
    expect(settings.graceDays).toBe(30);
    expect(settings.platformContactEmail).toBe("ce.acloerecrutement@ac-lille.fr");
    expect(settings.campaignContactEmail).toBe("dsden62.acloe-aesh@ac-lille.fr");
  });

  it("uses stored values over defaults and falls back when one no longer fits", () => {
    const { settings, invalidKeys } = resolveSettings([
      { key: "academyName", value: "Académie d'Amiens" },
      { key: "graceDays", value: -3 },
      { key: "unknownKey", value: 1 },
    ]);
    expect(settings.academyName).toBe("Académie d'Amiens");
    expect(settings.graceDays).toBe(30);
    expect(invalidKeys).toEqual(["graceDays"]);
  });
});
