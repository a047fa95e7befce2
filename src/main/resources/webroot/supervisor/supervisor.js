// The supervisor view: login, the live stream, and the actions (every one is recorded in the audit log).
// Nothing about callers is shown or kept here: contacts are random ids; a chat being read lives only in its dialog.

import { $, el, show, notice, word, shortId } from './dom.js';
import { request as api } from '../common/api.js';
import { live, SupervisorStream } from './stream.js';
import { render, setHandlers } from './view.js';
import { watchRechecks } from './rechecks.js';

const VIEWS = ['login-view', 'denied-view', 'app'];
const PHONE_LINE_CHECK_MS = 10000;
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
  if (account.role !== 'supervisor') {
    $('denied-text').textContent = `You are logged in as ${account.name}, an operator account. This view needs a supervisor account.`;
    view('denied-view');
    return;
  }
  if (account.passwordChangeRequired) {
    $('denied-text').textContent = 'Your password was set by someone else: choose your own in the console first.';
    view('denied-view');
    return;
  }
  view('app');
  $('me').textContent = account.displayName;
  stream = new SupervisorStream(changed, connection);
  stream.open();
  watchPhoneLine();
  setInterval(watchPhoneLine, PHONE_LINE_CHECK_MS);
  watchRechecks();
}

/** What it means for callers when a link with Asterisk is down (from /health; telephony off: nothing to say). */
const PHONE_LINE_DOWN = {
  ami: 'Phone line: the server has no link with Asterisk (AMI). New calls ring the operators\' phones directly '
    + '(fallback queue) and do not show in the consoles.',
  agi: 'Phone line: Asterisk cannot reach the server (AGI). New calls ring the operators\' phones directly '
    + '(fallback queue) and do not show in the consoles.',
};

async function watchPhoneLine() {
  let health;
  try {
    health = await (await fetch('/health', { cache: 'no-store' })).json();
  } catch (unreachable) {
    return; // the live stream already says when the server cannot be reached
  }
  watchSwitchOver(health);
  const down = Object.keys(PHONE_LINE_DOWN).find((link) => health.dependencies?.[link]?.status === 'DOWN');
  show($('phone-line'), Boolean(down));
  $('phone-line-text').textContent = down ? PHONE_LINE_DOWN[down] : '';
  $('phone-line-reason').textContent = down ? `Technical detail: ${health.dependencies[down].reason}` : '';
}

const SWITCH_OVER_SHOWN_MS = 60000;
let roleSince;

/** A server that serves this view from a later moment than before: a takeover (or a restart) happened. */
function watchSwitchOver(health) {
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
  if (status === 'connected') watchPhoneLine();
  if (code === 1008) notice('The server closed the connection.');
}

/** Draws at most once per frame, however many messages arrive. */
function changed() {
  if (drawPending) return;
  drawPending = true;
  requestAnimationFrame(() => {
    drawPending = false;
    render();
  });
}

function status(message) {
  $('action-status').textContent = message;
}

async function act(type, fields, done) {
  try {
    const ack = await stream.request(type, fields);
    status(done(ack));
  } catch (error) {
    status(`Not done: ${error.message}`);
  }
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
      el('span', { class: 'who' }, line.from === 'caller' ? 'Caller' : 'Operator'), line.text)));
    if (lines.length === 0) $('chat-transcript').replaceChildren(el('li', {}, 'No message yet.'));
  } catch (error) {
    $('chat-transcript').replaceChildren(el('li', {}, `Cannot read this chat: ${error.message}`));
  }
}

function closeChat() {
  reading = null;
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
  listen: (contact, mode) => act('listen', { contactId: contact.id, mode },
    () => `${word(mode)}: your phone rings now; answer it to hear the call.`),
  read: (contact) => readChat(contact.id),
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
$('chat-close').addEventListener('click', closeChat);
$('chat-dialog').addEventListener('cancel', () => { reading = null; $('chat-transcript').replaceChildren(); });

// Waiting times move every second on the page without any traffic.
setInterval(() => { if (stream) changed(); }, 1000);

boot();
