// What the operator has established about the open contact's case, and where each fact came from: the
// script's steps and answers (their `establishes`), the contact itself (said they are in danger), the
// country picked, the indicators ticked. The referral form carries these instead of asking again.
// It lives in the contact's entry in memory (entry.work), like the ticks, and goes at wrap-up.

/** Where a fact came from: { from: 'script', scriptId, stepId, answerId? } | { from: 'contact' } | { from: 'exits' }
 * | { from: 'indicators' }. A script fact also carries the depth of the step in the trail, so Back can undo it. */

export function newFacts() {
  return { said: [], tickedIn: new Map(), countryFrom: null };
}

/** Records what a step (or one of its answers) establishes, as the operator reaches it. */
export function establish(work, establishes, scriptId, stepId, answerId) {
  if (!establishes) return;
  work.facts.said.push({ establishes, origin: { from: 'script', scriptId, stepId, answerId }, depth: work.history.length });
}

/** Back to the step at `depth`: what its answer and the steps after it established no longer holds. */
export function undoFrom(work, depth) {
  work.facts.said = work.facts.said.filter((s) => s.depth < depth || (s.depth === depth && !s.origin.answerId));
}

/** Another script (or a restart): what was established so far stays, and Back no longer undoes it. */
export function keepSaid(work) {
  work.facts.said.forEach((s) => { s.depth = -1; });
}

export function ticked(work, id, checked, origin) {
  if (checked) work.facts.tickedIn.set(id, origin); else work.facts.tickedIn.delete(id);
}

export function countryChosen(work, code, origin) {
  work.country = code;
  work.facts.countryFrom = code ? origin : null;
}

/** The case as established: { field: { value, origin } }; a later step replaces what an earlier one said. */
export function caseFacts(entry) {
  const facts = {};
  if (entry.contact.priority === 'urgent') facts.urgency = { value: 'immediate_danger', origin: { from: 'contact' } };
  if (!entry.work) return facts;
  for (const said of entry.work.facts.said) {
    for (const [field, value] of Object.entries(said.establishes)) facts[field] = { value, origin: said.origin };
  }
  if (entry.work.country) facts.country = { value: entry.work.country, origin: entry.work.facts.countryFrom || { from: 'exits' } };
  return facts;
}
