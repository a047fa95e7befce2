// Draws the live view from `live`. Rows are kept by key and updated in place, so a focused button keeps its
// focus while the figures move underneath it.

import { $, el, show, text, duration, percent, shortId, capital } from './dom.js';
import { say, word, languageName, clockTime } from './words.js';
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

/** The page's language changed: rows and alerts are drawn again, their buttons with them. */
export function wordsChanged() {
  ['queue-summary', 'waiting', 'staffing', 'operators', 'conversations', 'figures-by-language', 'figures-by-channel']
    .forEach((id) => $(id).replaceChildren());
  drawnAlerts = null;
  render();
}

/** Texts that carry a setting of today's figures: data-say-seconds (the service level's threshold), data-say-minutes (the recent window). */
export function sayFigureSettings(figures) {
  const values = { seconds: figures?.thresholdSeconds ?? 20, minutes: figures?.lastHalfHour?.minutes ?? 30 };
  document.querySelectorAll('[data-say-seconds]').forEach((node) => text(node, say(node.dataset.saySeconds, values)));
  document.querySelectorAll('[data-say-minutes]').forEach((node) => text(node, say(node.dataset.sayMinutes, values)));
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
  sayFigureSettings(f);
  if (!f) return;
  text($('figures-day'), f.day);
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
  text($('fig-recent-service-level'), percent(recent.serviceLevel));
  $('fig-recent-service-level').classList.toggle('below', isBelow(recent.serviceLevel));
  text($('fig-recent-abandoned-share'), percent(recent.abandonedShare));
  $('fig-recent-abandoned-share').classList.toggle('below', isOver(recent.abandonedShare));
  syncRows($('figures-by-language'), byLanguage(f), (r) => r.language, (key) => el('tr', { 'data-language': key }), (row, r) => {
    const [language, offered, level, abandoned, recentOffered, recentLevel, recentAbandoned] = cells(row, 7);
    text(language, capital(languageName(r.language)));
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
    text(name, word('channel', c.channel));
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
    text(channel, word('channel', g.channel));
    text(language, capital(languageName(g.language)));
    text(priority, word('urgency', g.priority));
    text(count, g.count);
    text(longest, duration(since(g.queuedAt)));
    longest.className = 'time';
  });

  syncRows($('waiting'), waiting.slice(0, WAITING_ROWS), (c) => c.id, buildWaitingRow, (row, c, index) => {
    const [place, id, channel, language, topic, priority, state, waited] = cells(row, 9);
    row.classList.toggle('urgent', c.priority === 'urgent');
    text(place, index + 1);
    text(id, shortId(c.id));
    text(channel, word('channel', c.channel));
    text(language, capital(languageName(c.language)));
    text(topic, c.topic && c.topic !== 'unknown' ? word('topic', c.topic) : say('notGiven'));
    text(priority, word('urgency', c.priority));
    priority.className = `priority-${c.priority}`;
    text(state, capital(word('contactState', c.state)));
    text(waited, duration(since(c.queuedAt)));
    waited.className = 'time';
    row.querySelector('button.raise').hidden = c.priority === 'urgent';
    row.querySelector('button.move').hidden = c.state !== 'queued';
  });
  text($('waiting-more'), waiting.length > WAITING_ROWS ? say('waitingMore', { count: waiting.length - WAITING_ROWS }) : '');
}

function buildWaitingRow(key) {
  const contact = () => live.contacts.get(key);
  const row = el('tr', { 'data-contact': key });
  cells(row, 9);
  row.cells[8].append(el('div', { class: 'actions' },
    el('button', { type: 'button', class: 'raise', 'aria-label': say('raiseLabel', { contact: shortId(key) }),
      onclick: () => contact() && handlers.raise(contact()) }, say('raise')),
    el('button', { type: 'button', class: 'move secondary', 'aria-label': say('moveLabel', { contact: shortId(key) }),
      onclick: () => contact() && handlers.move(contact()) }, say('move'))));
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
  if (stateOf(o) !== o.state && o.current.length) details.push(say('finishing', { count: o.current.length }));
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
    text(language, capital(languageName(r.language)));
    text(channel, word('channel', r.channel));
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
    text(state, `${word('operatorState', stateOf(o))}${stateDetail(o)}`);
    state.className = `state-${stateOf(o)}`;
    text(since_, duration(since(o.stateSince)));
    since_.className = 'time';
    text(current, o.current.length ? o.current.map((channel) => word('channel', channel)).join(', ') : '–');
    text(load, o.load);
    text(languages, o.languages.map(languageName).join(', '));
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
    el('button', { type: 'button', class: 'pause', 'aria-label': say('pauseLabel', { operator: key }),
      onclick: () => operator() && handlers.pause(operator()) }, say('pause')),
    el('button', { type: 'button', class: 'resume', 'aria-label': say('endPauseLabel', { operator: key }), hidden: true,
      onclick: () => operator() && handlers.resume(operator()) }, say('endPause')),
    el('button', { type: 'button', class: 'logout secondary', 'aria-label': say('logOutLabel', { operator: key }),
      onclick: () => operator() && handlers.logout(operator()) }, say('logOutOperator'))));
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
    text(channel, word('channel', c.channel));
    text(language, capital(languageName(c.language)));
    text(operator, c.operatorId || '–');
    text(state, capital(word('contactState', c.state)));
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
      'aria-label': say('listenLabel', { mode: word('listenMode', mode), contact: shortId(id) }),
      onclick: () => contact() && handlers.listen(contact(), mode),
    }, word('listenMode', mode)))
    : [el('button', { type: 'button', class: 'read', 'aria-label': say('readChatLabel', { contact: shortId(id) }),
      onclick: () => contact() && handlers.read(contact()) }, say('readChat'))];
  row.cells[6].append(el('div', { class: 'actions' }, actions));
  return row;
}

// ---- alerts -----------------------------------------------------------------------------------------

export function alertText(alert) {
  const at = { contact: alert.contactId && shortId(alert.contactId), since: alert.since && clockTime(alert.since),
    language: alert.language && languageName(alert.language) };
  switch (alert.kind) {
    case 'urgent_waiting':
      return word('alert', alert.kind, { ...at, channel: word('channel', alert.channel).toLocaleLowerCase() });
    case 'long_wait':
      return word('alert', alert.kind, { ...at, count: alert.count, time: duration(alert.thresholdSeconds) });
    case 'nobody_available':
      return word('alert', alert.kind, { ...at, count: alert.count,
        what: word('channelCount', alert.channel, { count: alert.count }) });
    case 'phone_line':
      return phoneLineText(alert);
    case 'referral_failing':
    case 'referral_given_up':
      return word('alert', alert.kind, { ...at, count: alert.attempts, reference: alert.reference,
        route: word('route', alert.route), partner: alert.partner });
    default:
      return word('alert', alert.kind, at);
  }
}

/** What it means for callers: each cause sends calls to the fallback queue, around the consoles. */
function phoneLineText(alert) {
  const around = word('phoneLine', 'around');
  if (alert.cause === 'ami' || alert.cause === 'agi') return word('phoneLine', alert.cause, { around, reason: alert.reason });
  return word('phoneLine', 'fallback', { count: alert.count, last: clockTime(alert.last) });
}

/** An alert a supervisor can take note of: only a referral's, whose trouble stays in the outbox's records. */
function alertItem(alert) {
  const item = el('li', { class: alert.kind === 'long_wait' ? '' : 'urgent', 'data-kind': alert.kind }, alertText(alert));
  if (alert.reference) {
    item.dataset.reference = alert.reference;
    item.append(' ', el('button', { type: 'button', class: 'notice-referral secondary',
      'aria-label': say('acknowledgeLabel', { reference: alert.reference }),
      onclick: () => handlers.noticeReferral(alert) }, say('acknowledge')));
  }
  return item;
}

function renderAlerts() {
  drawnAlerts = live.alerts;
  $('alerts').replaceChildren(...live.alerts.map(alertItem));
  show($('no-alerts'), live.alerts.length === 0);
}
