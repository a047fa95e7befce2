// The caller's chat page: pre-chat, waiting, conversation, end. Every text from the server, the
// operator or the messages files is inserted with textContent, never as HTML.
import { onExit, setExitUrl } from './exit.js';
import { ChatLink } from './link.js';

const TYPING_SHOWN_MS = 5000;
const DEFAULT_SETTINGS = { languages: ['ro', 'en'], quickExitUrl: 'https://www.google.com/', reconnectWindowSeconds: 120, maxMessageBytes: 2048 };
/** The page's title for each reason the server gives for not taking a chat now. */
const CLOSED_TITLES = { hours: 'closedHours', no_operator: 'closedNoOperator', busy: 'closedBusy' };

const $ = (id) => document.getElementById(id);
const ui = {
  welcome: $('welcome'), prechat: $('prechat'), language: $('language'), topics: $('topics'), notice: $('notice'),
  dangerNow: $('danger-now'), chat: $('chat'), status: $('status'), cards: $('cards'), cardList: $('card-list'),
  writeHint: $('write-hint'), messages: $('messages'), typing: $('typing'), composer: $('composer'), text: $('text'),
  composerError: $('composer-error'), end: $('end'), finished: $('finished'), finishedTitle: $('finished-title'),
  closedHelp: $('closed-help'), hours: $('hours'), hoursItem: $('hours-item'), newChat: $('new-chat'),
  dangerBanner: $('danger-banner'), finishedDanger: $('finished-danger'),
};

let settings = DEFAULT_SETTINGS;
let words = {};
let language = 'ro';
let link = null;
let topic = null;
let operatorName = null;
let typingTimer = 0;
const pending = new Map();

function say(key, values = {}) {
  const text = words[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

function show(section) {
  for (const each of [ui.welcome, ui.chat, ui.finished]) {
    each.hidden = each !== section;
  }
}

function setStatus(text) {
  ui.status.textContent = text;
}

async function loadJson(path) {
  const response = await fetch(path, { cache: 'no-store', credentials: 'omit' });
  if (!response.ok) {
    throw new Error(`${path}: ${response.status}`);
  }
  return response.json();
}

async function useLanguage(code) {
  try {
    words = await loadJson(`messages/${code}.json`);
    language = code;
  } catch (failed) {
    if (code !== settings.languages[0]) {
      return useLanguage(settings.languages[0]);
    }
  }
  document.documentElement.lang = language;
  document.title = say('title');
  for (const element of document.querySelectorAll('[data-text]')) {
    element.textContent = say(element.dataset.text);
  }
  renderTopics();
  renderHours();
  if (topic) {
    renderCards(topic);
  }
  return language;
}

function languageName(code) {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch (unknown) {
    return code;
  }
}

function renderLanguages() {
  ui.language.replaceChildren(...settings.languages.map((code) => {
    const option = document.createElement('option');
    option.value = code;
    option.textContent = languageName(code);
    option.lang = code;
    return option;
  }));
  ui.language.value = language;
}

function renderTopics() {
  const chosen = ui.prechat.elements.topic?.value;
  const topics = words.topics || {};
  ui.topics.replaceChildren(...Object.keys(topics).map((code) => {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'topic';
    input.value = code;
    input.checked = code === chosen;
    const text = document.createElement('span');
    text.textContent = topics[code];
    label.append(input, ' ', text);
    return label;
  }));
}

function renderCards(code) {
  const cards = (words.cards || {})[code] || [];
  ui.cardList.replaceChildren(...cards.map((card) => {
    const item = document.createElement('li');
    const title = document.createElement('h3');
    title.textContent = card.title;
    const text = document.createElement('p');
    text.textContent = card.text;
    item.append(title, text);
    return item;
  }));
}

function renderHours() {
  const hours = settings.openingHours;
  if (!hours || !hours.days) {
    return;
  }
  const order = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  const dayName = (day) => new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' })
    .format(new Date(Date.UTC(2024, 0, 1 + order.indexOf(day))));
  const groups = [];
  for (const day of order) {
    const text = (hours.days[day] || []).join(', ');
    const last = groups[groups.length - 1];
    if (text && last && last.text === text && order.indexOf(last.to) === order.indexOf(day) - 1) {
      last.to = day;
    } else if (text) {
      groups.push({ from: day, to: day, text });
    }
  }
  const closedOn = (hours.closedOn || []).map((date) => new Intl.DateTimeFormat(language,
    { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`)));
  ui.hours.textContent = groups.map((g) => `${dayName(g.from)}${g.from === g.to ? '' : `–${dayName(g.to)}`} ${g.text}`)
    .join('; ') + ` (${hours.zone})` + (closedOn.length ? `. ${say('closedOn')} ${closedOn.join(', ')}` : '');
  ui.hoursItem.hidden = groups.length === 0;
}

// --- the conversation -------------------------------------------------------------------------

function timeOf(iso) {
  try {
    return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  } catch (bad) {
    return '';
  }
}

function bubble(from, text) {
  const item = document.createElement('li');
  item.className = `msg msg--${from}`;
  const who = document.createElement('span');
  who.className = 'msg__who';
  who.textContent = from === 'caller' ? say('you') : (operatorName || say('advisor'));
  const body = document.createElement('p');
  body.className = 'msg__text';
  body.textContent = text;
  const meta = document.createElement('span');
  meta.className = 'msg__meta';
  item.append(who, body, meta);
  return item;
}

function setState(item, key) {
  item.dataset.state = key;
  const meta = item.querySelector('.msg__meta');
  const time = item.dataset.time ? `${timeOf(item.dataset.time)} · ` : '';
  meta.textContent = item.classList.contains('msg--caller') ? `${time}${say(key)}` : time.replace(/ · $/, '');
}

/** Confirmed messages stay in seq order, before those still being sent. */
function placeConfirmed(item) {
  const firstPending = ui.messages.querySelector('[data-state="sending"]');
  if (item === firstPending) {
    return;
  }
  ui.messages.insertBefore(item, firstPending);
}

function addPending(id, text) {
  const item = bubble('caller', text);
  item.dataset.id = String(id);
  setState(item, 'sending');
  pending.set(id, item);
  ui.messages.append(item);
}

function onMessage(line) {
  let item = line.id ? pending.get(line.id) : null;
  if (item) {
    pending.delete(line.id);
  } else {
    item = bubble(line.from, line.text);
  }
  item.dataset.seq = String(line.seq);
  item.dataset.time = line.sentAt;
  setState(item, line.from === 'caller' ? 'sent' : 'received');
  placeConfirmed(item);
  if (line.from === 'operator') {
    hideTyping();
  }
}

function onAcked(id, seq) {
  const item = pending.get(id);
  if (!item) {
    return;
  }
  pending.delete(id);
  if (seq) {
    item.dataset.seq = String(seq);
  }
  item.dataset.time = item.dataset.time || new Date().toISOString();
  setState(item, 'sent');
  placeConfirmed(item);
}

function onDelivered(upTo) {
  for (const item of ui.messages.querySelectorAll('.msg--caller[data-seq]')) {
    if (Number(item.dataset.seq) <= upTo && item.dataset.state !== 'delivered') {
      setState(item, 'delivered');
    }
  }
}

function hideTyping() {
  clearTimeout(typingTimer);
  ui.typing.hidden = true;
}

function onTyping() {
  ui.typing.textContent = operatorName ? say('typing', { name: operatorName }) : say('typingNoName');
  ui.typing.hidden = false;
  clearTimeout(typingTimer);
  typingTimer = setTimeout(hideTyping, TYPING_SHOWN_MS);
}

function onQueue(position, minutes) {
  setStatus(position <= 1 ? say('waitingNext') : say('waiting', { position, minutes }));
}

function onConnected(name) {
  operatorName = name || null;
  ui.cards.hidden = true;
  ui.writeHint.hidden = true;
  setStatus(operatorName ? say('connected', { name: operatorName }) : say('connectedNoName'));
}

function enterChat(waiting) {
  show(ui.chat);
  ui.cards.hidden = !waiting || !topic;
  ui.writeHint.hidden = !waiting;
  ui.composer.hidden = false;
  ui.text.focus();
}

function finish(titleKey, closed) {
  hideTyping();
  forgetConversation();
  // Someone who said they are in danger sees 112 before anything else, whatever the news.
  ui.finishedDanger.hidden = ui.dangerBanner.hidden;
  ui.finishedTitle.textContent = say(titleKey);
  ui.closedHelp.hidden = !closed;
  show(ui.finished);
  ui.finishedTitle.focus();
}

function notice(key) {
  ui.notice.textContent = say(key);
  ui.notice.hidden = false;
}

function handlers() {
  return {
    started() {
      setStatus(say('waitingNoPosition'));
    },
    resumed(state) {
      if (state.state === 'connected') {
        onConnected(state.operator);
      } else if (state.state === 'waiting') {
        setStatus(say('waitingNoPosition'));
        ui.writeHint.hidden = false;
      }
    },
    queue: onQueue,
    connected: onConnected,
    transferred() {
      operatorName = null;
      hideTyping();
      ui.writeHint.hidden = false;
      setStatus(say('transferred'));
    },
    message: onMessage,
    acked: onAcked,
    delivered: onDelivered,
    typing: onTyping,
    ended(by) {
      finish(by === 'operator' ? 'endedByOperator' : by === 'caller' ? 'endedByCaller' : 'endedOther', by !== 'caller');
    },
    closed(reason) {
      finish(CLOSED_TITLES[reason] || 'closedNoOperator', true);
    },
    reconnecting() {
      setStatus(say('reconnecting'));
    },
    startDelayed() {
      setStatus(say('startDelayed'));
    },
    lost() {
      finish('lost', true);
    },
    resumeFailed() {
      restart();
      notice('resumeFailed');
    },
    replaced() {
      finish('replaced', false);
      ui.newChat.hidden = true;
    },
    refused(code) {
      if (code === 'rate_limited') {
        showComposerError('rateLimited');
      } else if (code === 'too_large') {
        showComposerError('tooLong');
      } else if (code === 'unavailable') {
        restart();
        notice('unavailable');
      }
    },
  };
}

function showComposerError(key) {
  ui.composerError.textContent = say(key);
  ui.composerError.hidden = false;
}

/** Once a chat is over nothing of it stays in the page, so neither Back nor the browser's page cache brings it back. */
function forgetConversation() {
  pending.clear();
  ui.messages.replaceChildren();
  ui.text.value = '';
}

function restart() {
  link = null;
  operatorName = null;
  forgetConversation();
  ui.status.textContent = '';
  ui.newChat.hidden = false;
  show(ui.welcome);
}

function begin() {
  link = new ChatLink(handlers(), settings.reconnectWindowSeconds * 1000);
  return link;
}

// --- the controls ------------------------------------------------------------------------------

ui.prechat.addEventListener('change', (event) => {
  if (event.target.name === 'danger') {
    const inDanger = event.target.value === 'yes';
    ui.dangerNow.hidden = !inDanger;
  }
});

ui.language.addEventListener('change', () => useLanguage(ui.language.value));

ui.prechat.addEventListener('submit', (event) => {
  event.preventDefault();
  const form = ui.prechat.elements;
  const chosenTopic = form.topic?.value;
  const danger = form.danger.value;
  $('topic-error').hidden = Boolean(chosenTopic);
  $('topic-error').textContent = chosenTopic ? '' : say('chooseTopic');
  $('danger-error').hidden = Boolean(danger);
  $('danger-error').textContent = danger ? '' : say('chooseDanger');
  if (!chosenTopic || !danger) {
    (chosenTopic ? form.danger[0] : form.topic[0] || form.topic).focus();
    return;
  }
  topic = chosenTopic;
  ui.notice.hidden = true;
  renderCards(topic);
  ui.dangerBanner.hidden = danger !== 'yes';
  setStatus(say('connecting'));
  enterChat(true);
  begin().start(language, topic, danger === 'yes');
});

ui.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = ui.text.value.trim();
  if (!text || !link) {
    return;
  }
  const size = new TextEncoder().encode(JSON.stringify({ type: 'say', text, id: Number.MAX_SAFE_INTEGER })).length;
  if (size > settings.maxMessageBytes) {
    showComposerError('tooLong');
    return;
  }
  ui.composerError.hidden = true;
  addPending(link.say(text), text);
  ui.text.value = '';
  ui.text.focus();
});

ui.text.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    ui.composer.requestSubmit();
  }
});

ui.text.addEventListener('input', () => link?.typing());

ui.end.addEventListener('click', () => link?.end());

ui.newChat.addEventListener('click', () => {
  restart();
  $('welcome-title').focus();
});

// A page the browser kept whole (back-forward cache) comes back as a fresh start, never as the old chat.
window.addEventListener('pageshow', (event) => {
  if (event.persisted && !ui.finished.hidden) {
    ui.dangerBanner.hidden = true;
    restart();
  }
});

onExit(() => {
  link?.abandon();
  ChatLink.forget();
});

// --- start -------------------------------------------------------------------------------------

async function main() {
  try {
    settings = { ...DEFAULT_SETTINGS, ...(await loadJson('settings.json')) };
  } catch (offline) {
    settings = DEFAULT_SETTINGS;
  }
  setExitUrl(settings.quickExitUrl);
  const asked = new URLSearchParams(window.location.search).get('lang');
  const preferred = [asked, ...(navigator.languages || [])].filter(Boolean).map((l) => l.slice(0, 2).toLowerCase());
  const first = preferred.find((code) => settings.languages.includes(code)) || settings.languages[0];
  await useLanguage(first);
  renderLanguages();
  const saved = ChatLink.read();
  if (saved && saved.token) {
    setStatus(say('connecting'));
    enterChat(false);
    const resumed = begin();
    for (const waiting of resumed.unsent) {
      addPending(waiting.id, waiting.text);
    }
    resumed.resume();
  }
  document.body.dataset.ready = 'true';
}

main();
