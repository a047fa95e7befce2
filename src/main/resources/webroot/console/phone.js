// The browser phone: calls are answered in the console (README, "Browser phone"). Its registration is the
// shared BrowserPhone's (common/phone.js); here is what the console does with calls: accepting an offer
// answers it, the call's controls, and the phone's state in the operator's words. Nothing about the caller
// reaches this page's SIP layer: Asterisk shows every call as "Helpline".

import { $, el, show } from './dom.js';
import { say, word, refusal } from './words.js';
import { BrowserPhone, audioStats } from '../common/phone.js';

/** What the operator reads about the phone (words.js, kind `phone`): its state, and why when it does not work. */
function message(state, why) {
  return word('phone', state, { why, paused: word('phone', 'paused') });
}

const sip = new BrowserPhone('Helpline console', setState, incoming);
const phone = {
  state: null, ringing: null, call: null, answerUntil: 0, reconnectAfterCall: false, startedAt: 0, muted: false,
  held: false, why: '',
};
/** An accepted call that has not rung here yet is answered if it rings within this time (the dialplan's ring time). */
const ANSWER_WITHIN_MS = 20000;

/** Starts the phone for this console (once the server's welcome says the account uses it). */
export function startPhone(socket) {
  if (!sip.stopped) {
    // the console's socket came back: register again with a new account, after the call in progress
    sip.newSocket(socket);
    if (phone.call) phone.reconnectAfterCall = true;
    else sip.reconnect();
    return;
  }
  ensureElements();
  sip.start(socket);
}

/** Accepting a call's offer answers it: the phone picks up as soon as the call rings here. */
export function answerOffer(contact) {
  if (contact.channel !== 'call' || sip.stopped) return;
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
  if (sip.stopped) return;
  if (phone.call && !phone.call.isEnded()) phone.call.terminate();
  sip.reconnect();
}

/** Logging out: the phone hangs up, unregisters and stops; the server revokes its account. */
export function stopPhone() {
  sip.stop(); // nothing to stop if never started (this account has no browser phone)
}

/** Audio bytes sent and received in the current call (RTCPeerConnection.getStats), or null without a call. */
export function callStats() {
  return audioStats(phone.call);
}

// ---- calls --------------------------------------------------------------------------------------

function incoming(session) {
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
    sip.reconnect();
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

/** The shared phone's state in the operator's words; the server's refusals by their code (words.js). */
function setState(sipState, cause) {
  const state = sipState === 'no-build' ? 'unavailable' : sipState;
  const detail = sipState === 'no-build' ? word('phone', 'noBuild') : (cause && typeof cause === 'object' ? refusal(cause) : cause);
  const working = state === 'ready';
  phone.state = state;
  phone.why = detail;
  const status = $('phone-status');
  status.dataset.phoneState = state || '';
  status.textContent = state ? message(state, detail) : '';
  status.classList.toggle('problem', !!state && !working && state !== 'connecting');
  show(status, !!state);
  show($('phone-retry'), state === 'microphone-denied' || state === 'no-microphone');
}

function ensureElements() {
  if ($('phone-status')) return;
  const retry = el('button', { id: 'phone-retry', type: 'button', class: 'secondary', hidden: '', onclick: () => sip.reconnect() }, say('retry'));
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
