// The guidance panel: the guided script of the open contact, the indicators checklist, exit options by
// country, canned replies and the referral form (referral.js). Ticks, the script position and what the steps
// established (facts.js) belong to the contact's entry in memory.

import { $, el, clear } from './dom.js';
import { state, current, t, contactLanguage } from './state.js';
import * as api from './api.js';
import { renderReferral } from './referral.js';
import { newFacts, establish, undoFrom, keepSaid, ticked, countryChosen } from './facts.js';
import { say, word, refusal, languageName } from './words.js';

const TABS = ['script', 'indicators', 'exits', 'replies', 'referral'];

let insertText = () => {};

export function setupGuidance(insert) {
  insertText = insert;
  TABS.forEach((name) => $(`tab-${name}`).addEventListener('click', () => openTab(name)));
  $('guidance').querySelector('[role=tablist]').addEventListener('keydown', (event) => {
    const at = TABS.findIndex((name) => $(`tab-${name}`) === document.activeElement);
    if (at < 0 || !['ArrowLeft', 'ArrowRight'].includes(event.key)) return;
    const next = TABS[(at + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    openTab(next);
    $(`tab-${next}`).focus();
  });
  $('guidance-language').addEventListener('change', (event) => { state.uiLanguage = event.target.value; renderGuidance(); });
  $('script-select').addEventListener('change', (event) => {
    const entry = current();
    if (entry) { startScript(entry, event.target.value); renderGuidance(); }
  });
  $('script-back').addEventListener('click', back);
  $('script-restart').addEventListener('click', () => {
    const entry = current();
    if (entry) { startScript(entry, entry.work.scriptId); renderGuidance(); }
  });
  $('country-select').addEventListener('change', (event) => {
    const entry = current();
    if (entry) countryChosen(entry.work, event.target.value, { from: 'exits' });
    renderGuidance();
  });
}

/** Fills the lists that depend on the guidance content (after loading it). */
export function guidanceLoaded() {
  const g = state.guidance;
  fillSelect($('guidance-language'), g.languages.map((l) => [l, languageName(l)]), state.uiLanguage);
  fillSelect($('script-select'), g.scripts.map((s) => [s.id, t(s.title)]), $('script-select').value);
  fillSelect($('country-select'), [['', say('chooseCountry')], ...g.countries.map((c) => [c.code, t(c.name)])], $('country-select').value);
  fillSelect($('transfer-language'), g.languages.map((l) => [l, languageName(l)]), $('transfer-language').value);
}

export function openTab(name) {
  TABS.forEach((other) => {
    const selected = other === name;
    $(`tab-${other}`).setAttribute('aria-selected', String(selected));
    $(`tab-${other}`).tabIndex = selected ? 0 : -1;
    $(`panel-${other}`).hidden = !selected;
  });
  if (name === 'referral') renderReferral(); // the ticks may have changed in another tab since
  if (name === 'exits' && !$('country-select').value) $('country-select').focus();
  else $(`panel-${name}`).focus();
}

function fillSelect(select, options, selected) {
  clear(select).append(...options.map(([value, label]) => el('option', { value, selected: value === selected }, label)));
}

function scriptOf(id) {
  return state.guidance.scripts.find((s) => s.id === id);
}

function stepOf(script, id) {
  return script.steps.find((s) => s.id === id);
}

/** The script a contact starts with: the urgent script when in danger, else by topic, else the default. */
export function firstScript(contact) {
  const g = state.guidance;
  if (contact.priority === 'urgent') return g.urgentScript;
  return g.topics[contact.topic] || g.defaultScript;
}

export function startScript(entry, scriptId) {
  const work = entry.work || (entry.work = { ticks: new Set(), country: '', referrals: new Set(), exitKinds: new Set(), facts: newFacts() });
  keepSaid(work);
  work.scriptId = scriptId;
  work.stepId = scriptOf(scriptId).start;
  work.history = [];
  settleBranches(work);
}

export function ensureWork(entry) {
  if (!entry.work) startScript(entry, firstScript(entry.contact));
  return entry.work;
}

/** The indicator ids a reference stands for: a group's indicators, or the indicator itself. */
function indicatorsOf(ref) {
  for (const group of state.guidance.indicators) {
    if (group.id === ref) return group.indicators.map((i) => i.id);
    if (group.indicators.some((i) => i.id === ref)) return [ref];
  }
  return [];
}

/** Same rule as the server's ScriptWalk: the first case with enough of its indicators ticked. */
function decide(step, ticks) {
  for (const branch of step.cases || []) {
    const looked = new Set(branch.ticked.flatMap(indicatorsOf));
    const count = [...looked].filter((id) => ticks.has(id)).length;
    if (count >= (branch.atLeast || 1)) return branch.next;
  }
  return step.otherwise;
}

function go(work, target) {
  work.history.push({ scriptId: work.scriptId, stepId: work.stepId });
  if (target.startsWith('script:')) {
    work.scriptId = target.slice('script:'.length);
    work.stepId = scriptOf(work.scriptId).start;
  } else {
    work.stepId = target;
  }
  settleBranches(work);
}

/** Reaching a step records what it establishes; a branch decides by itself: pass through it (it stays in the trail). */
function settleBranches(work) {
  const step = stepOf(scriptOf(work.scriptId), work.stepId);
  establish(work, step.establishes, work.scriptId, work.stepId);
  if (step.type === 'branch' && work.history.length < 500) go(work, decide(step, work.ticks));
}

function answered(work, step, answer) {
  establish(work, answer.establishes, work.scriptId, step.id, answer.id);
  go(work, answer.next);
}

function back() {
  const entry = current();
  if (!entry) return;
  const work = entry.work;
  let previous = work.history.pop();
  while (previous && stepOf(scriptOf(previous.scriptId), previous.stepId).type === 'branch') previous = work.history.pop();
  if (previous) {
    work.scriptId = previous.scriptId;
    work.stepId = previous.stepId;
    undoFrom(work, work.history.length);
  }
  renderGuidance();
}

export function renderGuidance() {
  renderScript();
  renderIndicators();
  renderExits();
  renderReplies();
  renderReferral();
}

function renderScript() {
  const entry = current();
  const box = clear($('script-step'));
  const trail = clear($('script-trail'));
  $('script-back').disabled = !entry || entry.work.history.length === 0;
  $('script-restart').disabled = !entry;
  $('script-select').disabled = !entry;
  if (!entry) {
    box.append(el('p', { class: 'hint' }, say('openContactScript')));
    return;
  }
  const work = entry.work;
  $('script-select').value = work.scriptId;
  [...work.history, { scriptId: work.scriptId, stepId: work.stepId }].slice(-6).forEach((at, i, all) => {
    const step = stepOf(scriptOf(at.scriptId), at.stepId);
    trail.append(el('li', { 'aria-current': i === all.length - 1 ? 'step' : null }, `${word('stepKind', step.type)}: ${shorten(t(step.text))}`));
  });
  const script = scriptOf(work.scriptId);
  const step = stepOf(script, work.stepId);
  const language = contactLanguage(entry);
  box.append(el('h3', { id: 'step-title' }, `${t(script.title)} — ${word('stepKind', step.type)}`), el('p', { class: 'step-text' }, t(step.text)));
  if (step.verified === false) box.append(el('p', { class: 'badge' }, say('toBeConfirmed')));
  if (step.reply) {
    box.append(el('figure', { class: 'suggested' },
      el('figcaption', {}, say('suggestedReply', { language: languageName(language) })),
      el('blockquote', { lang: language }, t(step.reply, language)),
      el('button', { type: 'button', class: 'insert', onclick: () => insertText(t(step.reply, language)) }, say('insertSuggestedReply'))));
  }
  const next = (label = say('next')) => el('button', { type: 'button', class: 'next', onclick: () => { go(work, step.next); renderGuidance(); focusStep(); } }, label);
  switch (step.type) {
    case 'ask':
      box.append(el('div', { class: 'answers', role: 'group', 'aria-labelledby': 'step-title' },
        step.answers.map((answer) => el('button', { type: 'button', 'data-answer': answer.id,
          onclick: () => { answered(work, step, answer); renderGuidance(); focusStep(); } }, t(answer.label)))));
      break;
    case 'checklist':
      box.append(checklist(step.indicators, work, 'step'), next());
      break;
    case 'exits':
      step.exits.forEach((kind) => work.exitKinds.add(kind));
      box.append(countryPicker(work), exitList(work.country, step.exits, 'step-exits'), next());
      break;
    case 'referral':
      work.referrals.add(step.route);
      box.append(el('p', { class: `referral route-${step.route}` }, word('scriptRoute', step.route)),
        el('button', { type: 'button', class: 'secondary', onclick: () => openTab('referral') }, say('openReferralForm')),
        next());
      break;
    case 'say':
      box.append(next());
      break;
    case 'end':
      box.append(el('p', { class: 'hint' }, say('endOfScript')));
      break;
    default:
      break;
  }
}

function focusStep() {
  const first = $('script-step').querySelector('button, input, select');
  ($('script-step').querySelector('.step-text') || first)?.setAttribute('tabindex', '-1');
  $('script-step').querySelector('.step-text')?.focus();
}

/** At most about 70 characters, cut between words. */
function shorten(text) {
  return text.length > 70 ? `${text.slice(0, 68).replace(/\s+\S*$/, '')}…` : text;
}

/** Checkboxes for indicator or group references; ticks are shared with the Indicators tab. */
function checklist(refs, work, prefix) {
  const g = state.guidance;
  const groups = g.indicators.map((group) => ({
    group,
    items: group.indicators.filter((i) => refs.includes(group.id) || refs.includes(i.id)),
  })).filter((g2) => g2.items.length > 0);
  return el('div', { class: 'checklist' }, groups.map(({ group, items }) => el('fieldset', {},
    el('legend', {}, t(group.title)),
    group.note && refs.includes(group.id) ? el('p', { class: 'hint' }, t(group.note)) : null,
    items.map((indicator) => {
      const id = `${prefix}-ind-${indicator.id}`;
      return el('div', { class: 'check' },
        el('input', { type: 'checkbox', id, checked: work.ticks.has(indicator.id), 'data-indicator': indicator.id,
          onchange: (event) => {
            if (event.target.checked) work.ticks.add(indicator.id); else work.ticks.delete(indicator.id);
            ticked(work, indicator.id, event.target.checked,
              prefix === 'step' ? { from: 'script', scriptId: work.scriptId, stepId: work.stepId } : { from: 'indicators' });
            if (prefix === 'panel') renderScript(); else renderIndicators();
          } }),
        el('label', { for: id }, t(indicator.text)));
    }))));
}

function renderIndicators() {
  const box = clear($('indicator-groups'));
  const entry = current();
  if (!entry) {
    box.append(el('p', { class: 'hint' }, say('openContactIndicators')));
    return;
  }
  box.append(checklist(state.guidance.indicators.map((g) => g.id), entry.work, 'panel'));
}

function countryPicker(work) {
  const select = el('select', { id: 'step-country', onchange: (event) => {
    countryChosen(work, event.target.value, { from: 'script', scriptId: work.scriptId, stepId: work.stepId });
    renderGuidance();
  } },
    el('option', { value: '' }, say('chooseCountry')),
    state.guidance.countries.map((c) => el('option', { value: c.code, selected: c.code === work.country }, t(c.name))));
  return el('p', {}, el('label', { for: 'step-country' }, say('countryWhere')), select);
}

function renderExits() {
  const entry = current();
  const box = clear($('exit-results'));
  const code = entry ? entry.work.country : $('country-select').value;
  $('country-select').value = code || '';
  box.append(exitList(code, null, 'panel-exits'));
}

/** The exit options of one country (all kinds, or only these), loaded from the server. */
function exitList(code, kinds, idPrefix) {
  const box = el('div', { class: 'exits', id: idPrefix });
  if (!code) {
    box.append(el('p', { class: 'hint' }, say('chooseCountryForExits')));
    return box;
  }
  box.append(el('p', { class: 'hint' }, say('loading')));
  api.country(code).then((country) => {
    clear(box);
    const labels = new Map(state.guidance.exitKinds.map((k) => [k.id, t(k.label)]));
    const order = state.guidance.exitKinds.map((k) => k.id).filter((k) => !kinds || kinds.includes(k));
    const shown = order.flatMap((kind) => country.options.filter((o) => o.kind === kind));
    if (shown.length === 0) {
      box.append(el('p', { class: 'hint' }, say('noEntryOfKinds', { country: t(country.name) })));
      return;
    }
    box.append(el('h4', {}, t(country.name)), el('ul', { class: 'exit-list' }, shown.map((option) => exitItem(option, labels))));
  }).catch((error) => {
    clear(box).append(el('p', { class: 'error' }, say('exitsFailed', { why: refusal(error) })));
  });
  return box;
}

function exitItem(option, labels) {
  const entry = current();
  const language = contactLanguage(entry);
  const verified = option.verified !== false;
  const facts = [
    option.hours ? t(option.hours) : null,
    option.free === true ? say('freeCall') : option.free === false ? say('notFreeCall') : null,
    option.languages && option.languages.length ? say('languagesSpoken', { list: option.languages.map(languageName).join(', ') }) : null,
  ].filter(Boolean);
  return el('li', { class: verified ? 'exit' : 'exit unverified', 'data-kind': option.kind, 'data-option': option.id },
    el('p', { class: 'exit-name' }, `${labels.get(option.kind)}: ${t(option.name)}`),
    option.city ? el('p', { class: 'city' }, t(option.city)) : null,
    option.phone ? el('p', { class: 'phone' }, option.phone) : null,
    facts.length ? el('p', { class: 'facts' }, facts.join(' · ')) : null,
    verified ? null : el('p', { class: 'badge' }, option.checkAt ? say('checkBeforeGiving', { where: option.checkAt }) : say('toBeConfirmed')),
    el('p', {}, t(option.text)),
    el('p', { class: 'source' }, `${say('source', { source: option.source, type: word('sourceType', option.sourceType),
      date: option.sourceDate && option.sourceDate !== 'undated' ? option.sourceDate : say('undated') })} `
      + (option.checkedBy ? say('checkedBy', { date: option.checked, who: option.checkedBy }) : say('checked', { date: option.checked }))),
    entry && verified ? el('button', { type: 'button', class: 'secondary insert-exit',
      onclick: () => insertText(t(option.message, language)) }, say('insertIntoMessage')) : null);
}

function renderReplies() {
  const entry = current();
  const language = contactLanguage(entry);
  clear($('reply-list')).append(...state.guidance.replies.map((reply) => el('li', {},
    el('button', { type: 'button', disabled: !entry, 'data-reply': reply.id, onclick: () => insertText(t(reply.text, language)) }, t(reply.label)),
    reply.verified === false ? el('span', { class: 'badge' }, say('toBeConfirmed')) : null,
    el('span', { class: 'preview', lang: language }, t(reply.text, language)))));
}

