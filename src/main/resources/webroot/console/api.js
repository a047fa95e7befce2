// The server's HTTP API (docs/protocol.md): accounts, guidance and referrals.

import { request } from '../common/api.js';

export const me = () => request('GET', '/api/me');
export const login = (name, password) => request('POST', '/api/login', { name, password });
export const logout = () => request('POST', '/api/logout');
export const changePassword = (current, next) => request('POST', '/api/password', { current, new: next });
export const guidance = () => request('GET', '/api/guidance');
export const reloadGuidance = () => request('POST', '/api/guidance/reload');
export const referralForm = () => request('GET', '/api/referrals/form');
export const openReferral = (referral) => request('POST', '/api/referrals', referral);
export const myReferrals = () => request('GET', '/api/referrals');

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
