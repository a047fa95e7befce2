// A transferred chat's hand-over: the case as this console holds it (script position and trail, ticks, country,
// what was established) goes with the transfer to the next operator's console, through the server, which keeps
// it in memory with the open chat only. Like everything here, it is never written to the browser's storage.

import { state } from './state.js';

/** The contact's case as plain JSON (sets and maps as arrays), for the transfer request. */
export function caseOf(work) {
  if (!work) return undefined;
  return {
    scriptId: work.scriptId, stepId: work.stepId, history: work.history,
    ticks: [...work.ticks], country: work.country, referrals: [...work.referrals], exitKinds: [...work.exitKinds],
    facts: { said: work.facts.said, tickedIn: [...work.facts.tickedIn], countryFrom: work.facts.countryFrom },
  };
}

function knownStep(scriptId, stepId) {
  const script = state.guidance && state.guidance.scripts.find((s) => s.id === scriptId);
  return !!script && script.steps.some((s) => s.id === stepId);
}

/** The work a case from another console stands for, or null when it does not fit this page's guidance. */
export function workOf(json) {
  if (!json || !knownStep(json.scriptId, json.stepId)) return null;
  const history = Array.isArray(json.history) ? json.history.filter((at) => at && knownStep(at.scriptId, at.stepId)) : [];
  const list = (value) => (Array.isArray(value) ? value : []);
  const facts = json.facts || {};
  return {
    scriptId: json.scriptId, stepId: json.stepId, history,
    ticks: new Set(list(json.ticks)), country: typeof json.country === 'string' ? json.country : '',
    referrals: new Set(list(json.referrals)), exitKinds: new Set(list(json.exitKinds)),
    facts: { said: list(facts.said), tickedIn: new Map(list(facts.tickedIn)), countryFrom: facts.countryFrom || null },
  };
}

/** What the previous operator left arrives with the transcript: taken once per contact, so later transcripts
 * (a console reconnecting) never undo what this operator has done since. */
export function receiveHandOver(entry, handOver) {
  if (!handOver || entry.handOver) return false;
  entry.handOver = { from: handOver.from, note: handOver.note };
  const work = workOf(handOver.case);
  if (work) entry.work = work;
  return true;
}
