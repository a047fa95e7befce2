// The supervisor view: login, the live stream, and the actions (every one is recorded in the audit log).
// Nothing about callers is shown or kept here: contacts are random ids; a chat being read lives only in its dialog.

import { $, el, show, notice, word, shortId } from './dom.js';
import { request as api } from '../common/api.js';
import { live, SupervisorStream } from './stream.js';
import { render, setHandlers } from './view.js';
import { watchRechecks } from './rechecks.js';
import { renderWallboard } from './wallboard.js';
import { startListeningPhone, socketReopened, expectListenIn, listenInRefused, stopListeningPhone } from './listen.js';

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

async function boot() {
  try {
    signedIn(await api('GET', '/api/me'));
  } catch (error) {
    if (error.status === 401) {
      view('login-view');
      $('login-name').focus();
    } else {
      notice(`The server cannot be reached: ${error.message}`);
    }
  }
}

function signedIn(account) {
  if (account.role !== 'supervisor' && account.role !== 'wallboard') {
    $('denied-text').textContent = `You are logged in as ${account.name}, an operator account. This view needs a supervisor account.`;
    view('denied-view');
    return;
  }
  if (account.passwordChangeRequired) {
    $('denied-text').textContent = 'Your password was set by someone else: choose your own in the console first.';
    view('denied-view');
    return;
  }
  if (account.role === 'wallboard') wallboard = true;
  if (wallboard) {
    document.body.classList.add('wallboard');
    view('wallboard');
    stream = new SupervisorStream(changed, (status) => {
      $('wall-connection').textContent = status === 'connected' ? '' : 'Connection lost: reconnecting…';
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
    $('switch-over-text').textContent = `Switch-over at ${new Date(health.roleSince).toLocaleTimeString()}: `
      + 'another server took over (or this one restarted). Consoles and chats reconnected by themselves; '
      + 'the waiting contacts kept their places.';
    show($('switch-over'), true);
    setTimeout(() => show($('switch-over'), false), SWITCH_OVER_SHOWN_MS);
  }
  roleSince = health.roleSince ?? roleSince;
}

function connection(status, code) {
  $('connection').textContent = status === 'connected' ? ''
    : 'Connection lost: reconnecting… With two servers, the standby takes over within seconds.';
  if (status === 'connected') {
    watchSwitchOver();
    socketReopened(stream);
  }
  if (code === 1008) notice('The server closed the connection.');
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
    status(`Not done: ${error.message}`);
  }
}

/** The browser phone answers the call by itself when it rings; a desk phone must be picked up. */
function listen(contact, mode) {
  if (!live.me?.browserPhone) {
    act('listen', { contactId: contact.id, mode }, () => `${word(mode)}: your phone rings now; answer it to hear the call.`);
    return;
  }
  expectListenIn(contact.id, mode);
  act('listen', { contactId: contact.id, mode }, () => `${word(mode)}: connecting your browser phone to ${shortId(contact.id)}…`,
    listenInRefused);
}

// ---- dialogs ----------------------------------------------------------------------------------------

let confirmAction = null;

function confirmDialog(title, message, action, languages) {
  $('confirm-title').textContent = title;
  $('confirm-text').textContent = message;
  const select = $('confirm-language');
  show(select, Boolean(languages));
  show($('confirm-language-label'), Boolean(languages));
  if (languages) select.replaceChildren(...languages.map((code) => el('option', { value: code }, code)));
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
    if (lines.length === 0) $('chat-transcript').replaceChildren(el('li', {}, 'No message yet.'));
  } catch (error) {
    $('chat-transcript').replaceChildren(el('li', {}, `Cannot read this chat: ${error.message}`));
  }
}

/** Who wrote a line: the caller, the operator, or a supervisor who joined (by name). */
function author(line) {
  if (line.from === 'caller') return 'Caller';
  if (line.operatorId?.startsWith('supervisor:')) return `${line.operatorName} (supervisor)`;
  return line.operatorName ? `Operator ${line.operatorName}` : 'Operator';
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
    $('chat-status').textContent = `Not sent: ${error.message}`;
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
    () => `${shortId(contact.id)} is now urgent.`),
  move: (contact) => {
    const others = live.languages.filter((l) => l !== contact.language);
    confirmDialog(`Move ${shortId(contact.id)}`, `It keeps its place in the queue and waits for someone who speaks the new language.`,
      () => act('moveToLanguage', { contactId: contact.id, language: $('confirm-language').value },
        (ack) => `${shortId(contact.id)} now waits in ${ack.contact.language}.`), others.length ? others : [contact.language]);
  },
  pause: pauseDialog,
  resume: (operator) => act('presence', { operatorId: operator.id, presence: 'available' },
    () => `${operator.id} is available again.`),
  logout: (operator) => confirmDialog(`Log out ${operator.id}`,
    'Their open offers go back to the queue; conversations they hold carry on.',
    () => act('presence', { operatorId: operator.id, presence: 'offline' }, () => `${operator.id} is logged out.`)),
  listen,
  read: (contact) => readChat(contact.id),
  noticeReferral: (alert) => act('noticeReferral', { reference: alert.reference },
    () => `The alert of referral ${alert.reference} is acknowledged.`),
});

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('login-error').textContent = '';
  try {
    signedIn(await api('POST', '/api/login', { name: $('login-name').value, password: $('login-password').value }));
    $('login-password').value = '';
  } catch (error) {
    $('login-error').textContent = error.status === 401 ? 'Wrong name or password.' : error.message;
  }
});

async function logout() {
  stopListeningPhone();
  if (stream) stream.close();
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
  act('presence', { operatorId, presence: 'paused', reason }, () => `${operatorId} is paused.`);
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
$('chat-whisper').addEventListener('click', () => writeInChat('whisperChat', 'Whispered to the operator.'));
$('chat-join').addEventListener('click', () => writeInChat('joinChat', 'Written to the caller as the helpline.'));
$('chat-close').addEventListener('click', closeChat);
$('chat-dialog').addEventListener('cancel', () => {
  reading = null;
  $('chat-transcript').replaceChildren();
  $('chat-text').value = '';
});

// Waiting times move every second on the page without any traffic.
setInterval(() => { if (stream) changed(); }, 1000);

boot();
