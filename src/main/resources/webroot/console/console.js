// The operator console: login, presence, offers, conversations, guidance, wrap-up.
// Nothing the operator types or ticks is stored: it lives in this page's memory and goes at wrap-up.

import { $, el, clear, show, notice } from './dom.js';
import * as api from './api.js';
import { RequestSocket } from '../common/socket.js';
import { unlockSound, beep } from './sound.js';
import { state, remember, forget, current } from './state.js';
import { renderOffers, renderContactList, renderContact, renderTranscript, addMessage, addWhisper, tick, offers, held } from './contacts.js';
import { setupGuidance, guidanceLoaded, renderGuidance, ensureWork, openTab } from './guidance.js';
import { setupShortcuts } from './shortcuts.js';
import { setupReferral, forgetReferrals, referralWordsChanged } from './referral.js';
import { startPhone, answerOffer, declineOffer, stopPhone, phoneWordsChanged, reconnectPhone } from './phone.js';
import { keepWorkAlive } from './wrapup.js';
import { caseOf, receiveHandOver } from './handover.js';
import { word, say, refusal, language, languageName } from './words.js';
import { setupLanguageSwitch, showLanguage, keepChoiceAtSignIn, signedOut } from '../common/language.js';

const VIEWS = ['login-view', 'password-view', 'supervisor-view', 'app'];
/** How soon a chat message the server could not record yet is sent again. */
const RESEND_AFTER_MS = 3000;

function view(name) {
  VIEWS.forEach((id) => show($(id), id === name));
}

/** Draws the console's own parts in the language just shown (common/language.js): the guidance follows it by default. */
function languageShown() {
  const code = language();
  state.uiLanguage = state.guidance && state.guidance.languages.includes(code) ? code : state.uiLanguage;
  operatorChanged(state.operator);
  if (state.account) $('me').textContent = `${state.account.displayName} (${state.account.languages.map(languageName).join(', ')})`;
  if (state.guidance) guidanceLoaded();
  referralWordsChanged();
  phoneWordsChanged();
  guidanceDrawnFor = null;
  renderAll();
}

async function boot() {
  showLanguage(language());
  try {
    const account = await api.me();
    await signedIn(account);
  } catch (error) {
    if (error.status === 401) view('login-view');
    else if (error.code === 'password_change_required') view('password-view');
    else notice(say('unreachable', { why: refusal(error) }));
  }
}

async function signedIn(given) {
  const account = await keepChoiceAtSignIn(given);
  state.account = account;
  if (account.consoleLanguage) showLanguage(account.consoleLanguage);
  if (account.passwordChangeRequired) {
    view('password-view');
    $('password-current').focus();
    return;
  }
  if (account.role !== 'operator') {
    const wallboard = account.role === 'wallboard';
    show($('supervisor-why'), !wallboard);
    show($('reload-guidance'), !wallboard);
    show($('wallboard-why'), wallboard);
    view('supervisor-view');
    return;
  }
  try {
    state.guidance = await api.guidance();
    showLanguage(language());
  } catch (error) {
    notice(say('guidanceFailed', { why: refusal(error) }));
    return;
  }
  // The page shows itself once its guidance is in and its socket is opening: a click cannot come too early.
  state.socket = new RequestSocket('/operator/ws', received, connection);
  state.socket.open();
  view('app');
  renderAll();
}

function connection(status, code) {
  $('connection').textContent = status === 'connected' ? '' : say('reconnecting');
  if (code === 1008 || code === 4401) notice(say('serverClosed'));
}

// ---- messages from the server -------------------------------------------------------------------

function received(message) {
  switch (message.type) {
    case 'welcome':
      state.outcomes = message.outcomes || [];
      state.browserPhone = !!message.browserPhone;
      if (message.browserPhone) startPhone(state.socket);
      operatorChanged(message.operator);
      (message.contacts || []).forEach((contact) => contactChanged(contact, 'welcome'));
      break;
    case 'offer':
      contactChanged(message.contact, message.reason);
      beep();
      break;
    case 'contact':
      contactChanged(message.contact, message.reason);
      break;
    case 'operator':
      operatorChanged(message.operator, message.reason);
      break;
    case 'transcript': {
      const entry = state.contacts.get(message.contactId);
      if (entry && receiveHandOver(entry, message.handOver) && entry.contact.id === state.currentId) guidanceDrawnFor = null;
      chatLines(message.contactId, message.messages || []);
      break;
    }
    case 'message':
      chatLines(message.contactId, [message]);
      break;
    case 'whisper': {
      const entry = state.contacts.get(message.contactId);
      if (entry) addWhisper(entry, message);
      break;
    }
    case 'callerHistory': {
      const entry = state.contacts.get(message.contactId);
      if (entry) entry.history = { calledBefore: message.calledBefore, withinDays: message.withinDays };
      break;
    }
    case 'callerConnection': {
      const entry = state.contacts.get(message.contactId);
      if (entry) entry.callerAwayUntil = message.connected ? null : message.backBy;
      break;
    }
    case 'typing': {
      const entry = state.contacts.get(message.contactId);
      if (entry) entry.typingUntil = Date.now() + 5000;
      if (entry && entry.contact.id === state.currentId) $('typing-note').textContent = say('typing');
      return;
    }
    case 'error':
      notice(refusal(message));
      return;
    default:
      return;
  }
  renderAll();
}

function operatorChanged(operator, reason) {
  state.operator = operator;
  if (reason === 'phone_lost') {
    // the caller is back in the queue; no call comes here until the phone works again
    state.callsLost = true;
    notice(word('notice', state.browserPhone ? 'phone_lost_browser' : 'phone_lost_desk'));
    if (state.browserPhone) reconnectPhone();
  } else if (operator && operator.channels.includes('call')) {
    state.callsLost = false;
  }
  if (!$('presence-state')) return;
  const name = word('operatorState', operator ? operator.state : 'offline');
  const deskPhoneLost = state.callsLost && !state.browserPhone;
  let shown = operator && operator.state === 'paused' && operator.pauseReason ? `${name}: ${operator.pauseReason}` : name;
  if (deskPhoneLost) shown = `${name} (${word('notice', 'calls_paused')})`;
  $('presence-state').textContent = shown;
  // a desk phone's operator takes calls again by choosing Available once more
  $('go-available').disabled = !!operator && operator.presence === 'available' && !deskPhoneLost;
}

function contactChanged(contact, reason) {
  const mine = ['offered', 'connected', 'wrap_up'].includes(contact.state)
    && (!state.account || !contact.operatorId || contact.operatorId === state.account.name);
  if (!mine) {
    if (state.contacts.has(contact.id) && reason === 'left') notice(say('callerLeft'));
    if (reason === 'transferred') notice(say('transferred'));
    forget(contact.id);
    return;
  }
  const entry = remember(contact);
  ensureWork(entry);
  if (contact.state !== 'offered' && !state.currentId) state.currentId = contact.id;
  if (reason === 'left' && contact.state === 'wrap_up') notice(say('callerLeftWrapUp'));
}

function chatLines(contactId, lines) {
  const entry = state.contacts.get(contactId);
  if (!entry) return;
  lines.forEach((line) => addMessage(entry, line));
  if (contactId === state.currentId) renderTranscript();
}

// ---- rendering ----------------------------------------------------------------------------------

/** What the guidance panel shows depends on: drawn again only when it changes, so a chat's messages never take
 * the focus away from a checkbox or button the operator is on. */
let guidanceDrawnFor = null;

function renderAll() {
  if (state.currentId && !state.contacts.has(state.currentId)) state.currentId = null;
  if (!state.currentId && held().length > 0) state.currentId = held()[0].contact.id;
  renderOffers({ accept, decline });
  renderContactList(select);
  renderContact();
  const entry = current();
  const guidanceFor = entry ? [entry.contact.id, entry.contact.language, entry.contact.topic, entry.contact.state].join('|') : '';
  if (state.guidance && guidanceFor !== guidanceDrawnFor) {
    guidanceDrawnFor = guidanceFor;
    renderGuidance();
  }
}

function select(contactId) {
  saveDraft();
  const entry = state.contacts.get(contactId);
  const firstLook = entry && entry.arrived;
  if (entry) entry.arrived = false;
  state.currentId = contactId;
  if (firstLook) {
    renderAll();
    openTab('script');
  }
  renderAll();
  $('contact-view').focus();
}

function saveDraft() {
  const entry = current();
  if (entry) entry.draft = $('say-input').value;
}

// ---- requests -----------------------------------------------------------------------------------

async function ask(type, fields) {
  try {
    return await state.socket.request(type, fields);
  } catch (error) {
    notice(refusal(error));
    throw error;
  }
}

/** Whether the operator is in the middle of a chat (open, in conversation): a new contact must not take it away. */
function busyInChat() {
  const entry = current();
  return !!entry && entry.contact.channel === 'chat' && entry.contact.state === 'connected';
}

function accept(contactId) {
  const offered = state.contacts.get(contactId);
  if (offered) answerOffer(offered.contact);
  ask('accept', { contactId }).then((ack) => {
    contactChanged(ack.contact, 'accepted');
    const entry = state.contacts.get(contactId);
    if (busyInChat() && state.currentId !== contactId) {
      // A badge on the list says it arrived; the conversation being typed in stays open.
      if (entry) entry.arrived = true;
      renderAll();
      return;
    }
    state.currentId = contactId;
    renderAll();
    openTab('script');
    $('contact-view').focus();
  }, () => {});
}

function decline(contactId) {
  const offered = state.contacts.get(contactId);
  if (offered) declineOffer(offered.contact);
  ask('decline', { contactId }).then(() => { forget(contactId); renderAll(); }, () => {});
}

function presence(value, reason) {
  return ask('presence', reason ? { presence: value, reason } : { presence: value })
    .then((ack) => operatorChanged(ack.operator), () => {});
}

function insertIntoMessage(text) {
  const entry = current();
  const input = $('say-input');
  if (!entry || entry.contact.channel !== 'chat' || input.disabled) {
    notice(say('insertNeedsChat'));
    return;
  }
  input.value = input.value.trim() ? `${input.value.trimEnd()}\n${text}` : text;
  entry.draft = input.value;
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
}

/**
 * Sends a chat message; while the server cannot record it ("unavailable") it stays in the box, marked as
 * sending, and goes again with the same key, which the server uses to keep it once.
 */
function sendMessage(entry, text, key) {
  state.socket.request('say', { contactId: entry.contact.id, text, key }).then(() => {
    if (current() === entry && $('say-input').value.trim() === text) {
      $('say-input').value = '';
      $('say-error').textContent = '';
    }
    entry.draft = '';
  }, (error) => {
    if (error.code !== 'unavailable' || state.contacts.get(entry.contact.id) !== entry) {
      $('say-error').textContent = say('notSent', { why: refusal(error) });
      return;
    }
    if (current() === entry) $('say-error').textContent = say('sending');
    setTimeout(() => sendMessage(entry, text, key), RESEND_AFTER_MS);
  });
}

function setupForms() {
  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    unlockSound();
    $('login-error').textContent = '';
    try {
      const account = await api.login($('login-name').value, $('login-password').value);
      $('login-password').value = '';
      await signedIn(account.passwordChangeRequired ? account : await api.me());
    } catch (error) {
      $('login-error').textContent = error.code === 'too_many_attempts' ? say('tooManyAttempts') : say('badLogin');
    }
  });
  $('password-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    unlockSound();
    $('password-error').textContent = '';
    if ($('password-new').value !== $('password-repeat').value) {
      $('password-error').textContent = say('passwordsDiffer');
      return;
    }
    try {
      await api.changePassword($('password-current').value, $('password-new').value);
      ['password-current', 'password-new', 'password-repeat'].forEach((id) => { $(id).value = ''; });
      await signedIn(await api.me());
    } catch (error) {
      $('password-error').textContent = refusal(error);
    }
  });
  $('go-available').addEventListener('click', () => { unlockSound(); presence('available'); });
  $('go-pause').addEventListener('click', () => { $('pause-other').value = ''; $('pause-dialog').showModal(); });
  $('pause-dialog').addEventListener('close', () => {
    if ($('pause-dialog').returnValue !== 'pause') return;
    const choice = $('pause-reason');
    const reason = choice.value === 'other' ? $('pause-other').value.trim() || 'other' : choice.selectedOptions[0].textContent;
    presence('paused', reason);
  });
  $('logout').addEventListener('click', logOut);
  $('supervisor-logout').addEventListener('click', logOut);
  $('show-shortcuts').addEventListener('click', () => $('shortcuts-dialog').showModal());
  setupLanguageSwitch(languageShown, (error) => notice(say('refused', { why: refusal(error) })));
  $('reload-guidance').addEventListener('click', reloadGuidance);

  $('say-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const entry = current();
    const text = $('say-input').value.trim();
    if (!entry || !text) return;
    $('say-error').textContent = '';
    sendMessage(entry, text, crypto.getRandomValues(new Uint32Array(1))[0] + 1);
  });
  $('say-input').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      $('say-form').requestSubmit();
    }
  });
  let lastTyping = 0;
  $('say-input').addEventListener('input', () => {
    const entry = current();
    if (entry) entry.draft = $('say-input').value;
    if (entry && Date.now() - lastTyping > 3000) {
      lastTyping = Date.now();
      state.socket.notify('typing', { contactId: entry.contact.id });
    }
  });

  $('open-referral').addEventListener('click', openReferral);
  $('end-contact').addEventListener('click', endContact);
  $('end-dialog').addEventListener('close', endConfirmed);
  $('transfer-contact').addEventListener('click', openTransfer);
  $('transfer-dialog').addEventListener('close', () => {
    const entry = current();
    if ($('transfer-dialog').returnValue !== 'transfer' || !entry) return;
    const operatorId = $('transfer-operator').value.trim().toLowerCase();
    const note = $('transfer-note').value.trim();
    ask('transfer', { contactId: entry.contact.id, language: $('transfer-language').value, ...(operatorId ? { operatorId } : {}),
      ...(note ? { note } : {}), case: caseOf(entry.work) })
      .then(() => { forget(entry.contact.id); renderAll(); notice(say('transferred')); }, () => {});
  });
  $('wrapup-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const entry = current();
    const outcome = $('wrapup-outcome').value;
    if (!entry) return;
    if (!outcome) {
      $('wrapup-error').textContent = say('chooseOutcome');
      $('wrapup-outcome').focus();
      return;
    }
    const tags = [...$('wrapup-tags').querySelectorAll('input:checked')].map((box) => box.value);
    ask('wrapUp', { contactId: entry.contact.id, outcome, tags }).then(() => {
      forget(entry.contact.id);
      renderAll();
      notice(say('wrapUpDone'));
    }, (error) => { $('wrapup-error').textContent = refusal(error); });
  });
}

/** Ending asks first: the button is not beside Send, and Alt+E or a slip of the mouse must not end a chat. */
function endContact() {
  const entry = current();
  if (!entry || entry.contact.state !== 'connected') return;
  $('end-dialog').dataset.contact = entry.contact.id;
  $('end-text').textContent = say(entry.contact.channel === 'chat' ? 'endChat' : 'endCall');
  $('end-dialog').showModal();
}

function endConfirmed() {
  const dialog = $('end-dialog');
  const entry = state.contacts.get(dialog.dataset.contact);
  if (dialog.returnValue !== 'end' || !entry || entry.contact.state !== 'connected') return;
  ask('end', { contactId: entry.contact.id }).then((ack) => {
    contactChanged(ack.contact, 'ended');
    renderAll();
    if (current() === entry) $('wrapup-outcome').focus();
  }, () => {});
}

function openReferral() {
  if (!current()) return;
  openTab('referral');
  const first = $('referral-age');
  if (!first.closest('[hidden]')) first.focus();
}

function openTransfer() {
  const entry = current();
  if (!entry || entry.contact.state !== 'connected' || entry.contact.channel !== 'chat') return;
  $('transfer-language').value = entry.contact.language;
  $('transfer-operator').value = '';
  $('transfer-note').value = '';
  $('transfer-dialog').showModal();
}

async function logOut() {
  try {
    stopPhone();
    if (state.socket) {
      await state.socket.request('presence', { presence: 'offline' }).catch(() => {});
      state.socket.close();
    }
    await api.logout();
  } finally {
    state.contacts.clear();
    state.currentId = null;
    state.socket = null;
    state.account = null;
    signedOut();
    api.forgetCountries();
    forgetReferrals();
    view('login-view');
    $('login-name').focus();
  }
}

async function reloadGuidance() {
  const box = clear($('reload-result'));
  try {
    const result = await api.reloadGuidance();
    box.append(el('p', {}, say('reloaded', { version: result.version, scripts: result.scripts, countries: result.countries })));
  } catch (error) {
    box.append(el('p', { class: 'error' }, refusal(error)),
      el('ul', {}, (error.body && error.body.problems || []).map((p) => el('li', {}, p))));
  }
}

function setupShortcutActions() {
  setupShortcuts({
    acceptOffer: () => { const first = offers()[0]; if (first) accept(first.contact.id); },
    declineOffer: () => { const first = offers()[0]; if (first) decline(first.contact.id); },
    available: () => presence('available'),
    pause: () => $('go-pause').click(),
    focusMessage: () => { if (!$('chat-area').hidden) $('say-input').focus(); },
    openContact: (index) => { const entry = held()[index]; if (entry) select(entry.contact.id); },
    tab: (name) => openTab(name),
    end: endContact,
    transfer: openTransfer,
    wrapUp: () => { if (!$('wrapup-form').hidden) $('wrapup-outcome').focus(); },
    referral: openReferral,
  });
}

setupForms();
setupGuidance(insertIntoMessage);
setupReferral();
setupShortcutActions();
setInterval(() => {
  tick();
  if (state.socket) keepWorkAlive((type, fields) => state.socket.request(type, fields));
}, 1000);
boot();
