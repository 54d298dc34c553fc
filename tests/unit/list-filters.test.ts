import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { applicationFiltersQuery, asIne, hasFilter, parseApplicationFilters } from "@/lib/staff/list-filters";

const parse = (query: string) => parseApplicationFilters(new URLSearchParams(query));

describe("the staff list's state in the URL", () => {
  it("reads filters typed as people type them, and writes them back canonically", () => {
    const zone = randomUUID();
    const filters = parse(`q=%20Dupr%C3%A9%20&zone=${zone}&voeu=tous&statut=in_review&complete=non&depuis=01%2F06%2F2026&valide_avant=2027-01-31&non_lus=1&tri=nom&page=3`);
    expect(filters).toMatchObject({ q: "Dupré", zone, zoneRank: "tous", status: "in_review", complete: false, submittedFrom: "2026-06-01", validBefore: "2027-01-31", unread: true, sort: "nom", page: 3 });
    expect(parse(applicationFiltersQuery(filters))).toEqual(filters);
    expect(hasFilter(filters)).toBe(true);
  });

  it("drops what is malformed instead of failing: a link from an older version still opens", () => {
    expect(parse("zone=nimporte&statut=supprimee&complete=peut-etre&depuis=2025-02-31&jusqua=31%2F02%2F2025&tri=rqth&page=-4")).toEqual(parse(""));
    expect(hasFilter(parse(""))).toBe(false);
    expect(applicationFiltersQuery(parse(""))).toBe("");
  });

  it("recognises an INE typed in the search box", () => {
    expect(asIne("2068 113 589l")).toBe("2068113589L");
    expect(asIne("dupont")).toBeNull();
  });
});
