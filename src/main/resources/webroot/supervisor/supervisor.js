// The supervisor view: login, the live stream, and the actions (every one is recorded in the audit log).
// Nothing about callers is shown or kept here: contacts are random ids; a chat being read lives only in its dialog.

import { $, el, show, notice, shortId } from './dom.js';
import { say, word, refusal, language, languageName, clockTime } from './words.js';
import { request as api } from '../common/api.js';
import { setupLanguageSwitch, showLanguage, keepChoiceAtSignIn, signedOut } from '../common/language.js';
import { live, SupervisorStream } from './stream.js';
import { render, setHandlers, wordsChanged } from './view.js';
import { watchRechecks, draw as drawRechecks } from './rechecks.js';
import { renderWallboard } from './wallboard.js';
import { startListeningPhone, socketReopened, expectListenIn, listenInRefused, stopListeningPhone, listenWordsChanged } from './listen.js';

const VIEWS = ['login-view', 'denied-view', 'app', 'wallboard'];
/** /supervisor/?wallboard, or a wall screen's account: the large figures for a wall screen, without actions. */
let wallboard = new URLSearchParams(location.search).has('wallboard');
/** An open socket does not keep a session in use: the wallboard asks who it is now and then (auth.sessionIdleTimeout). */
const WALLBOARD_KEEP_SESSION_MS = 5 * 60 * 1000;
const SWITCH_OVER_CHECK_MS = 10000;
let stream;
let drawPending = false;

function view(name) {
  VIEWS.forEach((id) => show($(id), id === name));
}

/** Draws the view's own parts in the language just shown (common/language.js); the static texts are done already. */
function languageShown() {
  if (!stream) return;
  if (wallboard) renderWallboard();
  else {
    wordsChanged();
    drawRechecks();
    listenWordsChanged();
  }
}

async function boot() {
  showLanguage(language());
  try {
    await signedIn(await api('GET', '/api/me'));
  } catch (error) {
    if (error.status === 401) {
      view('login-view');
      $('login-name').focus();
    } else if (error.code === 'password_change_required') {
      denied(say('deniedPassword'));
    } else {
      notice(say('unreachable', { why: refusal(error) }));
    }
  }
}

function denied(why) {
  $('denied-text').textContent = why;
  view('denied-view');
}

async function signedIn(given) {
  const account = await keepChoiceAtSignIn(given);
  if (account.consoleLanguage) showLanguage(account.consoleLanguage);
  if (account.role !== 'supervisor' && account.role !== 'wallboard') {
    denied(say('deniedOperator', { name: account.name }));
    return;
  }
  if (account.passwordChangeRequired) {
    denied(say('deniedPassword'));
    return;
  }
  if (account.role === 'wallboard') wallboard = true;
  if (wallboard) {
    document.body.classList.add('wallboard');
    view('wallboard');
    stream = new SupervisorStream(changed, (status) => {
      $('wall-connection').textContent = status === 'connected' ? '' : say('reconnecting');
    });
    stream.open();
    setInterval(() => api('GET', '/api/me').catch((error) => { if (error.status === 401) location.reload(); }),
      WALLBOARD_KEEP_SESSION_MS);
    return;
  }
  view('app');
  $('me').textContent = account.displayName;
  stream = new SupervisorStream(changed, connection);
  stream.open();
  watchSwitchOver();
  setInterval(watchSwitchOver, SWITCH_OVER_CHECK_MS);
  watchRechecks();
}

const SWITCH_OVER_SHOWN_MS = 60000;
let roleSince;

/** A server that serves this view from a later moment than before (/health): a takeover (or a restart) happened. */
async function watchSwitchOver() {
  let health;
  try {
    health = await (await fetch('/health', { cache: 'no-store' })).json();
  } catch (unreachable) {
    return; // the live stream already says when the server cannot be reached
  }
  if (roleSince && health.roleSince && health.roleSince !== roleSince) {
    $('switch-over-text').textContent = say('switchOver', { time: clockTime(health.roleSince) });
    show($('switch-over'), true);
    setTimeout(() => show($('switch-over'), false), SWITCH_OVER_SHOWN_MS);
  }
  roleSince = health.roleSince ?? roleSince;
}

function connection(status, code) {
  $('connection').textContent = status === 'connected' ? '' : say('reconnectingStandby');
  if (status === 'connected') {
    watchSwitchOver();
    socketReopened(stream);
  }
  if (code === 1008) notice(say('serverClosed'));
}

/** Draws at most once per frame, however many messages arrive. */
function changed(type) {
  if (type === 'snapshot' && !wallboard && live.me?.browserPhone) startListeningPhone(stream);
  if (drawPending) return;
  drawPending = true;
  requestAnimationFrame(() => {
    drawPending = false;
    if (wallboard) renderWallboard();
    else render();
  });
}

function status(message) {
  $('action-status').textContent = message;
}

async function act(type, fields, done, refused = () => {}) {
  try {
    const ack = await stream.request(type, fields);
    status(done(ack));
  } catch (error) {
    refused();
    status(say('notDone', { why: refusal(error) }));
  }
}

/** The browser phone answers the call by itself when it rings; a desk phone must be picked up. */
function listen(contact, mode) {
  if (!live.me?.browserPhone) {
    act('listen', { contactId: contact.id, mode }, () => say('listenDesk', { mode: word('listenMode', mode) }));
    return;
  }
  expectListenIn(contact.id, mode);
  act('listen', { contactId: contact.id, mode },
    () => say('listenBrowser', { mode: word('listenMode', mode), contact: shortId(contact.id) }), listenInRefused);
}

// ---- dialogs ----------------------------------------------------------------------------------------

let confirmAction = null;

function confirmDialog(title, message, action, languages) {
  $('confirm-title').textContent = title;
  $('confirm-text').textContent = message;
  const select = $('confirm-language');
  show(select, Boolean(languages));
  show($('confirm-language-label'), Boolean(languages));
  if (languages) select.replaceChildren(...languages.map((code) => el('option', { value: code }, languageName(code))));
  confirmAction = action;
  $('confirm-dialog').showModal();
}

let pausing = null;

function pauseDialog(operator) {
  pausing = operator.id;
  $('pause-operator').textContent = operator.id;
  $('pause-reason').value = '';
  $('pause-dialog').showModal();
  $('pause-reason').focus();
}

let reading = null;

async function readChat(contactId) {
  reading = contactId;
  $('chat-contact').textContent = shortId(contactId);
  const dialog = $('chat-dialog');
  if (!dialog.open) dialog.showModal();
  try {
    const ack = await stream.request('readChat', { contactId });
    const lines = ack.transcript.messages || [];
    $('chat-transcript').replaceChildren(...lines.map((line) => el('li', { class: line.from },
      el('span', { class: 'who' }, author(line)), line.text)));
    if (lines.length === 0) $('chat-transcript').replaceChildren(el('li', {}, say('noMessageYet')));
  } catch (error) {
    $('chat-transcript').replaceChildren(el('li', {}, say('cannotRead', { why: refusal(error) })));
  }
}

/** Who wrote a line: the caller, the operator, or a supervisor who joined (by name). */
function author(line) {
  if (line.from === 'caller') return say('caller');
  if (line.operatorId?.startsWith('supervisor:')) return say('supervisorLine', { name: line.operatorName });
  return line.operatorName ? say('operatorNamed', { name: line.operatorName }) : say('operator');
}

/** A whisper to the operator, or a line to the caller; the words leave the page once sent. */
async function writeInChat(type, done) {
  const text = $('chat-text').value.trim();
  if (!reading || !text) return;
  try {
    await stream.request(type, { contactId: reading, text });
    $('chat-text').value = '';
    $('chat-status').textContent = done;
    if (type === 'joinChat') readChat(reading);
  } catch (error) {
    $('chat-status').textContent = say('notSent', { why: refusal(error) });
  }
}

function closeChat() {
  reading = null;
  $('chat-text').value = '';
  $('chat-status').textContent = '';
  $('chat-transcript').replaceChildren(); // nothing of the chat stays in the page
  $('chat-dialog').close();
}

// ---- wiring -----------------------------------------------------------------------------------------

setHandlers({
  raise: (contact) => act('raiseToUrgent', { contactId: contact.id },
    () => say('raised', { contact: shortId(contact.id) })),
  move: (contact) => {
    const others = live.languages.filter((l) => l !== contact.language);
    confirmDialog(say('moveTitle', { contact: shortId(contact.id) }), say('moveText'),
      () => act('moveToLanguage', { contactId: contact.id, language: $('confirm-language').value },
        (ack) => say('moved', { contact: shortId(contact.id), language: languageName(ack.contact.language) })),
      others.length ? others : [contact.language]);
  },
  pause: pauseDialog,
  resume: (operator) => act('presence', { operatorId: operator.id, presence: 'available' },
    () => say('resumed', { operator: operator.id })),
  logout: (operator) => confirmDialog(say('logOutTitle', { operator: operator.id }), say('logOutText'),
    () => act('presence', { operatorId: operator.id, presence: 'offline' }, () => say('loggedOut', { operator: operator.id }))),
  listen,
  read: (contact) => readChat(contact.id),
  noticeReferral: (alert) => act('noticeReferral', { reference: alert.reference },
    () => say('acknowledged', { reference: alert.reference })),
});

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('login-error').textContent = '';
  try {
    const given = await api('POST', '/api/login', { name: $('login-name').value, password: $('login-password').value });
    $('login-password').value = '';
    await signedIn(given.passwordChangeRequired ? given : await api('GET', '/api/me')); // /api/me carries the account's language
  } catch (error) {
    if (error.status === 401) $('login-error').textContent = say('badLogin');
    else $('login-error').textContent = error.code === 'too_many_attempts' ? say('tooManyAttempts') : refusal(error);
  }
});

async function logout() {
  stopListeningPhone();
  if (stream) stream.close();
  signedOut();
  try {
    await api('POST', '/api/logout');
  } finally {
    location.reload();
  }
}
$('logout').addEventListener('click', logout);
$('denied-logout').addEventListener('click', logout);

$('pause-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const reason = $('pause-reason').value.trim();
  if (!reason) return;
  const operatorId = pausing;
  $('pause-dialog').close();
  act('presence', { operatorId, presence: 'paused', reason }, () => say('pausedDone', { operator: operatorId }));
});
$('pause-cancel').addEventListener('click', () => $('pause-dialog').close());

$('confirm-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const action = confirmAction;
  confirmAction = null;
  if (action) action();
  $('confirm-dialog').close();
});
$('confirm-cancel').addEventListener('click', () => $('confirm-dialog').close());

$('chat-refresh').addEventListener('click', () => reading && readChat(reading));
$('chat-whisper').addEventListener('click', () => writeInChat('whisperChat', say('whispered')));
$('chat-join').addEventListener('click', () => writeInChat('joinChat', say('joined')));
$('chat-close').addEventListener('click', closeChat);
$('chat-dialog').addEventListener('cancel', () => {
  reading = null;
  $('chat-transcript').replaceChildren();
  $('chat-text').value = '';
});

setupLanguageSwitch(languageShown, (error) => notice(say('refused', { why: refusal(error) })));

// Waiting times move every second on the page without any traffic.
setInterval(() => { if (stream) changed(); }, 1000);

boot();
