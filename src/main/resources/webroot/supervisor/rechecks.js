// Exit-option entries not re-checked for guidance.recheckAfter: listed for supervisors, each with the way to
// record a re-check (written into its country file and the audit log). Loaded at sign-in and every hour.

import { $, el, show } from './dom.js';
import { request as api } from '../common/api.js';

const RELOAD_MS = 60 * 60 * 1000;

export function watchRechecks() {
  load();
  setInterval(load, RELOAD_MS);
}

async function load() {
  let due;
  try {
    due = await api('GET', '/api/guidance/rechecks');
  } catch (failed) {
    $('rechecks-status').textContent = `The entries due for a re-check could not be loaded: ${failed.message}`;
    return;
  }
  const entries = due.entries || [];
  $('rechecks-count').textContent = String(entries.length);
  $('rechecks-after').textContent = String(due.recheckAfterDays);
  show($('rechecks-none'), entries.length === 0);
  $('rechecks').replaceChildren(...entries.map(row));
}

function row(entry) {
  const source = el('input', { id: `recheck-source-${entry.country}-${entry.id}`, maxlength: 200,
    placeholder: 'official page checked (optional)' });
  return el('tr', { 'data-option': entry.id },
    el('td', {}, entry.countryName.en || entry.country),
    el('td', {}, entry.name.en, entry.phone ? ` · ${entry.phone}` : ''),
    el('td', {}, entry.checked, entry.checkedBy ? ` (${entry.checkedBy})` : ''),
    el('td', {}, entry.verified ? 'checked' : `to be confirmed${entry.checkAt ? ` (check on ${entry.checkAt})` : ''}`),
    el('td', {},
      el('label', { class: 'visually-hidden', for: source.id }, `Official source checked for ${entry.id}`), source,
      el('button', { type: 'button', class: 'confirm', onclick: () => record(entry, 'confirmed', source.value.trim()) }, 'Holds'),
      el('button', { type: 'button', class: 'secondary not-confirmed', onclick: () => record(entry, 'not_confirmed', '') },
        'Could not confirm')));
}

async function record(entry, result, source) {
  const body = source ? { result, source, sourceType: 'official' } : { result };
  try {
    await api('POST', `/api/guidance/countries/${entry.country}/options/${entry.id}/recheck`, body);
    $('rechecks-status').textContent = `Re-check of ${entry.id} recorded.`;
    load();
  } catch (refused) {
    $('rechecks-status').textContent = `Re-check of ${entry.id} not recorded: ${refused.message}`;
  }
}
