/**
 * A département code as zones carry it: "01"…"95" with "2A" and "2B" for Corse (no "20"),
 * "971"…"976" overseas. Pure.
 */
export const departementCode = /^(?:0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-6])$/;
