import { z } from "zod";
import { describe, expect, it } from "vitest";
import { personalDetailsShape } from "@/lib/accounts/personal-details";
import { referentialCatalog } from "@/lib/referentials/catalog";
import { invalidCharacterMessage, isCleanLine, isCleanText } from "@/lib/validation";

const hostile = {
  escape: "Dupont\u001b[31m",
  bell: "Dupont\u0007",
  newline: "Dupont\r\nBcc: victime@exemple.fr",
  nul: "Dupont\u0000",
  rightToLeft: "Dupont\u202efdp.exe",
  isolate: "Dupont\u2067",
};

describe("free text", () => {
  it("a line refuses control characters and direction overrides; a text keeps its lines", () => {
    for (const [name, value] of Object.entries(hostile)) expect(isCleanLine(value), name).toBe(false);
    expect(isCleanLine("Élodie-Marie O'Brien")).toBe(true);
    expect(isCleanText("Bonjour,\r\n\tvoici ma pièce.")).toBe(true);
    expect(isCleanText(hostile.escape)).toBe(false);
    expect(isCleanText(hostile.rightToLeft)).toBe(false);
    // Arabic or Hebrew names are text, not overrides.
    expect(isCleanLine("عبد الله")).toBe(true);
  });

  it("names, places and reference labels say why in French", () => {
    const names = z.object(personalDetailsShape).pick({ birthName: true, birthPlace: true, misc: true });
    const result = names.safeParse({ birthName: hostile.rightToLeft, birthPlace: hostile.newline, misc: "Disponible\nle lundi" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ["birthName", invalidCharacterMessage],
      ["birthPlace", invalidCharacterMessage],
    ]);
    expect(referentialCatalog.zones.schema.safeParse({ code: "NORD", label: hostile.escape, department: "59" }).error?.issues[0]?.message).toBe(invalidCharacterMessage);
  });
});
