// Draws the live view from `live`. Rows are kept by key and updated in place, so a focused button keeps its
// focus while the figures move underneath it.

import { $, el, show, text, duration, percent, word, shortId } from './dom.js';
import { live, since } from './stream.js';

const WAITING_ROWS = 100;
const SERVICE_LEVEL_TARGET = 0.8;
const ABANDONED_LIMIT = 0.05;

let handlers = {};
let drawnAlerts = null;

/** The page's answers to its buttons: raise, move, pause, logout, listen(contact, mode), read. */
export function setHandlers(actions) {
  handlers = actions;
}

export function render() {
  renderFigures();
  renderQueue();
  renderOperators();
  renderConversations();
  if (drawnAlerts !== live.alerts) renderAlerts();
}

export function isWaiting(contact) {
  return contact.state === 'queued' || contact.state === 'offered';
}

/** Queue order: URGENT first, then the longest waiting. */
function queueOrder(a, b) {
  if (a.priority !== b.priority) return a.priority === 'urgent' ? -1 : 1;
  return Date.parse(a.queuedAt) - Date.parse(b.queuedAt);
}

function syncRows(tbody, items, keyOf, build, update) {
  const existing = new Map([...tbody.rows].map((row) => [row.dataset.key, row]));
  items.forEach((item, index) => {
    const key = keyOf(item);
    let row = existing.get(key);
    if (row) existing.delete(key);
    else {
      row = build(key);
      row.dataset.key = key;
    }
    update(row, item, index);
    const at = tbody.rows[index];
    if (at !== row) tbody.insertBefore(row, at || null);
  });
  existing.forEach((row) => row.remove());
}

function cells(row, count) {
  while (row.cells.length < count) row.append(el('td'));
  return [...row.cells];
}

// ---- today's figures ------------------------------------------------------------------------------

function renderFigures() {
  const f = live.figures;
  if (!f) return;
  text($('figures-day'), f.day);
  text($('fig-threshold'), f.thresholdSeconds);
  text($('fig-offered'), f.offered);
  text($('fig-answered'), f.answered);
  text($('fig-abandoned'), f.abandoned);
  text($('fig-service-level'), percent(f.serviceLevel));
  $('fig-service-level').classList.toggle('below', f.serviceLevel !== null && f.serviceLevel < SERVICE_LEVEL_TARGET);
  text($('fig-abandoned-share'), percent(f.abandonedShare));
  $('fig-abandoned-share').classList.toggle('below', f.abandonedShare !== null && f.abandonedShare > ABANDONED_LIMIT);
  text($('fig-average-wait'), duration(f.averageWaitSeconds));
  text($('fig-average-handling'), duration(f.averageHandlingSeconds));
  const recent = f.lastHalfHour || {};
  document.querySelectorAll('.recent-minutes').forEach((node) => text(node, recent.minutes ?? 30));
  text($('fig-recent-service-level'), percent(recent.serviceLevel));
  $('fig-recent-service-level').classList.toggle('below', isBelow(recent.serviceLevel));
  text($('fig-recent-abandoned-share'), percent(recent.abandonedShare));
  $('fig-recent-abandoned-share').classList.toggle('below', isOver(recent.abandonedShare));
  syncRows($('figures-by-language'), byLanguage(f), (r) => r.language, (key) => el('tr', { 'data-language': key }), (row, r) => {
    const [language, offered, level, abandoned, recentOffered, recentLevel, recentAbandoned] = cells(row, 7);
    text(language, r.language);
    text(offered, r.today.offered);
    text(level, percent(r.today.serviceLevel));
    level.classList.toggle('below', isBelow(r.today.serviceLevel));
    text(abandoned, percent(r.today.abandonedShare));
    abandoned.classList.toggle('below', isOver(r.today.abandonedShare));
    text(recentOffered, r.recent.offered);
    text(recentLevel, percent(r.recent.serviceLevel));
    recentLevel.classList.toggle('below', isBelow(r.recent.serviceLevel));
    text(recentAbandoned, percent(r.recent.abandonedShare));
    recentAbandoned.classList.toggle('below', isOver(r.recent.abandonedShare));
  });
  const channels = Object.entries(f.byChannel || {}).map(([channel, tally]) => ({ channel, ...tally }));
  syncRows($('figures-by-channel'), channels, (c) => c.channel, () => el('tr'), (row, c) => {
    const [name, offered, answered, abandoned, level, wait, handling] = cells(row, 7);
    text(name, word(c.channel));
    text(offered, c.offered);
    text(answered, c.answered);
    text(abandoned, c.abandoned);
    text(level, percent(c.serviceLevel));
    text(wait, duration(c.averageWaitSeconds));
    text(handling, duration(c.averageHandlingSeconds));
  });
}

const NO_CONTACT = { offered: 0, serviceLevel: null, abandonedShare: null };

/** Every language of the helpline (and any other a contact had), today and over the last half hour. */
export function byLanguage(f) {
  const recent = f.lastHalfHour?.byLanguage || {};
  const languages = [...new Set([...live.languages, ...Object.keys(f.byLanguage || {}), ...Object.keys(recent)])];
  return languages.map((language) => ({ language, today: f.byLanguage?.[language] || NO_CONTACT,
    recent: recent[language] || NO_CONTACT }));
}

export function isBelow(serviceLevel) {
  return serviceLevel !== null && serviceLevel !== undefined && serviceLevel < SERVICE_LEVEL_TARGET;
}

export function isOver(abandonedShare) {
  return abandonedShare !== null && abandonedShare !== undefined && abandonedShare > ABANDONED_LIMIT;
}

// ---- the queue ------------------------------------------------------------------------------------

function renderQueue() {
  const waiting = [...live.contacts.values()].filter(isWaiting).sort(queueOrder);
  text($('waiting-count'), waiting.length);
  const oldest = waiting.reduce((found, c) => (!found || c.queuedAt < found.queuedAt ? c : found), null);
  text($('longest-wait'), oldest ? duration(since(oldest.queuedAt)) : '–');

  const groups = new Map();
  for (const contact of waiting) {
    const key = `${contact.channel}|${contact.language}|${contact.priority}`;
    const group = groups.get(key) || { key, ...contact, count: 0 };
    group.count += 1;
    if (contact.queuedAt < group.queuedAt) group.queuedAt = contact.queuedAt;
    groups.set(key, group);
  }
  const summary = [...groups.values()].sort((a, b) => a.channel.localeCompare(b.channel)
    || a.language.localeCompare(b.language) || (a.priority === 'urgent' ? -1 : 1));
  syncRows($('queue-summary'), summary, (g) => g.key, () => el('tr'), (row, g) => {
    const [channel, language, priority, count, longest] = cells(row, 5);
    row.classList.toggle('urgent', g.priority === 'urgent');
    text(channel, word(g.channel));
    text(language, g.language);
    text(priority, word(g.priority));
    text(count, g.count);
    text(longest, duration(since(g.queuedAt)));
    longest.className = 'time';
  });

  syncRows($('waiting'), waiting.slice(0, WAITING_ROWS), (c) => c.id, buildWaitingRow, (row, c, index) => {
    const [place, id, channel, language, topic, priority, state, waited] = cells(row, 9);
    row.classList.toggle('urgent', c.priority === 'urgent');
    text(place, index + 1);
    text(id, shortId(c.id));
    text(channel, word(c.channel));
    text(language, c.language);
    text(topic, c.topic && c.topic !== 'unknown' ? c.topic : 'not given');
    text(priority, word(c.priority));
    priority.className = `priority-${c.priority}`;
    text(state, word(c.state));
    text(waited, duration(since(c.queuedAt)));
    waited.className = 'time';
    row.querySelector('button.raise').hidden = c.priority === 'urgent';
    row.querySelector('button.move').hidden = c.state !== 'queued';
  });
  text($('waiting-more'), waiting.length > WAITING_ROWS ? `…and ${waiting.length - WAITING_ROWS} more waiting.` : '');
}

function buildWaitingRow(key) {
  const contact = () => live.contacts.get(key);
  const row = el('tr', { 'data-contact': key });
  cells(row, 9);
  row.cells[8].append(el('div', { class: 'actions' },
    el('button', { type: 'button', class: 'raise', 'aria-label': `Raise ${shortId(key)} to urgent`,
      onclick: () => contact() && handlers.raise(contact()) }, 'Raise to urgent'),
    el('button', { type: 'button', class: 'move secondary', 'aria-label': `Move ${shortId(key)} to another language`,
      onclick: () => contact() && handlers.move(contact()) }, 'Move…')));
  return row;
}

// ---- operators ------------------------------------------------------------------------------------

/** One clear word: what the operator chose comes first (a paused operator finishing a chat is Paused, not Busy). */
export function stateOf(o) {
  return o.presence === 'paused' || o.presence === 'offline' ? o.presence : o.state;
}

/** What goes with the word: the pause's reason, and what a paused operator still holds. */
function stateDetail(o) {
  const details = [];
  if (o.presence === 'paused' && o.pauseReason) details.push(o.pauseReason);
  if (stateOf(o) !== o.state && o.current.length) details.push(`finishing ${o.current.length === 1 ? 'a contact' : `${o.current.length} contacts`}`);
  return details.length ? ` (${details.join('; ')})` : '';
}

/**
 * Per language and channel of the helpline, who could take such a contact now (available and free), who
 * will when free, who is paused and who is signed out; names where a supervisor would act on them.
 */
function renderStaffing(operators) {
  const languages = [...new Set([...live.languages, ...operators.flatMap((o) => o.languages)])];
  const rows = languages.flatMap((language) => ['call', 'chat'].map((channel) => {
    const takes = operators.filter((o) => o.languages.includes(language) && o.channels.includes(channel));
    const where = (state) => takes.filter((o) => stateOf(o) === state || (state === 'busy' && stateOf(o) === 'wrap_up'));
    return { key: `${language}|${channel}`, language, channel,
      free: where('available'), busy: where('busy'), paused: where('paused'), offline: where('offline') };
  }));
  const names = (list) => (list.length ? `${list.length}: ${list.map((o) => o.id).join(', ')}` : '0');
  syncRows($('staffing'), rows, (r) => r.key, (key) => el('tr', { 'data-staffing': key }), (row, r) => {
    const [language, channel, free, busy, paused, offline] = cells(row, 6);
    row.classList.toggle('unstaffed', r.free.length + r.busy.length === 0);
    text(language, r.language);
    text(channel, word(r.channel));
    text(free, names(r.free));
    text(busy, r.busy.length);
    text(paused, names(r.paused));
    text(offline, r.offline.length);
  });
}

function renderOperators() {
  const order = { busy: 0, wrap_up: 1, available: 2, paused: 3, offline: 4 };
  const operators = [...live.operators.values()]
    .sort((a, b) => (order[stateOf(a)] - order[stateOf(b)]) || a.id.localeCompare(b.id));
  show($('no-operators'), operators.length === 0);
  renderStaffing(operators);
  syncRows($('operators'), operators, (o) => o.id, buildOperatorRow, (row, o) => {
    const [name, state, since_, current, load, languages] = cells(row, 7);
    text(name, o.id);
    text(state, `${word(stateOf(o))}${stateDetail(o)}`);
    state.className = `state-${stateOf(o)}`;
    text(since_, duration(since(o.stateSince)));
    since_.className = 'time';
    text(current, o.current.length ? o.current.map(word).join(', ') : '–');
    text(load, o.load);
    text(languages, o.languages.join(', '));
    row.querySelector('button.pause').hidden = o.presence === 'paused';
    row.querySelector('button.pause').disabled = o.presence !== 'available';
    row.querySelector('button.resume').hidden = o.presence !== 'paused';
    row.querySelector('button.logout').disabled = o.presence === 'offline';
  });
}

function buildOperatorRow(key) {
  const operator = () => live.operators.get(key);
  const row = el('tr', { 'data-operator': key });
  cells(row, 7);
  row.cells[6].append(el('div', { class: 'actions' },
    el('button', { type: 'button', class: 'pause', 'aria-label': `Pause ${key}`,
      onclick: () => operator() && handlers.pause(operator()) }, 'Pause…'),
    el('button', { type: 'button', class: 'resume', 'aria-label': `End the pause of ${key}`, hidden: true,
      onclick: () => operator() && handlers.resume(operator()) }, 'End pause'),
    el('button', { type: 'button', class: 'logout secondary', 'aria-label': `Log out ${key}`,
      onclick: () => operator() && handlers.logout(operator()) }, 'Log out…')));
  return row;
}

// ---- conversations ----------------------------------------------------------------------------------

function renderConversations() {
  const talking = [...live.contacts.values()]
    .filter((c) => c.state === 'connected' || c.state === 'wrap_up')
    .sort((a, b) => a.stateSince.localeCompare(b.stateSince));
  show($('no-conversations'), talking.length === 0);
  show($('listen-hint'), Boolean(live.me) && !live.me.canListen);
  syncRows($('conversations'), talking, (c) => `${c.id}|${c.channel}`, buildConversationRow, (row, c) => {
    const [id, channel, language, operator, state, for_] = cells(row, 7);
    text(id, shortId(c.id));
    text(channel, word(c.channel));
    text(language, c.language);
    text(operator, c.operatorId || '–');
    text(state, word(c.state));
    text(for_, duration(since(c.stateSince)));
    for_.className = 'time';
    const canHear = c.state === 'connected' && live.me && live.me.canListen;
    row.querySelectorAll('button.listen').forEach((button) => { button.disabled = !canHear; });
  });
}

function buildConversationRow(key) {
  const [id, channel] = key.split('|');
  const contact = () => live.contacts.get(id);
  const row = el('tr', { 'data-contact': id });
  cells(row, 7);
  const actions = channel === 'call'
    ? ['listen', 'whisper', 'barge'].map((mode) => el('button', {
      type: 'button', class: `listen ${mode === 'listen' ? '' : 'secondary'}`, 'data-mode': mode,
      'aria-label': `${word(mode)}: call ${shortId(id)}`, onclick: () => contact() && handlers.listen(contact(), mode),
    }, word(mode)))
    : [el('button', { type: 'button', class: 'read', 'aria-label': `Read chat ${shortId(id)}`,
      onclick: () => contact() && handlers.read(contact()) }, 'Read chat')];
  row.cells[6].append(el('div', { class: 'actions' }, actions));
  return row;
}

// ---- alerts -----------------------------------------------------------------------------------------

function clock(iso) {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function alertText(alert) {
  switch (alert.kind) {
    case 'urgent_waiting':
      return `URGENT ${word(alert.channel).toLowerCase()} in ${alert.language} waiting since ${clock(alert.since)} (${shortId(alert.contactId)}).`;
    case 'long_wait':
      return `${alert.count} ${alert.count === 1 ? 'contact has' : 'contacts have'} waited over ${duration(alert.thresholdSeconds)}; `
        + `the longest since ${clock(alert.since)} (${shortId(alert.contactId)}).`;
    case 'no_operator':
      return 'The line is open and no operator is signed in.';
    case 'nobody_available':
      return `${alert.count} ${word(alert.channel).toLowerCase()}${alert.count === 1 ? '' : 's'} in ${alert.language} `
        + `${alert.count === 1 ? 'waits' : 'wait'} and no available operator takes ${alert.count === 1 ? 'it' : 'them'}.`;
    case 'phone_line':
      return phoneLineText(alert);
    case 'referral_failing':
      return `Referral ${alert.reference} (${word(alert.route)}) to ${alert.partner}: delivery failing, `
        + `${alert.attempts} ${alert.attempts === 1 ? 'attempt' : 'attempts'} so far; retried by itself. Since ${clock(alert.since)}.`;
    case 'referral_given_up':
      return `Referral ${alert.reference} (${word(alert.route)}) to ${alert.partner}: delivery given up after `
        + `${alert.attempts} ${alert.attempts === 1 ? 'attempt' : 'attempts'}. Tell the partner another way (phone) and note it.`;
    default:
      return alert.kind;
  }
}

/** What it means for callers: each cause sends calls to the fallback queue, around the consoles. */
function phoneLineText(alert) {
  const around = 'New calls ring the operators\' phones directly (fallback queue) and do not show in the consoles.';
  switch (alert.cause) {
    case 'ami':
      return `Phone line: the server has no link with Asterisk (AMI). ${around} Technical detail: ${alert.reason}`;
    case 'agi':
      return `Phone line: the server does not take Asterisk's calls (AGI). ${around} Technical detail: ${alert.reason}`;
    default:
      return `Phone line: ${alert.count} ${alert.count === 1 ? 'call was' : 'calls were'} sent to the fallback queue, `
        + `the last at ${clock(alert.last)}: ${alert.count === 1 ? 'it rang' : 'they rang'} the operators' phones directly, `
        + 'not the consoles.';
  }
}

/** An alert a supervisor can take note of: only a referral's, whose trouble stays in the outbox's records. */
function alertItem(alert) {
  const item = el('li', { class: alert.kind === 'long_wait' ? '' : 'urgent', 'data-kind': alert.kind }, alertText(alert));
  if (alert.reference) {
    item.dataset.reference = alert.reference;
    item.append(' ', el('button', { type: 'button', class: 'notice-referral secondary',
      'aria-label': `Acknowledge the alert of referral ${alert.reference}`,
      onclick: () => handlers.noticeReferral(alert) }, 'Acknowledge'));
  }
  return item;
}

function renderAlerts() {
  drawnAlerts = live.alerts;
  $('alerts').replaceChildren(...live.alerts.map(alertItem));
  show($('no-alerts'), live.alerts.length === 0);
}
