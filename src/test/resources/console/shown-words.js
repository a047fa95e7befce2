// Run in the console page (executeAsyncScript): what a person reads there, checked against the console's words
// table (console/words.js) and the content the server serves, in the page's language. Answers
// { foreign: [...], codes: [...], otherLanguage: [...] }: all three empty when every visible text is in that language.
const [data, countries, done] = arguments;
(async () => {
  const { WORDS } = await import('/console/words.js');
  const lang = document.documentElement.lang;
  const other = Object.keys(WORDS).filter((l) => l !== lang);
  const tokens = (text) => text.replace(/\{\w+\}/g, ' ').split(/[\s,.;:!?()„”“"'«»·—–…/+=*%#[\]<>]+/u)
    .map((t) => t.replace(/^-+|-+$/g, '').toLowerCase()).filter((t) => t && !/\d/.test(t));

  // Everything the console may show in this language: its words, and the content in this language (never the
  // other language's texts, nor a source's date, which must be named when it is missing).
  const strings = [];
  const languageCodes = ['ro', 'en'];
  const walk = (value, key) => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach((v) => (key === 'languages' ? languageCodes.push(v) : walk(v)));
    else if (value && typeof value === 'object') {
      Object.entries(value).forEach(([k, v]) => { if (!other.includes(k) && k !== 'sourceDate') walk(v, k); });
    }
  };
  const own = [];
  const collect = (value) => (typeof value === 'string' ? own.push(value) : Object.values(value).forEach(collect));
  collect(WORDS[lang]);
  own.forEach((s) => strings.push(s));
  walk(await (await fetch('/api/guidance')).json());
  walk(await (await fetch('/api/referrals/form')).json());
  for (const code of countries) walk(await (await fetch(`/api/guidance/countries/${code}`)).json());
  // language codes (an entry's languages, the account's) are shown by their names in the page's language
  const names = new Intl.DisplayNames([lang], { type: 'language' });
  languageCodes.forEach((code) => strings.push(names.of(code)));
  data.forEach((s) => strings.push(s));
  const vocabulary = new Set(strings.flatMap(tokens));

  // What is shown: visible text in the page's language (a part marked in another language, such as a reply in the
  // contact's language or the other language's switch button, is excluded), every visible choice list's options,
  // and the labels read out.
  const shown = [];
  const visible = (node) => node.checkVisibility();
  const inPageLanguage = (node) => node.closest('[lang]').lang === lang;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!n.textContent.trim() || parent.closest('script, style, kbd, option, .transcript .text')) continue;
    if (visible(parent) && inPageLanguage(parent)) shown.push(n.textContent.trim());
  }
  document.querySelectorAll('select').forEach((s) => { if (visible(s)) [...s.options].forEach((o) => shown.push(o.text)); });
  document.querySelectorAll('[aria-label]').forEach((e) => {
    if (visible(e) && inPageLanguage(e)) shown.push(e.getAttribute('aria-label'));
  });

  const foreign = [...new Set(shown.flatMap((text) => tokens(text).filter((t) => !vocabulary.has(t)).map((t) => `${t} (in “${text}”)`)))];
  const codes = shown.filter((text) => /\b[a-z]+_[a-z0-9_]+\b/.test(text));
  // The other language's own phrases (words.js), where they differ from this language's.
  const mine = own.join('\n');
  const theirs = [];
  const otherPhrases = [];
  const gather = (value) => (typeof value === 'string' ? otherPhrases.push(value) : Object.values(value).forEach(gather));
  other.forEach((l) => gather(WORDS[l]));
  const page = shown.join('\n');
  otherPhrases.flatMap((s) => s.split(/\{\w+\}/)).map((f) => f.trim()).filter((f) => f.length >= 12 && !mine.includes(f))
    .forEach((f) => { if (page.includes(f)) theirs.push(f); });
  done({ foreign, codes, otherLanguage: [...new Set(theirs)], shown: shown.length });
})().catch((error) => done({ error: String(error) }));
