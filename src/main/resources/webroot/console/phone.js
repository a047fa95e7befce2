// The browser phone: calls are answered in the console (README, "Browser phone"). The server issues
// this console a SIP account that works only while the console is open; the phone registers with the
// helpline's Asterisk over its WebSocket (JsSIP, bundled by the build into vendor/jssip.js), and the
// server offers calls only while the phone works. Nothing about the caller reaches this page's SIP
// layer: Asterisk shows every call as "Helpline".

import { $, el, show } from './dom.js';
import { say, word, refusal } from './words.js';

/** What the operator reads about the phone (words.js, kind `phone`): its state, and why when it does not work. */
function message(state, why) {
  return word('phone', state, { why, paused: word('phone', 'paused') });
}
const RETRY_MIN_MS = 2000;
const RETRY_MAX_MS = 30000;

const phone = {
  socket: null, JsSIP: null, ua: null, state: null, working: false, retryMs: RETRY_MIN_MS, retryTimer: null,
  ringing: null, call: null, answerUntil: 0, reconnectAfterCall: false, startedAt: 0, muted: false, held: false,
  stopped: true, why: '',
};
/** An accepted call that has not rung here yet is answered if it rings within this time (the dialplan's ring time). */
const ANSWER_WITHIN_MS = 20000;

/** Starts the phone for this console (once the server's welcome says the account uses it). */
export async function startPhone(socket) {
  if (!phone.stopped) {
    // the console's socket came back: the server revoked the old account with the old socket, so
    // register again with a new one (after the call in progress, which Asterisk keeps)
    phone.socket = socket;
    phone.working = false;
    if (phone.call) phone.reconnectAfterCall = true;
    else { setState('connecting'); connect(); }
    return;
  }
  phone.stopped = false;
  phone.socket = socket;
  ensureElements();
  setState('connecting');
  try {
    phone.JsSIP = phone.JsSIP || (await import('./vendor/jssip.js')).default;
  } catch {
    setState('unavailable', word('phone', 'noBuild'));
    return;
  }
  connect();
}

/** Accepting a call's offer answers it: the phone picks up as soon as the call rings here. */
export function answerOffer(contact) {
  if (contact.channel !== 'call' || phone.stopped) return;
  if (phone.ringing) answer();
  else phone.answerUntil = Date.now() + ANSWER_WITHIN_MS;
}

/** Declining a call's offer turns the ringing call away (Asterisk sends the caller back to hold). */
export function declineOffer(contact) {
  if (contact.channel !== 'call') return;
  phone.answerUntil = 0;
  if (phone.ringing) phone.ringing.terminate({ status_code: 486 });
}

/**
 * The server says this phone dropped out of a call (no audio reached Asterisk any more) although it looked
 * registered: it registers afresh with a new account, and calls come again once that works.
 */
export function reconnectPhone() {
  if (phone.stopped) return;
  if (phone.call && !phone.call.isEnded()) phone.call.terminate();
  setState('connecting');
  connect();
}

/** Logging out: the phone hangs up, unregisters and stops; the server revokes its account. */
export function stopPhone() {
  if (phone.stopped) return; // never started (this account has no browser phone): nothing to stop
  phone.stopped = true;
  clearTimeout(phone.retryTimer);
  if (phone.ua) phone.ua.stop();
  phone.ua = null;
  setState(null);
}

/** Audio bytes sent and received in the current call (RTCPeerConnection.getStats), or null without a call. */
export async function callStats() {
  const pc = phone.call && phone.call.connection;
  if (!pc) return null;
  let bytesSent = 0;
  let bytesReceived = 0;
  (await pc.getStats()).forEach((report) => {
    if (report.type === 'outbound-rtp' && report.kind === 'audio') bytesSent += report.bytesSent;
    if (report.type === 'inbound-rtp' && report.kind === 'audio') bytesReceived += report.bytesReceived;
  });
  return { bytesSent, bytesReceived };
}

// ---- registration -------------------------------------------------------------------------------

async function connect() {
  clearTimeout(phone.retryTimer);
  if (phone.stopped) return;
  if (!(await microphoneWorks())) return;
  let account;
  try {
    account = (await phone.socket.request('phone', { want: true })).phone;
  } catch (error) {
    if (error.code === 'phone_off') {
      setState('unavailable', refusal(error));
      return;
    }
    setState('registration-failed', refusal(error));
    retryLater();
    return;
  }
  if (phone.stopped) return;
  if (phone.ua) phone.ua.stop();
  const ua = new phone.JsSIP.UA({
    sockets: [new phone.JsSIP.WebSocketInterface(account.webSocketUrl)],
    uri: account.uri,
    authorization_user: account.username,
    password: account.password,
    display_name: '',
    register: true,
    register_expires: account.registrationExpiry, // the server's telephony.browserPhone.registrationExpiry, as Asterisk grants it
    session_timers: false,
    user_agent: 'Helpline console',
    connection_recovery_min_interval: 2,
    connection_recovery_max_interval: 30,
  });
  phone.ua = ua;
  ua.on('registered', () => { if (phone.ua === ua) { phone.retryMs = RETRY_MIN_MS; setState('ready'); } });
  ua.on('registrationFailed', (e) => { if (phone.ua === ua) registrationFailed(e.cause); });
  ua.on('unregistered', () => { if (phone.ua === ua && !phone.stopped) registrationFailed('unregistered'); });
  ua.on('disconnected', () => { if (phone.ua === ua && !phone.stopped) setState('network-lost'); });
  ua.on('newRTCSession', (e) => { if (phone.ua === ua) incoming(e); });
  ua.start();
}

/** A refused or lapsed registration: the account may have been revoked (a server restart), so ask for a new one. */
function registrationFailed(cause) {
  setState('registration-failed', cause || 'no answer');
  if (phone.ua) phone.ua.stop();
  phone.ua = null;
  retryLater();
}

function retryLater() {
  clearTimeout(phone.retryTimer);
  phone.retryTimer = setTimeout(connect, phone.retryMs);
  phone.retryMs = Math.min(phone.retryMs * 2, RETRY_MAX_MS);
}

/** Asks for the microphone before registering, so that no call rings a browser that cannot speak. */
async function microphoneWorks() {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    stream.getTracks().forEach((track) => track.stop());
    return true;
  } catch (error) {
    if (error.name === 'NotAllowedError' || error.name === 'SecurityError') setState('microphone-denied');
    else if (error.name === 'NotFoundError' || error.name === 'OverconstrainedError') setState('no-microphone');
    else setState('unavailable', error.message);
    return false;
  }
}

// ---- calls --------------------------------------------------------------------------------------

function incoming({ session, originator }) {
  if (originator !== 'remote') return;
  if (phone.call || phone.ringing) {
    session.terminate({ status_code: 486 });
    return;
  }
  phone.ringing = session;
  session.on('failed', () => { if (phone.ringing === session) phone.ringing = null; phone.answerUntil = 0; });
  session.on('ended', () => ended(session));
  session.on('confirmed', () => { phone.startedAt = Date.now(); render(); });
  session.on('peerconnection', (e) => {
    e.peerconnection.addEventListener('track', (t) => { $('phone-audio').srcObject = t.streams[0]; });
  });
  if (Date.now() < phone.answerUntil) answer();
}

function answer() {
  const session = phone.ringing;
  phone.ringing = null;
  phone.answerUntil = 0;
  phone.call = session;
  phone.muted = false;
  phone.held = false;
  phone.startedAt = Date.now();
  session.answer({ mediaConstraints: { audio: true, video: false }, pcConfig: { iceServers: [] } });
  render();
}

function ended(session) {
  if (phone.call === session) phone.call = null;
  if (phone.ringing === session) phone.ringing = null;
  $('phone-audio').srcObject = null;
  render();
  if (!phone.call && phone.reconnectAfterCall) {
    phone.reconnectAfterCall = false;
    connect();
  }
}

function hangUp() {
  if (phone.call) phone.call.terminate();
}

function toggleMute() {
  if (!phone.call) return;
  if (phone.muted) phone.call.unmute({ audio: true });
  else phone.call.mute({ audio: true });
  phone.muted = !phone.muted;
  render();
}

function toggleHold() {
  if (!phone.call) return;
  if (phone.held) phone.call.unhold();
  else phone.call.hold();
  phone.held = !phone.held;
  render();
}

// ---- what the operator sees ----------------------------------------------------------------------

function setState(state, detail = '') {
  const working = state === 'ready';
  phone.state = state;
  phone.why = detail;
  const status = $('phone-status');
  status.dataset.phoneState = state || '';
  status.textContent = state ? message(state, detail) : '';
  status.classList.toggle('problem', !!state && !working && state !== 'connecting');
  show(status, !!state);
  show($('phone-retry'), state === 'microphone-denied' || state === 'no-microphone');
  if (working !== phone.working && phone.socket && !phone.stopped) {
    phone.working = working;
    phone.socket.request('phoneState', { working }).catch(() => {});
  }
}

function ensureElements() {
  if ($('phone-status')) return;
  const retry = el('button', { id: 'phone-retry', type: 'button', class: 'secondary', hidden: '', onclick: () => { phone.retryMs = RETRY_MIN_MS; setState('connecting'); connect(); } }, say('retry'));
  $('connection').after(el('p', { id: 'phone-status', class: 'phone-status', role: 'status', hidden: '' }), retry);
  const bar = el('div', { id: 'phone-call', class: 'phone-call', role: 'group', 'aria-label': say('phoneCall'), hidden: '' },
    el('span', { id: 'phone-timer', role: 'timer', class: 'timer' }, '0:00'),
    el('button', { id: 'phone-mute', type: 'button', class: 'secondary', 'aria-pressed': 'false', onclick: toggleMute }, say('mute')),
    el('button', { id: 'phone-hold', type: 'button', class: 'secondary', 'aria-pressed': 'false', onclick: toggleHold }, say('hold')),
    el('button', { id: 'phone-hangup', type: 'button', class: 'hangup', onclick: hangUp }, say('hangUp')));
  $('contact-title').after(bar);
  document.body.append(el('audio', { id: 'phone-audio', autoplay: '' }));
  setInterval(tickTimer, 1000);
}

function render() {
  show($('phone-call'), !!phone.call);
  $('phone-mute').textContent = say(phone.muted ? 'unmute' : 'mute');
  $('phone-mute').setAttribute('aria-pressed', String(phone.muted));
  $('phone-hold').textContent = say(phone.held ? 'resume' : 'hold');
  $('phone-hold').setAttribute('aria-pressed', String(phone.held));
  tickTimer();
}

/** The console's language changed: the phone's words follow. */
export function phoneWordsChanged() {
  if (!$('phone-status')) return;
  $('phone-status').textContent = phone.state ? message(phone.state, phone.why) : '';
  $('phone-retry').textContent = say('retry');
  $('phone-call').setAttribute('aria-label', say('phoneCall'));
  $('phone-hangup').textContent = say('hangUp');
  render();
}

function tickTimer() {
  if (!phone.call) return;
  const s = Math.floor((Date.now() - phone.startedAt) / 1000);
  $('phone-timer').textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
