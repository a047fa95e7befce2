// Offers, the list of the operator's contacts, and the open contact: a call's facts, or a chat's
// conversation, then its wrap-up.

import { $, el, clear, show } from './dom.js';
import { state, current, untilDeadline, waitedSeconds, t } from './state.js';
import { referralUnsent } from './wrapup.js';
import { word, say, duration, language } from './words.js';

export function offers() {
  return [...state.contacts.values()].filter((e) => e.contact.state === 'offered');
}

export function held() {
  return [...state.contacts.values()].filter((e) => e.contact.state !== 'offered');
}

/** "Called before": only the yes and the window, as the server says it; never a count. */
function historyBadge(entry) {
  const h = entry.history;
  return h && h.calledBefore ? el('span', { class: 'history', 'data-history': entry.contact.id }, say('calledBefore', { days: h.withinDays })) : null;
}

function describe(contact) {
  const topic = contact.topic && contact.topic !== 'unknown' ? word('topic', contact.topic) : say('topicNotGiven');
  return `${word('channel', contact.channel)} · ${word('language', contact.language)} · ${topic}${contact.priority === 'urgent' ? ` · ${say('urgentMark')}` : ''}`;
}

export function renderOffers(actions) {
  const box = clear($('offers'));
  offers().forEach((entry) => {
    const c = entry.contact;
    box.append(el('article', { class: `offer${c.priority === 'urgent' ? ' urgent' : ''}`, 'aria-label': say('offer', { what: describe(c) }), 'data-contact': c.id },
      el('h2', {}, say('newContact', { channel: word('channel', c.channel).toLowerCase() }) + (c.priority === 'urgent' ? say('inDangerNow') : '')),
      el('p', {}, describe(c), ` · ${say('waited', { time: duration(waitedSeconds(entry)) })} `, historyBadge(entry)),
      el('p', { class: 'countdown', role: 'timer', 'data-deadline': c.id }, countdownText(entry)),
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'accept', onclick: () => actions.accept(c.id) }, say('accept')),
        el('button', { type: 'button', class: 'secondary', onclick: () => actions.decline(c.id) }, say('decline')))));
  });
}

function countdownText(entry) {
  const left = untilDeadline(entry);
  return left === null ? '' : say('leftToAnswer', { time: duration(left / 1000) });
}

export function renderContactList(select) {
  const list = clear($('contact-list'));
  held().forEach((entry, i) => {
    const c = entry.contact;
    const selected = c.id === state.currentId;
    list.append(el('li', {},
      el('button', { type: 'button', 'aria-current': selected ? 'true' : null, 'data-contact': c.id,
        'aria-keyshortcuts': i < 9 ? `Alt+${i + 1}` : null, onclick: () => select(c.id) },
      `${i + 1}. ${describe(c)} — ${word('contactState', c.state)}${awayFrom(entry) ? ` — ${say('callerAway')}` : ''} `, historyBadge(entry),
      entry.unread > 0 ? el('span', { class: 'unread' }, ` ${say('unread', { count: entry.unread })}`) : null,
      entry.arrived ? el('span', { class: 'arrived', 'data-arrived': c.id }, say('newContactBadge')) : null)));
  });
  if (held().length === 0) list.append(el('li', { class: 'hint' }, say('noContacts')));
}

/** When the chat ends unless its caller's page comes back, or null while they are connected. */
function awayFrom(entry) {
  return entry.contact.state === 'connected' && entry.callerAwayUntil ? new Date(entry.callerAwayUntil) : null;
}

function renderAway(entry) {
  const until = awayFrom(entry);
  show($('caller-away'), !!until);
  $('caller-away').textContent = until
    ? say('awayUntil', { time: until.toLocaleTimeString(language(), { hour: '2-digit', minute: '2-digit' }) })
    : '';
}

export function renderContact() {
  const entry = current();
  const facts = clear($('contact-facts'));
  show($('chat-area'), false);
  show($('contact-actions'), false);
  show($('wrapup-form'), false);
  show($('open-referral'), !!entry);
  if (!entry) {
    $('contact-title').textContent = say('noContactOpen');
    $('say-input').value = '';
    clear($('transcript'));
    return;
  }
  const c = entry.contact;
  $('contact-title').textContent = `${word('channel', c.channel)} — ${word('contactState', c.state)}`;
  const rows = [['language', 'factLanguage', word('language', c.language)],
    ['topic', 'factTopic', c.topic && c.topic !== 'unknown' ? word('topic', c.topic) : say('notGiven')],
    ['urgency', 'factUrgency', c.priority === 'urgent' ? say('urgentNow') : say('normal')],
    ['waited', 'factWaited', duration(waitedSeconds(entry))]];
  rows.forEach(([fact, name, value]) => facts.append(el('dt', {}, say(name)), el('dd', { 'data-fact': fact }, value)));
  const badge = historyBadge(entry);
  if (badge) facts.append(el('dt', {}, say('factHistory')), el('dd', { 'data-fact': 'history' }, badge));
  if (c.channel === 'chat') {
    show($('chat-area'), true);
    renderAway(entry);
    renderTranscript();
    $('say-input').value = entry.draft;
    $('say-input').disabled = c.state !== 'connected';
  }
  show($('contact-actions'), c.state === 'connected');
  $('transfer-contact').disabled = c.channel !== 'chat';
  if (c.state === 'wrap_up') renderWrapUp(entry);
}

export function renderTranscript() {
  const entry = current();
  if (!entry) return;
  const note = $('handover-note');
  show(note, !!entry.handOver);
  if (entry.handOver) note.textContent = say('handOver', { from: entry.handOver.from || say('previousOperator'), note: entry.handOver.note || say('noNote') });
  const list = clear($('transcript'));
  entry.messages.forEach((m) => list.append(el('li', { class: `from-${m.from}` },
    el('span', { class: 'who' }, author(m)),
    el('span', { class: 'time' }, m.sentAt ? new Date(m.sentAt).toLocaleTimeString(language(), { hour: '2-digit', minute: '2-digit' }) : ''),
    el('p', { class: 'text' }, m.text))));
  list.scrollTop = list.scrollHeight;
  entry.unread = 0;
  $('typing-note').textContent = entry.typingUntil > Date.now() ? say('typing') : '';
}

/** Who wrote a line: after a transfer, the earlier operator's lines carry their display name, not "You". */
function author(m) {
  if (m.from === 'caller') return say('caller');
  if (m.from === 'whisper') return say('whisperFrom', { name: m.operatorName });
  if (m.operatorId?.startsWith('supervisor:')) return say('supervisorToCaller', { name: m.operatorName });
  const someoneElse = m.operatorId && state.account && m.operatorId !== state.account.name;
  return someoneElse ? (m.operatorName || say('previousOperator')) : say('you');
}

/** Messages by seq; a whisper stays after the message it followed. */
function inOrder(a, b) {
  return (a.seq ?? a.after + 0.5) - (b.seq ?? b.after + 0.5);
}

/** A supervisor's whisper: shown in the conversation, marked, for this console only; never sent on. */
export function addWhisper(entry, whisper) {
  const after = entry.messages.reduce((last, m) => Math.max(last, m.seq ?? m.after), 0);
  entry.messages.push({ seq: null, after, from: 'whisper', text: whisper.text, sentAt: whisper.sentAt,
    operatorName: whisper.from });
  entry.messages.sort(inOrder);
}

/** A chat message (dropped if already seen: transcripts and live messages may overlap). */
export function addMessage(entry, message) {
  if (entry.seqs.has(message.seq)) return false;
  entry.seqs.add(message.seq);
  entry.messages.push({ seq: message.seq, from: message.from, text: message.text, sentAt: message.sentAt,
    operatorId: message.operatorId, operatorName: message.operatorName });
  entry.messages.sort(inOrder);
  if (message.from === 'caller') entry.typingUntil = 0;
  if (entry.contact.id !== state.currentId && message.from === 'caller') entry.unread += 1;
  return true;
}

function renderWrapUp(entry) {
  show($('wrapup-form'), true);
  const outcome = $('wrapup-outcome');
  const drawnFor = `${entry.contact.id}|${language()}`;
  if (outcome.dataset.contact !== drawnFor) {
    // only the language changed: what the operator chose stays
    const same = (outcome.dataset.contact || '').startsWith(`${entry.contact.id}|`);
    const chosen = same ? outcome.value : '';
    const ticked = new Set(same ? [...$('wrapup-tags').querySelectorAll('input:checked')].map((box) => box.value) : []);
    outcome.dataset.contact = drawnFor;
    clear(outcome).append(el('option', { value: '' }, say('chooseOutcomeOption')),
      ...state.outcomes.map((o) => el('option', { value: o }, word('outcome', o))));
    const tags = clear($('wrapup-tags'));
    state.guidance.tags.forEach((tag) => {
      const id = `tag-${tag.id}`;
      tags.append(el('div', { class: 'check' }, el('input', { type: 'checkbox', id, value: tag.id, checked: ticked.has(tag.id) }),
        el('label', { for: id }, t(tag.label))));
    });
    outcome.value = chosen;
    $('wrapup-error').textContent = '';
  }
  $('wrapup-countdown').textContent = countdown(entry);
}

function countdown(entry) {
  if (referralUnsent(entry)) return say('keptOpen');
  const left = untilDeadline(entry);
  return left === null ? '' : say('endsIn', { time: duration(left / 1000) });
}

/** Once a second: offer countdowns, the wrap-up countdown, the caller's wait, typing notices. */
export function tick() {
  offers().forEach((entry) => {
    const node = document.querySelector(`[data-deadline="${CSS.escape(entry.contact.id)}"]`);
    if (node) node.textContent = countdownText(entry);
  });
  const entry = current();
  if (!entry) return;
  const waited = document.querySelector('[data-fact="waited"]');
  if (waited) waited.textContent = duration(waitedSeconds(entry));
  if (entry.contact.state === 'wrap_up') $('wrapup-countdown').textContent = countdown(entry);
  if (entry.contact.channel === 'chat') $('typing-note').textContent = entry.typingUntil > Date.now() ? say('typing') : '';
}
