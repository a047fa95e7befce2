// Exit-option entries not re-checked for guidance.recheckAfter: listed for supervisors, each with the way to
// record a re-check (written into its country file and the audit log). Loaded at sign-in and every hour.

import { $, el, show } from './dom.js';
import { say, language, refusal } from './words.js';
import { request as api } from '../common/api.js';

const RELOAD_MS = 60 * 60 * 1000;
/** The list last loaded, drawn again in the page's language when it changes. */
let due = null;

export function watchRechecks() {
  load();
  setInterval(load, RELOAD_MS);
}

async function load() {
  try {
    due = await api('GET', '/api/guidance/rechecks');
  } catch (failed) {
    $('rechecks-status').textContent = say('rechecksFailed', { why: refusal(failed) });
    return;
  }
  draw();
}

/** Draws the list in the page's language (again after a change of language). */
export function draw() {
  if (!due) return;
  const entries = due.entries || [];
  $('rechecks-count').textContent = String(entries.length);
  $('rechecks-hint').textContent = say('rechecksHint', { count: due.recheckAfterDays });
  show($('rechecks-none'), entries.length === 0);
  $('rechecks').replaceChildren(...entries.map(row));
}

/** A name of the guidance content in the page's language (it has Romanian and English). */
function inLanguage(text) {
  return text?.[language()] ?? text?.en;
}

function row(entry) {
  const source = el('input', { id: `recheck-source-${entry.country}-${entry.id}`, maxlength: 200,
    placeholder: say('sourcePlaceholder') });
  const status = entry.verified ? say('checked')
    : entry.checkAt ? say('toBeConfirmedOn', { where: entry.checkAt }) : say('toBeConfirmed');
  return el('tr', { 'data-option': entry.id },
    el('td', {}, inLanguage(entry.countryName) || entry.country),
    el('td', {}, inLanguage(entry.name), entry.phone ? ` · ${entry.phone}` : ''),
    el('td', {}, entry.checked, entry.checkedBy ? ` (${entry.checkedBy})` : ''),
    el('td', {}, status),
    el('td', {},
      el('label', { class: 'visually-hidden', for: source.id }, say('sourceLabel', { entry: inLanguage(entry.name) })), source,
      el('button', { type: 'button', class: 'confirm', onclick: () => record(entry, 'confirmed', source.value.trim()) }, say('holds')),
      el('button', { type: 'button', class: 'secondary not-confirmed', onclick: () => record(entry, 'not_confirmed', '') },
        say('couldNotConfirm'))));
}

async function record(entry, result, source) {
  const body = source ? { result, source, sourceType: 'official' } : { result };
  try {
    await api('POST', `/api/guidance/countries/${entry.country}/options/${entry.id}/recheck`, body);
    $('rechecks-status').textContent = say('recheckRecorded', { entry: inLanguage(entry.name) });
    load();
  } catch (refused) {
    $('rechecks-status').textContent = say('recheckNotRecorded', { entry: inLanguage(entry.name), why: refusal(refused) });
  }
}
