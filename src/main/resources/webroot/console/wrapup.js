// Wrap-up never throws away work: while a contact's referral is being written and not yet sent, the page
// keeps asking the server for more wrap-up time (keepWrappingUp), so the form is not lost when it runs out.

import { $ } from './dom.js';
import { state, current } from './state.js';

/** Far shorter than any sensible routing.wrapUpTime; each request sets the end a whole wrap-up time ahead. */
const ASK_EVERY_MS = 5000;

/** A referral form open on this contact, or filled in for it, with no answer yet. */
export function referralUnsent(entry) {
  const referral = entry.referral;
  if (referral && referral.answer) return false;
  const typed = !!referral && Object.entries(referral.values).some(([name, value]) => name !== 'country' && value !== '' && value !== false);
  const open = current() === entry && !$('panel-referral').hidden && !$('referral-form').hidden;
  return typed || open;
}

/** Once a second: more time for each contact in wrap-up whose referral is unsent. */
export function keepWorkAlive(ask) {
  state.contacts.forEach((entry) => {
    if (entry.contact.state !== 'wrap_up' || !referralUnsent(entry)) return;
    if (Date.now() - (entry.keptAt || 0) < ASK_EVERY_MS) return;
    entry.keptAt = Date.now();
    ask('keepWrappingUp', { contactId: entry.contact.id }).catch(() => {});
  });
}
