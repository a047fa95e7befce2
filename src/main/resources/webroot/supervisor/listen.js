// Listening in on the supervisor's browser phone (README, "Supervisor view"), for an account with
// `--endpoint browser`. The view registers the shared BrowserPhone (common/phone.js); Listen, Whisper and
// Barge in ring it, and the call that rings within ANSWER_WITHIN_MS of the supervisor's own request is
// answered at once; any other call is turned away (486). Listening sends nothing: ChanSpy without w or B
// carries no audio from this phone, and the microphone's track stays off as well.

import { $, el, show, shortId, duration, text } from './dom.js';
import { say, word } from './words.js';
import { BrowserPhone, audioStats } from '../common/phone.js';

/** Asterisk rings the phone for 30 s (the Originate's timeout): a call later than that was not asked for. */
const ANSWER_WITHIN_MS = 30000;

/** The phone's state as last told, drawn again when the page's language changes. */
const shownState = { state: null, cause: null };

const sip = new BrowserPhone('Helpline supervisor view', phoneState, incoming);
const listening = {
  expected: null, session: null, contactId: null, mode: null, startedAt: 0, muted: true, microphone: null,
  reconnectAfter: false,
};

/** Starts the phone once the snapshot says this account listens in on the browser phone. */
export function startListeningPhone(socket) {
  if (!sip.stopped) return;
  ensureElements();
  sip.start(socket);
}

/** The view's socket came back: the server revoked the phone with the old one, so register a new one. */
export function socketReopened(socket) {
  if (sip.stopped) return;
  sip.newSocket(socket);
  if (listening.session) listening.reconnectAfter = true;
  else sip.reconnect();
}

export function usesListeningPhone() {
  return !sip.stopped;
}

/** The supervisor asked to listen in: the call that rings next, within the time, is theirs. */
export function expectListenIn(contactId, mode) {
  listening.expected = { contactId, mode, until: Date.now() + ANSWER_WITHIN_MS };
}

/** The server refused: nothing will ring. */
export function listenInRefused() {
  listening.expected = null;
}

/** Logging out: the phone hangs up, unregisters and stops; the server revokes its account with the socket. */
export function stopListeningPhone() {
  sip.stop();
}

/** Audio of the listen-in call (getStats): bytes sent and received, and the energy of what the microphone sent. */
export async function listenStats() {
  const stats = await audioStats(listening.session);
  if (!stats) return null;
  let energySent = 0;
  (await listening.session.connection.getStats()).forEach((report) => {
    if (report.type === 'media-source' && report.kind === 'audio') energySent += report.totalAudioEnergy || 0;
  });
  return { ...stats, energySent, mode: listening.mode };
}

// ---- the listen-in call -------------------------------------------------------------------------

async function incoming(session) {
  const expected = listening.expected;
  if (listening.session || !expected || Date.now() > expected.until) {
    session.terminate({ status_code: 486 });
    return;
  }
  listening.expected = null;
  Object.assign(listening, { session, contactId: expected.contactId, mode: expected.mode, startedAt: 0,
    muted: expected.mode === 'listen' });
  session.on('peerconnection', (e) => {
    e.peerconnection.addEventListener('track', (t) => { $('listen-audio').srcObject = t.streams[0]; });
  });
  session.on('confirmed', () => { listening.startedAt = Date.now(); render(); });
  session.on('ended', () => ended(session));
  session.on('failed', () => ended(session));
  render();
  let microphone;
  try {
    microphone = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
  } catch {
    if (!session.isEnded()) session.terminate({ status_code: 486 });
    return;
  }
  if (listening.session !== session || session.isEnded()) {
    microphone.getTracks().forEach((track) => track.stop());
    return;
  }
  listening.microphone = microphone;
  applyMute();
  session.answer({ mediaStream: microphone, pcConfig: { iceServers: [] } });
}

function ended(session) {
  if (listening.session !== session) return;
  if (listening.microphone) listening.microphone.getTracks().forEach((track) => track.stop());
  Object.assign(listening, { session: null, contactId: null, mode: null, microphone: null, muted: true });
  $('listen-audio').srcObject = null;
  render();
  if (listening.reconnectAfter) {
    listening.reconnectAfter = false;
    sip.reconnect();
  }
}

/** Listening never sends the microphone; whisper and barge send it unless muted. */
function applyMute() {
  const on = listening.mode !== 'listen' && !listening.muted;
  if (listening.microphone) listening.microphone.getAudioTracks().forEach((track) => { track.enabled = on; });
}

function toggleMute() {
  if (!listening.session || listening.mode === 'listen') return;
  listening.muted = !listening.muted;
  applyMute();
  render();
}

/** Hangs up the listening leg only: the call itself goes on. */
function stop() {
  if (listening.session && !listening.session.isEnded()) listening.session.terminate();
}

// ---- what the supervisor sees -------------------------------------------------------------------

function phoneState(state, cause) {
  Object.assign(shownState, { state, cause });
  const status = $('phone-status');
  const why = cause && typeof cause === 'object' ? cause.message : cause;
  status.dataset.phoneState = state || '';
  status.textContent = state ? word('phoneState', state, { why: why || say('noAnswer') }) : '';
  status.classList.toggle('problem', !!state && state !== 'ready' && state !== 'connecting');
  show(status, !!state);
  show($('phone-retry'), state === 'microphone-denied' || state === 'no-microphone');
}

/** The page's language changed: the phone's state, its Retry button and the listening bar in the new words. */
export function listenWordsChanged() {
  if (!$('phone-status')) return;
  phoneState(shownState.state, shownState.cause);
  $('phone-retry').textContent = say('retry');
  $('listening').setAttribute('aria-label', say('listeningIn'));
  $('listening-stop').textContent = say('stop');
  render();
}

function ensureElements() {
  if ($('phone-status')) return;
  $('connection').after(
    el('p', { id: 'phone-status', class: 'phone-status', role: 'status', hidden: '' }),
    el('button', { id: 'phone-retry', type: 'button', class: 'secondary', hidden: '', onclick: () => sip.reconnect() }, say('retry')),
    el('div', { id: 'listening', class: 'listening', role: 'group', 'aria-label': say('listeningIn'), hidden: '' },
      el('span', { id: 'listening-what' }),
      el('span', { id: 'listening-timer', role: 'timer', class: 'timer' }, '0:00'),
      el('button', { id: 'listening-mute', type: 'button', class: 'secondary', 'aria-pressed': 'true', onclick: toggleMute }, say('unmute')),
      el('button', { id: 'listening-stop', type: 'button', class: 'hangup', onclick: stop }, say('stop'))),
  );
  document.body.append(el('audio', { id: 'listen-audio', autoplay: '' }));
  setInterval(tick, 1000);
}

function render() {
  show($('listening'), !!listening.session);
  if (!listening.session) return;
  const talking = listening.mode !== 'listen';
  text($('listening-what'), say('listening', { mode: word('listenMode', listening.mode), contact: shortId(listening.contactId) })
    + (listening.startedAt ? '' : say('connecting')) + (talking ? '' : say('nobodyHears')));
  show($('listening-mute'), talking);
  $('listening-mute').textContent = listening.muted ? say('unmute') : say('mute');
  $('listening-mute').setAttribute('aria-pressed', String(listening.muted));
  tick();
}

function tick() {
  if (!listening.session) return;
  text($('listening-timer'), duration(listening.startedAt ? (Date.now() - listening.startedAt) / 1000 : 0));
}
