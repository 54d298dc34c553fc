/** Where a staff member confirms their identity again before changing their factors. */
export const reconfirmPath = `/admin/verification?reconfirmer=1&suivant=${encodeURIComponent("/admin/securite")}`;
