// Numbers, money, dates and instants as an official reads them: dd/mm/yyyy
// dates, instants in Vietnam time with the offset shown, grouped digits
// (16.006 / 16,006). The API speaks ISO (YYYY-MM-DD, RFC 3339 UTC).
const VN_OFFSET_MS = 7 * 3600 * 1000;

function two(n) { return String(n).padStart(2, '0'); }

export function number(n, lang) {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US').format(n);
}
// "4.700.000.000 đ" / "4,700,000,000 VND", as tools/cli/labels.h Money().
export function money(vnd, lang) {
  return lang === 'vi' ? `${number(vnd, 'vi')} đ` : `${number(vnd, 'en')} VND`;
}
// enrolled / quota as a percentage with one decimal ("61,8%" / "61.8%"),
// or null when there is no quota.
export function achieved(enrolled, quota, lang) {
  if (quota === null || quota === undefined || quota === 0) return null;
  const pct = Math.round((enrolled * 1000) / quota) / 10;
  return `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 1 }).format(pct)}%`;
}

// "2025-12-31" -> "31/12/2025".
export function isoToDmy(iso) {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
// "31/12/2025" (or "1/7/2025") -> "2025-12-31"; null unless a real day.
export function dmyToIso(text) {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const d = Number(m[1]), mo = Number(m[2]), y = Number(m[3]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}`;
}
// Days since 1970-01-01 <-> "YYYY-MM-DD" (the slider's scale).
export function isoToDays(iso) { return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000); }
export function daysToIso(days) { return new Date(days * 86400000).toISOString().slice(0, 10); }
// Today's date in Vietnam.
export function todayIso() { return new Date(Date.now() + VN_OFFSET_MS).toISOString().slice(0, 10); }

// "2026-12-07T03:58:07.668346Z" -> "07/12/2026 10:58:07 (UTC+07:00)".
export function vietnamTime(instant) {
  const ms = Date.parse(instant.replace(/(\.\d{3})\d*Z$/, '$1Z'));
  const v = new Date(ms + VN_OFFSET_MS);
  return `${two(v.getUTCDate())}/${two(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ` +
    `${two(v.getUTCHours())}:${two(v.getUTCMinutes())}:${two(v.getUTCSeconds())} (UTC+07:00)`;
}
