// The RO / EN switch of a staff page (operator console, supervisor view): its [data-language] buttons. Signed in, the
// choice is kept in the person's account on the server (PUT /api/me/language), so it follows them to any computer
// and to the other staff page; nothing is kept in the browser. On the login page a choice lives in the page and goes
// into the account at sign-in.

import { request } from './api.js';
import { language, setLanguage, applyWords } from './words.js';

let signedIn = false;
let chosenBeforeSignIn = null;
let redraw = () => {};
let refused = () => {};

/** Wires the switch: redraw() draws the page's own parts in the new language, refused(error) tells a choice the server refused. */
export function setupLanguageSwitch(onRedraw, onRefused) {
  redraw = onRedraw;
  refused = onRefused;
  document.querySelectorAll('[data-language]').forEach((button) => button.addEventListener('click', () => choose(button.dataset.language)));
}

/** Shows the whole page in one language: its static texts, the switch's state, then the page's own parts. */
export function showLanguage(code) {
  setLanguage(code);
  applyWords();
  document.querySelectorAll('[data-language]').forEach((button) => button.setAttribute('aria-pressed', String(button.dataset.language === language())));
  redraw();
}

async function choose(code) {
  if (!signedIn) {
    chosenBeforeSignIn = code;
    showLanguage(code);
    return;
  }
  try {
    showLanguage((await request('PUT', '/api/me/language', { language: code })).consoleLanguage);
  } catch (error) {
    refused(error);
  }
}

/**
 * At sign-in: a choice made on the login page goes into the account (once its password is the owner's own).
 * Returns the account as the server then has it; the page shows it in account.consoleLanguage.
 */
export async function keepChoiceAtSignIn(given) {
  let account = given;
  if (chosenBeforeSignIn && !account.passwordChangeRequired && chosenBeforeSignIn !== account.consoleLanguage) {
    account = await request('PUT', '/api/me/language', { language: chosenBeforeSignIn }).catch(() => account);
  }
  chosenBeforeSignIn = null;
  signedIn = true;
  return account;
}

/** After logging out, a choice lives in the page again until the next sign-in. */
export function signedOut() {
  signedIn = false;
}
