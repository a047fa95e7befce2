// The wallboard (/supervisor/?wallboard): the live stream's figures, large, for a wall screen read from across
// the room. No actions and nothing about any caller: counts, waits, operators' availability by language, service
// level and abandoned share, and the alerts as sentences.

import { $, el, text, duration, percent, capital } from './dom.js';
import { say, word, languageName, clockTime } from './words.js';
import { live, since, serverNow } from './stream.js';
import { alertText, byLanguage, isBelow, isOver, isWaiting, stateOf, sayFigureSettings } from './view.js';

const CHANNELS = ['call', 'chat'];

export function renderWallboard() {
  text($('wall-clock'), clockTime(serverNow()));
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
    : [el('li', { class: 'calm' }, say('noAlerts'))];
  tiles($('wall-alerts'), items);
}

function renderWaiting() {
  const waiting = [...live.contacts.values()].filter(isWaiting);
  const oldest = (list) => list.reduce((found, c) => (!found || c.queuedAt < found.queuedAt ? c : found), null);
  const longest = oldest(waiting);
  const list = [tile('all', say('waitingTile'), waiting.length,
    longest ? say('longest', { time: duration(since(longest.queuedAt)) }) : say('nobodyWaiting'))];
  for (const channel of CHANNELS) {
    for (const language of live.languages) {
      const these = waiting.filter((c) => c.channel === channel && c.language === language);
      const first = oldest(these);
      list.push(tile(`${channel}|${language}`, say('tileChannels', { channels: word('channels', channel), language: languageName(language) }),
        these.length, first ? say('longest', { time: duration(since(first.queuedAt)) }) : '', these.some((c) => c.priority === 'urgent')));
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
    return tile(language, capital(languageName(language)), anyChannel, say('freeDetail', { calls: free('call'), chats: free('chat') }),
      anyChannel === 0);
  });
  tiles($('wall-free'), list);
}

function renderService() {
  const f = live.figures;
  sayFigureSettings(f);
  if (!f) return;
  const recent = f.lastHalfHour || {};
  const minutes = recent.minutes ?? 30;
  const list = [
    tile('today', say('today'), percent(f.serviceLevel), say('abandonedDetail', { share: percent(f.abandonedShare) }),
      isBelow(f.serviceLevel) || isOver(f.abandonedShare)),
    tile('recent', say('lastMinutes', { minutes }), percent(recent.serviceLevel),
      say('abandonedDetail', { share: percent(recent.abandonedShare) }), isBelow(recent.serviceLevel) || isOver(recent.abandonedShare)),
    ...byLanguage(f).map((r) => tile(`language|${r.language}`,
      say('languageLastMinutes', { language: capital(languageName(r.language)), minutes }), percent(r.recent.serviceLevel),
      say('languageDetail', { share: percent(r.recent.abandonedShare), level: percent(r.today.serviceLevel) }),
      isBelow(r.recent.serviceLevel) || isOver(r.recent.abandonedShare))),
  ];
  tiles($('wall-service'), list);
}
