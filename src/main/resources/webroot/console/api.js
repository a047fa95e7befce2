// The server's HTTP API (docs/protocol.md): accounts and guidance.

async function request(method, path, body) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    cache: 'no-store',
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error(json && json.message ? json.message : `HTTP ${response.status}`);
    error.status = response.status;
    error.code = json && json.code;
    error.body = json;
    throw error;
  }
  return json;
}

export const me = () => request('GET', '/api/me');
export const login = (name, password) => request('POST', '/api/login', { name, password });
export const logout = () => request('POST', '/api/logout');
export const changePassword = (current, next) => request('POST', '/api/password', { current, new: next });
export const guidance = () => request('GET', '/api/guidance');
export const reloadGuidance = () => request('POST', '/api/guidance/reload');

const countries = new Map();
/** Exit options of one country; kept for the page's life (the content is public, not personal). */
export function country(code) {
  if (!countries.has(code)) {
    countries.set(code, request('GET', `/api/guidance/countries/${encodeURIComponent(code)}`)
      .catch((error) => { countries.delete(code); throw error; }));
  }
  return countries.get(code);
}

export function forgetCountries() {
  countries.clear();
}
