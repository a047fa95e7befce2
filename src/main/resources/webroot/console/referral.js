// The referral form of the open contact (POST /api/referrals) and the operator's own referral statuses.
// What the script established (facts.js) is carried into the form, each value saying where it came from;
// what the operator types or corrects lives in the contact's entry in memory (entry.referral) and goes with
// it at wrap-up. Every word this form shows is in words.js, in the console's language.

import { $, el, clear, show, notice } from './dom.js';
import { state, current, t } from './state.js';
import * as api from './api.js';
import { caseFacts } from './facts.js';
import { word, say, refusal, language } from './words.js';

/** The kind of name (words.js) each field's codes have. */
const KINDS = { basis: 'basis', age: 'age', kind: 'exploitation', urgency: 'urgency', needs: 'need', explained: 'explained',
  way: 'way', route: 'route' };
const FIELDS = ['basis', 'missingChild', 'indicators', 'age', 'kind', 'country', 'county', 'urgency', 'needs', 'consent',
  'reporter', 'reach', 'summary'];
/** The fields a script (or the contact) can establish, as the form's controls: [key, value] pairs (see key()). */
const CARRIED = {
  basis: (v) => [['basis', v]],
  missingChild: (v) => [['missingChild=yes', v === true]],
  age: (v) => [['age', v]],
  kind: (v) => [['kind', v]],
  country: (v) => [['country', v]],
  urgency: (v) => [['urgency', v]],
  needs: (v) => choices.needs.map((id) => [`needs=${id}`, v.includes(id)]),
  consent: (v) => [['consent=yes', v === 'given'], ['consent=no', v !== 'given']],
};

let choices = null; // the server's form: what it accepts (loaded once; nothing personal)
let loading = null;

const label = (field, id) => word(KINDS[field], id);
const form = () => $('referral-form');

export function setupReferral() {
  form().addEventListener('input', remember);
  form().addEventListener('change', remember);
  form().addEventListener('submit', submit);
  Object.keys(CARRIED).forEach((field) => $(`referral-${field}-error`)
    .before(el('p', { class: 'origin', id: `referral-${field}-origin`, hidden: true })));
  $('referral-summary').addEventListener('input', count);
  $('referral-mine-refresh').addEventListener('click', loadMine);
}

/** Fills the panel for the open contact; rebuilt only when the contact changes, so typing is never interrupted. */
export function renderReferral() {
  if (!choices) {
    loadChoices();
    return;
  }
  show($('referral-off'), !choices.enabled);
  if (!choices.enabled) {
    show(form(), false);
    show($('referral-none'), false);
    return;
  }
  const entry = current();
  show($('referral-none'), !entry);
  show(form(), !!entry);
  if (form().dataset.contact !== (entry ? entry.contact.id : '')) switchTo(entry);
  if (entry) {
    carry(entry);
    renderIndicators(entry);
  }
}

/** Logging out: the statuses list goes too. */
export function forgetReferrals() {
  clear($('referral-mine'));
  switchTo(undefined);
}

function loadChoices() {
  loading = loading || api.referralForm().then((loaded) => {
    choices = loaded;
    fillChoices();
    renderReferral();
    if (choices.enabled) loadMine();
  }, (error) => {
    loading = null;
    notice(say('formFailed', { why: refusal(error) }));
  });
}

/** The form's choices, named in the console's language; counties by their names, as the server lists them. */
function fillChoices() {
  const options = (select, field, ids) => clear($(select)).append(el('option', { value: '' }, say('choose')),
    ...ids.map((id) => el('option', { value: id }, label(field, id))));
  clear($('referral-basis')).append(...choices.bases.map((id) => el('option', { value: id }, label('basis', id))));
  options('referral-age', 'age', choices.ages);
  options('referral-kind', 'kind', choices.kinds);
  clear($('referral-county')).append(el('option', { value: '' }, say('countyUnknown')),
    ...choices.counties.map((county) => el('option', { value: county.code }, county.name)));
  options('referral-urgency', 'urgency', choices.urgencies);
  options('referral-way', 'way', choices.reachWays);
  const boxes = (box, name, ids) => clear($(box)).append(...ids.map((id) => el('div', { class: 'check' },
    el('input', { type: 'checkbox', id: `referral-${name}-${id}`, name, value: id }),
    el('label', { for: `referral-${name}-${id}` }, label(name, id)))));
  boxes('referral-needs-list', 'needs', choices.needs);
  boxes('referral-explained-list', 'explained', choices.consentExplains);
  clear($('referral-countries')).append(...state.guidance.countries.map((c) => el('option', { value: c.code }, t(c.name))));
}

/** The console's language changed: the choices are named again, and the open form keeps what was entered. */
export function referralWordsChanged() {
  if (!choices || !state.guidance) return;
  fillChoices();
  switchTo(current());
  if (choices.enabled) loadMine();
}

/** Shows one contact's form as the operator left it (or empty), its errors cleared, its decision if any. */
function switchTo(entry) {
  const f = form();
  f.reset();
  clearErrors();
  f.dataset.contact = entry ? entry.contact.id : '';
  if (entry) {
    entry.referral = entry.referral || { values: {}, answer: null };
    for (const control of f.elements) {
      const saved = entry.referral.values[key(control)];
      if (saved === undefined) continue;
      if (isChoice(control)) control.checked = saved; else control.value = saved;
    }
  }
  if (entry) carry(entry); else Object.keys(CARRIED).forEach((field) => renderOrigin(field, null));
  consentChanged();
  count();
  renderAnswer(entry);
}

/** Puts what was established into the controls the operator has not touched, and says where each came from. */
function carry(entry) {
  const facts = caseFacts(entry);
  for (const [field, pairs] of Object.entries(CARRIED)) {
    const fact = facts[field];
    const untouched = (k) => entry.referral.values[k] === undefined;
    if (fact) {
      pairs(fact.value).forEach(([k, v]) => { if (untouched(k)) setControl(k, v); });
    } else {
      // no longer established (Back in the script): what was carried goes too
      pairs(field === 'needs' ? [] : null).forEach(([k]) => { if (untouched(k)) resetControl(k); });
    }
    renderOrigin(field, fact);
  }
  consentChanged();
}

function control(k) {
  const [name, value] = k.split('=');
  return value === undefined ? form().elements.namedItem(name) : form().querySelector(`[name="${name}"][value="${value}"]`);
}

function setControl(k, v) {
  const c = control(k);
  if (!c) return;
  if (isChoice(c)) c.checked = v; else c.value = v;
}

function resetControl(k) {
  const c = control(k);
  if (!c) return;
  if (isChoice(c)) c.checked = c.defaultChecked;
  else if (c.tagName === 'SELECT') c.selectedIndex = Math.max(0, [...c.options].findIndex((o) => o.defaultSelected));
  else c.value = c.defaultValue;
}

function controlValue(k) {
  const c = control(k);
  return c && isChoice(c) ? c.checked : c && c.value;
}

function renderOrigin(field, fact) {
  const note = $(`referral-${field}-origin`);
  note.hidden = !fact;
  if (!fact) {
    note.textContent = '';
    return;
  }
  const corrected = CARRIED[field](fact.value).some(([k, v]) => controlValue(k) !== v);
  const origin = originText(fact.origin);
  note.textContent = corrected ? say('corrected', { origin, was: valueText(field, fact.value) }) : origin;
  note.classList.toggle('corrected', corrected);
}

function originText(origin) {
  if (origin.from === 'contact') return say('fromContact');
  if (origin.from === 'exits') return say('fromExits');
  if (origin.from === 'indicators') return say('fromIndicators');
  const step = state.guidance.scripts.find((s) => s.id === origin.scriptId)?.steps.find((s) => s.id === origin.stepId);
  if (!step) return say('fromScript', { step: origin.stepId });
  const answer = origin.answerId && step.answers.find((a) => a.id === origin.answerId);
  return answer ? say('fromScriptAnswer', { step: shorten(t(step.text)), answer: t(answer.label) }) : say('fromScript', { step: shorten(t(step.text)) });
}

function valueText(field, value) {
  if (field === 'missingChild') return value ? say('missing') : say('notMissing');
  if (field === 'consent') return value === 'given' ? say('yes') : say('no');
  if (field === 'needs') return value.length ? value.map((id) => label('needs', id)).join(', ') : say('none');
  if (field === 'country') return value;
  return label(field, value);
}

/** At most about 60 characters, cut between words. */
const shorten = (text) => (text.length > 60 ? `${text.slice(0, 58).replace(/\s+\S*$/, '')}…` : text);

const isChoice = (control) => control.type === 'checkbox' || control.type === 'radio';
const key = (control) => (isChoice(control) ? `${control.name}=${control.value}` : control.name);

function remember(event) {
  const entry = current();
  const control = event.target;
  if (!entry || !entry.referral || form().dataset.contact !== entry.contact.id || !control.name) return;
  if (control.type === 'radio') {
    form().querySelectorAll(`[name="${control.name}"]`).forEach((r) => { entry.referral.values[key(r)] = r.checked; });
  } else {
    entry.referral.values[key(control)] = isChoice(control) ? control.checked : control.value;
  }
  if (['consent', 'basis', 'missingChild', 'reporterConsent'].includes(control.name)) consentChanged();
  if (control.name === 'basis') renderIndicators(entry);
  if (CARRIED[control.name]) renderOrigin(control.name, caseFacts(entry)[control.name]);
}

/**
 * A third party's report asks for the reporter's consent to be contacted instead of the person's; a way to
 * reach someone is asked for only once they agreed (the server refuses it otherwise). A missing child comes first.
 */
function consentChanged() {
  const notification = $('referral-basis').value === 'third_party';
  show($('referral-consent'), !notification);
  show($('referral-reporter'), notification);
  $('referral-reach-legend').textContent = say(notification ? 'reachReporter' : 'reachPerson');
  $('referral-reach').disabled = !(notification ? $('referral-reporter-yes') : $('referral-consent-yes')).checked;
  const missing = $('referral-missing').checked;
  $('referral-missing-first').textContent = missing ? say('missingFirst') : '';
  show($('referral-missing-first'), missing);
}

function count() {
  const max = choices ? choices.summaryMaxLength : 0;
  const used = [...$('referral-summary').value.trim()].length; // the server counts characters, not UTF-16 units
  const over = used > max;
  $('referral-summary-count').textContent = over ? say('summaryOver', { used, max, over: used - max }) : say('summaryCount', { used, max });
  $('referral-summary-count').classList.toggle('over', over);
}

function renderIndicators(entry) {
  const ticked = [...entry.work.ticks];
  const names = new Map(state.guidance.indicators.flatMap((g) => g.indicators).map((i) => [i.id, t(i.text)]));
  const from = (id) => (entry.work.facts.tickedIn.has(id) ? ` (${lowerFirst(originText(entry.work.facts.tickedIn.get(id)))})` : '');
  if (ticked.length > 0) {
    $('referral-indicators').textContent = say('indicatorsTicked', { count: ticked.length, list: ticked.map((id) => (names.get(id) || id) + from(id)).join('; ') });
  } else {
    $('referral-indicators').textContent = say($('referral-basis').value === 'self_identified' ? 'noIndicatorsNeeded' : 'noIndicators');
  }
}

const lowerFirst = (text) => text.charAt(0).toLowerCase() + text.slice(1);

/** Exactly the fields the API accepts; the consent's time and author are added by the server. */
function body(entry) {
  const value = (id) => $(id).value.trim();
  const ticked = (name) => [...form().querySelectorAll(`[name="${name}"]:checked`)].map((box) => box.value);
  const basis = value('referral-basis') || 'indicators';
  const notification = basis === 'third_party';
  const given = notification ? $('referral-reporter-yes').checked : $('referral-consent-yes').checked;
  const request = {
    contactId: entry.contact.id,
    basis,
    indicators: [...entry.work.ticks],
    age: value('referral-age'),
    kind: value('referral-kind'),
    country: value('referral-country'),
    urgency: value('referral-urgency'),
    needs: ticked('needs'),
  };
  if ($('referral-missing').checked) request.missingChild = true;
  if (value('referral-county')) request.county = value('referral-county');
  const reach = given && (value('referral-way') || value('referral-reach-value') || value('referral-reach-window'))
    ? { way: value('referral-way'), value: value('referral-reach-value'), window: value('referral-reach-window') } : null;
  if (notification) {
    request.reporter = reach ? { consentToContact: given, reach } : { consentToContact: given };
  } else {
    request.consent = { given, explained: ticked('explained') };
    if (reach) request.reach = reach;
  }
  if (value('referral-summary')) request.summary = value('referral-summary');
  return request;
}

async function submit(event) {
  event.preventDefault();
  const entry = current();
  if (!entry || form().dataset.contact !== entry.contact.id) return;
  clearErrors();
  const button = $('referral-send');
  button.disabled = true;
  try {
    entry.referral.answer = await api.openReferral(body(entry));
    loadMine();
    if (entry === current()) {
      renderAnswer(entry);
      $('referral-decision-title').focus();
    }
  } catch (error) {
    if (entry === current()) {
      renderAnswer(entry);
      showError(error);
    }
  }
}

/** A refusal beside the field the server named (400 with `field`), else under the form. */
function showError(error) {
  const name = error.body && error.body.field ? error.body.field.split('.')[0] : '';
  const box = FIELDS.includes(name) ? $(`referral-${name}-error`) : $('referral-error');
  box.textContent = error.code === 'referrals_off' ? say('referralsOff') : refusal(error);
  const field = form().querySelector(`[data-field="${name}"]`);
  const control = field && field.matches('fieldset') ? field.querySelector('input:not(:disabled), select') : field;
  if (control) {
    control.setAttribute('aria-invalid', 'true');
    control.focus();
  }
}

function clearErrors() {
  $('referral-error').textContent = '';
  FIELDS.forEach((name) => { $(`referral-${name}-error`).textContent = ''; });
  form().querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
}

/** The server's decision, reasons in the order to act on them; a decision without referral is not an error. */
function renderAnswer(entry) {
  const box = clear($('referral-result'));
  const answer = entry && entry.referral && entry.referral.answer;
  $('referral-send').disabled = !!(answer && answer.referral); // one referral per contact: a second would duplicate it
  if (!answer) return;
  const d = answer.decision;
  box.append(el('h3', { id: 'referral-decision-title', tabindex: '-1' }, say('decision')));
  if (d.missingChildFirst) box.append(el('p', { class: 'emergency' }, say('missingFirst')));
  if (d.emergencyFirst) box.append(el('p', { class: 'emergency' }, say('emergencyFirst')));
  box.append(el('p', { class: `outcome outcome-${d.outcome}`, 'data-outcome': d.outcome }, word('decision', d.outcome)));
  (d.deliveries || []).forEach((delivery) => box.append(el('p', {}, say('routeTo', { route: label('route', delivery.route), partner: delivery.partner.name }))));
  box.append(el('ol', { class: 'reasons' }, d.reasons.map((r) => el('li', { 'data-reason': r.code }, reasonText(r)))));
  (answer.referrals || (answer.referral ? [answer.referral] : [])).forEach((r) => {
    box.append(el('p', { class: 'reference', 'data-route': r.route }, say('referenceLine'), el('strong', {}, r.reference),
      ` · ${label('route', r.route || '')} · ${word('status', r.status)} · ${time(r.createdAt)}`));
  });
}

/** A reason of the decision in the console's language, from its code and what the server gave with it. */
function reasonText(reason) {
  return word('reason', reason.code, {
    rule: reason.rule ? reason.rule[language()] || reason.rule.en : '',
    missing: (reason.missing || []).map((id) => label('explained', id)).join(', '),
    partner: reason.partner || '',
  });
}

function loadMine() {
  api.myReferrals().then((answer) => {
    const rows = answer.referrals.map((r) => el('tr', {},
      el('td', {}, r.reference), el('td', {}, label('route', r.route)), el('td', {}, word('status', r.status)), el('td', {}, time(r.createdAt))));
    clear($('referral-mine')).append(...(rows.length ? rows : [el('tr', {}, el('td', { colspan: 4, class: 'hint' }, say('noneYet')))]));
  }, (error) => {
    clear($('referral-mine')).append(el('tr', {}, el('td', { colspan: 4, class: 'error' }, say('couldNotLoad', { why: refusal(error) }))));
  });
}

function time(iso) {
  return new Date(iso).toLocaleString(language(), { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' });
}
