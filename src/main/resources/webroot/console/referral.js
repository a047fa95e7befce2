// The referral form of the open contact (POST /api/referrals) and the operator's own referral statuses.
// What is typed lives in the contact's entry in memory (entry.referral) and goes with it at wrap-up.

import { $, el, clear, show, notice } from './dom.js';
import { state, current, t } from './state.js';
import * as api from './api.js';

/** Labels for the ids the server offers; an id not listed here is shown as it is, without underscores. */
const LABELS = {
  adult: 'Adult', minor: 'Minor (under 18)', unknown: 'Not known (treated as a minor)',
  labour: 'Labour exploitation', sexual: 'Sexual exploitation', begging: 'Forced begging', crime: 'Forced crime',
  domestic_servitude: 'Domestic servitude', other: 'Other',
  immediate_danger: 'Immediate danger now', urgent: 'Urgent', normal: 'Normal',
  safety: 'Safety', shelter: 'Shelter', medical: 'Medical care', food_money: 'Food or money', documents: 'Documents',
  repatriation: 'Return home', legal: 'Legal help', interpretation: 'Interpretation',
  rights: 'Their rights', help_without_complaint: 'Help does not depend on a complaint to the police',
  what_is_shared: 'What will be shared', who_receives: 'Who receives it', withdraw_any_time: 'They may withdraw consent at any time',
  phone: 'Phone', email: 'E-mail', messaging: 'Messaging app',
};
const OUTCOME = {
  referred: 'Referral made.',
  no_consent: 'No referral: the person did not consent. Give advice and exit options.',
  consent_not_informed: 'No referral yet: consent is not informed. Explain everything listed, then send again.',
  not_presumed_victim: 'No referral: not a presumed victim on what was ticked. Give advice and exit options.',
};
const STATUS = { queued: 'waiting for the partner', delivered: 'delivered', failed: 'not delivered: follow up by phone' };
const FIELDS = ['indicators', 'age', 'kind', 'country', 'county', 'urgency', 'needs', 'consent', 'reach', 'summary'];

let choices = null; // the server's form: what it accepts (loaded once; nothing personal)
let loading = null;

const label = (id) => LABELS[id] || id.replaceAll('_', ' ');
const form = () => $('referral-form');

export function setupReferral() {
  form().addEventListener('input', remember);
  form().addEventListener('change', remember);
  form().addEventListener('submit', submit);
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
  if (entry) renderIndicators(entry);
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
    notice(`The referral form could not be loaded: ${error.message}`);
  });
}

function fillChoices() {
  const options = (select, ids, first) => clear($(select)).append(el('option', { value: '' }, first),
    ...ids.map((id) => el('option', { value: id }, label(id))));
  options('referral-age', choices.ages, 'Choose…');
  options('referral-kind', choices.kinds, 'Choose…');
  options('referral-county', choices.counties, 'Not known, or not in Romania');
  options('referral-urgency', choices.urgencies, 'Choose…');
  options('referral-way', choices.reachWays, 'Choose…');
  const boxes = (box, name, ids) => clear($(box)).append(...ids.map((id) => el('div', { class: 'check' },
    el('input', { type: 'checkbox', id: `referral-${name}-${id}`, name, value: id }),
    el('label', { for: `referral-${name}-${id}` }, label(id)))));
  boxes('referral-needs-list', 'needs', choices.needs);
  boxes('referral-explained-list', 'explained', choices.consentExplains);
  clear($('referral-countries')).append(...state.guidance.countries.map((c) => el('option', { value: c.code }, t(c.name))));
}

/** Shows one contact's form as the operator left it (or empty), its errors cleared, its decision if any. */
function switchTo(entry) {
  const f = form();
  f.reset();
  clearErrors();
  f.dataset.contact = entry ? entry.contact.id : '';
  if (entry) {
    entry.referral = entry.referral || { values: {}, answer: null };
    if (!entry.referral.values.country && entry.work.country) entry.referral.values.country = entry.work.country;
    for (const control of f.elements) {
      const saved = entry.referral.values[key(control)];
      if (saved === undefined) continue;
      if (isChoice(control)) control.checked = saved; else control.value = saved;
    }
  }
  consentChanged();
  count();
  renderAnswer(entry);
}

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
  if (control.name === 'consent') consentChanged();
}

/** A way to reach the person is asked for only once they consented (the server refuses it otherwise). */
function consentChanged() {
  $('referral-reach').disabled = !$('referral-consent-yes').checked;
}

function count() {
  const max = choices ? choices.summaryMaxLength : 0;
  const used = [...$('referral-summary').value.trim()].length; // the server counts characters, not UTF-16 units
  const over = used > max;
  $('referral-summary-count').textContent = over ? `${used} / ${max} characters: ${used - max} too many` : `${used} / ${max} characters`;
  $('referral-summary-count').classList.toggle('over', over);
}

function renderIndicators(entry) {
  const ticked = [...entry.work.ticks];
  const names = new Map(state.guidance.indicators.flatMap((g) => g.indicators).map((i) => [i.id, t(i.text)]));
  $('referral-indicators').textContent = ticked.length === 0
    ? 'No indicator ticked yet (Indicators tab, or the script\'s checklists).'
    : `Indicators ticked (${ticked.length}): ${ticked.map((id) => names.get(id) || id).join('; ')}`;
}

/** Exactly the fields the API accepts; the consent's time and author are added by the server. */
function body(entry) {
  const value = (id) => $(id).value.trim();
  const ticked = (name) => [...form().querySelectorAll(`[name="${name}"]:checked`)].map((box) => box.value);
  const given = $('referral-consent-yes').checked;
  const request = {
    contactId: entry.contact.id,
    indicators: [...entry.work.ticks],
    age: value('referral-age'),
    kind: value('referral-kind'),
    country: value('referral-country'),
    urgency: value('referral-urgency'),
    needs: ticked('needs'),
    consent: { given, explained: ticked('explained') },
  };
  if (value('referral-county')) request.county = value('referral-county');
  if (given && (value('referral-way') || value('referral-reach-value') || value('referral-reach-window'))) {
    request.reach = { way: value('referral-way'), value: value('referral-reach-value'), window: value('referral-reach-window') };
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
  box.textContent = error.code === 'referrals_off' ? 'Referral is switched off on this server.' : error.message;
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
  box.append(el('h3', { id: 'referral-decision-title', tabindex: '-1' }, 'Decision'));
  if (d.emergencyFirst) box.append(el('p', { class: 'emergency' }, 'Immediate danger: 112 (or the local emergency number) first.'));
  box.append(el('p', { class: `outcome outcome-${d.outcome}`, 'data-outcome': d.outcome }, OUTCOME[d.outcome] || d.outcome));
  if (d.partner) box.append(el('p', {}, `Route: ${label(d.route)} · to ${d.partner.name}`));
  box.append(el('ol', { class: 'reasons' }, d.reasons.map((r) => el('li', { 'data-reason': r.code }, r.text))));
  if (answer.referral) {
    const r = answer.referral;
    box.append(el('p', { class: 'reference' }, 'Reference ', el('strong', {}, r.reference),
      ` · ${STATUS[r.status] || r.status} · ${time(r.createdAt)}`));
  }
}

function loadMine() {
  api.myReferrals().then((answer) => {
    const rows = answer.referrals.map((r) => el('tr', {},
      el('td', {}, r.reference), el('td', {}, label(r.route)), el('td', {}, STATUS[r.status] || r.status), el('td', {}, time(r.createdAt))));
    clear($('referral-mine')).append(...(rows.length ? rows : [el('tr', {}, el('td', { colspan: 4, class: 'hint' }, 'None yet.'))]));
  }, (error) => {
    clear($('referral-mine')).append(el('tr', {}, el('td', { colspan: 4, class: 'error' }, `Could not be loaded: ${error.message}`)));
  });
}

function time(iso) {
  return new Date(iso).toLocaleString([], { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' });
}
