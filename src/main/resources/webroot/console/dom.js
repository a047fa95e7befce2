// DOM helpers of the console; the ones the supervisor view uses too live in /common/dom.js.

export { $, el, show, notice } from '../common/dom.js';

export function clear(node) {
  node.replaceChildren();
  return node;
}

export function seconds(total) {
  const s = Math.max(0, Math.round(total));
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}
