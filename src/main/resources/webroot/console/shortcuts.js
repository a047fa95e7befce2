// Keyboard shortcuts for the frequent actions; '?' lists them (see the dialog in index.html).

import { $ } from './dom.js';

function typing(target) {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** @param actions functions named after what they do; each may be missing. */
export function setupShortcuts(actions) {
  document.addEventListener('keydown', (event) => {
    if (event.key === '?' && !event.altKey && !event.ctrlKey && !event.metaKey && !typing(event.target)) {
      event.preventDefault();
      $('shortcuts-dialog').showModal();
      return;
    }
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    const digit = /^Digit([1-9])$/.exec(event.code);
    const key = event.code.replace(/^Key/, '');
    const action = digit ? () => actions.openContact(Number(digit[1]) - 1) : {
      A: actions.acceptOffer, D: actions.declineOffer, V: actions.available, P: actions.pause,
      M: actions.focusMessage, S: () => actions.tab('script'), I: () => actions.tab('indicators'),
      X: () => actions.tab('exits'), R: () => actions.tab('replies'), E: actions.end, T: actions.transfer,
      W: actions.wrapUp, F: actions.referral,
    }[key];
    if (action) {
      event.preventDefault();
      action();
    }
  });
}
