// What the page knows. Nothing here is ever written to storage: it lives in this page's memory only,
// and a contact's entry (messages, ticks, script position, draft, referral form) is dropped at wrap-up.

export const state = {
  account: null,
  operator: null,
  outcomes: [],
  guidance: null,
  uiLanguage: 'ro',
  contacts: new Map(),
  currentId: null,
  socket: null,
  /** The account answers calls in this page (browser phone), not on a desk phone. */
  browserPhone: false,
  /** The phone dropped out of a call: no call is offered until it works again. */
  callsLost: false,
};

/** The server's clock, as seen in a contact's figures (1 s precision), in local milliseconds. */
function serverOffset(contact) {
  const serverNow = Date.parse(contact.queuedAt) + contact.waitedSeconds * 1000;
  return serverNow - Date.now();
}

export function remember(contact) {
  let entry = state.contacts.get(contact.id);
  if (!entry) {
    entry = { contact, messages: [], seqs: new Set(), typingUntil: 0, unread: 0, draft: '', work: null, referral: null, history: null };
    state.contacts.set(contact.id, entry);
  }
  entry.contact = contact;
  entry.offset = serverOffset(contact);
  if (contact.state === 'connected' && entry.waitedFinal === undefined) {
    entry.waitedFinal = (Date.parse(contact.stateSince) - Date.parse(contact.queuedAt)) / 1000;
  }
  return entry;
}

export function forget(contactId) {
  state.contacts.delete(contactId);
  if (state.currentId === contactId) state.currentId = null;
}

export function current() {
  return state.currentId ? state.contacts.get(state.currentId) : undefined;
}

/** Milliseconds until the contact's deadline (offer or wrap-up), by the server's clock. */
export function untilDeadline(entry) {
  if (!entry.contact.deadline) return null;
  return Date.parse(entry.contact.deadline) - (Date.now() + entry.offset);
}

/** How long the caller waited for an operator (still counting while waiting). */
export function waitedSeconds(entry) {
  if (entry.waitedFinal !== undefined) return entry.waitedFinal;
  return (Date.now() + entry.offset - Date.parse(entry.contact.queuedAt)) / 1000;
}

/** A text of the guidance in a language, falling back to English, then to any. */
export function t(text, language = state.uiLanguage) {
  if (!text) return '';
  return text[language] ?? text.en ?? Object.values(text)[0] ?? '';
}

/** The language a contact's replies are written in (if the guidance has it). */
export function contactLanguage(entry) {
  const language = entry && entry.contact.language;
  return state.guidance && state.guidance.languages.includes(language) ? language : 'en';
}
