// The words of a staff page (operator console, supervisor view) in Romanian and English. The page's words file
// installs its own texts (`ui`, and kinds of codes only it shows) over the names of the server's codes that every
// staff page shares (code-words.js); no code such as `abroad_in_trouble` is ever shown as it is. The language is the
// account's, kept on the server (language.js), never in the browser; Romanian until the person chooses.
// Texts with {name} take a value; a text with plural forms ({ one, few, other }) is chosen by its {count};
// the page's static texts name their entry with data-say (see applyWords).

import { CODE_WORDS } from './code-words.js';

export const LANGUAGES = Object.keys(CODE_WORDS);

let words = CODE_WORDS;
let chosen = 'ro';

/** The page's words: its own table over the shared code names (kinds of the same name are merged). Returns the whole table. */
export function installWords(own) {
  words = Object.fromEntries(LANGUAGES.map((code) => {
    const table = { ...CODE_WORDS[code] };
    for (const [kind, names] of Object.entries(own[code] || {})) table[kind] = { ...table[kind], ...names };
    return [code, table];
  }));
  return words;
}

/** The page's language now: the account's choice once signed in, Romanian before. */
export function language() {
  return chosen;
}

export function setLanguage(code) {
  chosen = words[code] ? code : 'ro';
  document.documentElement.lang = chosen;
}

function fill(entry, values) {
  const template = typeof entry === 'object'
    ? entry[new Intl.PluralRules(chosen).select(Number(values.count))] ?? entry.other
    : entry;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (values[name] === undefined ? whole : String(values[name])));
}

/** One of the page's own texts, its {names} filled from values. */
export function say(key, values = {}) {
  const entry = words[chosen].ui?.[key] ?? words.en.ui?.[key];
  return entry === undefined ? key : fill(entry, values);
}

/** The name of a code of one kind, {names} filled from values; a code with no name yet is shown as words, never with underscores. */
export function word(kind, code, values = {}) {
  if (!code) return '';
  if (kind === 'language') return languageName(code);
  const name = words[chosen][kind]?.[code] ?? words.en[kind]?.[code];
  return name === undefined ? code.replaceAll('_', ' ') : fill(name, values);
}

/** A server's refusal as the person reads it: by its code in Romanian, the server's own message in English. */
export function refusal(error) {
  if (chosen === 'en' || !error.code) return error.message;
  return words[chosen].error?.[error.code] ?? words[chosen].error?.other ?? error.message;
}

/** A language's own name in the page's language (Intl knows them all): no list kept here. */
export function languageName(code) {
  try {
    return new Intl.DisplayNames([chosen], { type: 'language' }).of(code);
  } catch {
    return code;
  }
}

/** A time of day as people of the page's language write it: 14:05. */
export function clockTime(when) {
  return new Date(when).toLocaleTimeString(chosen, { hour: '2-digit', minute: '2-digit' });
}

/**
 * Puts the page's static texts in its language: data-say="key" names an element's text, data-say-label its
 * aria-label, data-say-placeholder its placeholder, and data-say-word="kind" a choice's text by the code in its value.
 */
export function applyWords(root = document) {
  root.querySelectorAll('[data-say]').forEach((node) => { node.textContent = say(node.dataset.say); });
  root.querySelectorAll('[data-say-label]').forEach((node) => node.setAttribute('aria-label', say(node.dataset.sayLabel)));
  root.querySelectorAll('[data-say-placeholder]').forEach((node) => node.setAttribute('placeholder', say(node.dataset.sayPlaceholder)));
  root.querySelectorAll('[data-say-word]').forEach((node) => { node.textContent = word(node.dataset.sayWord, node.value); });
  document.title = say('title');
}
