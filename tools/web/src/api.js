// The JSON API of `tledger serve` (tools/server/README.md). An access token,
// when the server asks for one, is kept for this tab only (sessionStorage).
const TOKEN_KEY = 'tledger-token';

export class ApiError extends Error {
  constructor(status, vi, en) {
    super(en);
    this.status = status;
    this.vi = vi;
    this.en = en;
  }
}

export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

// GET /api/v1/<name>?<params> (empty values left out); the parsed JSON, or
// throws ApiError with the server's Vietnamese and English message.
export async function get(name, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') query.set(k, v);
  }
  const qs = query.toString();
  const headers = { Accept: 'application/json' };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`/api/v1/${name}${qs ? `?${qs}` : ''}`, { headers, cache: 'no-store' });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const e = body && body.error ? body.error : { vi: `Lỗi HTTP ${res.status}`, en: `HTTP error ${res.status}` };
    throw new ApiError(res.status, e.vi, e.en);
  }
  return body;
}
