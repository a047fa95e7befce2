// The wallboard (/supervisor/?wallboard): the live stream's figures, large, for a wall screen read from across
// the room. No actions and nothing about any caller: counts, waits, operators' availability by language, service
// level and abandoned share, and the alerts as sentences.

import { $, el, text, duration, percent, word } from './dom.js';
import { live, since, serverNow } from './stream.js';
import { alertText, byLanguage, isBelow, isOver, isWaiting, stateOf } from './view.js';

const CHANNELS = ['call', 'chat'];

export function renderWallboard() {
  text($('wall-clock'), new Date(serverNow()).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
  renderAlerts();
  renderWaiting();
  renderFree();
  renderService();
}

function tile(key, label, figure, detail, bad) {
  return el('div', { class: `tile${bad ? ' bad' : ''}`, 'data-tile': key },
    el('span', { class: 'label' }, label), el('span', { class: 'figure' }, figure),
    el('span', { class: 'detail' }, detail || ''));
}

/** Replaces the tiles only when what they say changed, so the screen does not flicker every second. */
function tiles(container, list) {
  const next = list.map((t) => t.textContent + t.className).join('|');
  if (container.dataset.drawn !== next) {
    container.dataset.drawn = next;
    container.replaceChildren(...list);
  }
}

function renderAlerts() {
  const items = live.alerts.length
    ? live.alerts.map((alert) => el('li', { 'data-kind': alert.kind }, alertText(alert)))
    : [el('li', { class: 'calm' }, 'No alerts.')];
  tiles($('wall-alerts'), items);
}

function renderWaiting() {
  const waiting = [...live.contacts.values()].filter(isWaiting);
  const oldest = (list) => list.reduce((found, c) => (!found || c.queuedAt < found.queuedAt ? c : found), null);
  const longest = oldest(waiting);
  const list = [tile('all', 'Waiting', waiting.length,
    longest ? `longest ${duration(since(longest.queuedAt))}` : 'nobody waiting')];
  for (const channel of CHANNELS) {
    for (const language of live.languages) {
      const these = waiting.filter((c) => c.channel === channel && c.language === language);
      const first = oldest(these);
      list.push(tile(`${channel}|${language}`, `${word(channel)}s, ${language}`, these.length,
        first ? `longest ${duration(since(first.queuedAt))}` : '', these.some((c) => c.priority === 'urgent')));
    }
  }
  tiles($('wall-waiting'), list);
}

function renderFree() {
  const operators = [...live.operators.values()];
  const list = live.languages.map((language) => {
    const free = (channel) => operators.filter((o) => stateOf(o) === 'available' && o.languages.includes(language)
      && o.channels.includes(channel)).length;
    const anyChannel = operators.filter((o) => stateOf(o) === 'available' && o.languages.includes(language)).length;
    return tile(language, language, anyChannel, `calls ${free('call')} · chats ${free('chat')}`, anyChannel === 0);
  });
  tiles($('wall-free'), list);
}

function renderService() {
  const f = live.figures;
  if (!f) return;
  text($('wall-threshold'), f.thresholdSeconds);
  const recent = f.lastHalfHour || {};
  const list = [
    tile('today', 'Today', percent(f.serviceLevel), `abandoned ${percent(f.abandonedShare)}`,
      isBelow(f.serviceLevel) || isOver(f.abandonedShare)),
    tile('recent', `Last ${recent.minutes ?? 30} min`, percent(recent.serviceLevel),
      `abandoned ${percent(recent.abandonedShare)}`, isBelow(recent.serviceLevel) || isOver(recent.abandonedShare)),
    ...byLanguage(f).map((r) => tile(`language|${r.language}`, `${r.language}, last ${recent.minutes ?? 30} min`,
      percent(r.recent.serviceLevel), `abandoned ${percent(r.recent.abandonedShare)} · today ${percent(r.today.serviceLevel)}`,
      isBelow(r.recent.serviceLevel) || isOver(r.recent.abandonedShare))),
  ];
  tiles($('wall-service'), list);
}
