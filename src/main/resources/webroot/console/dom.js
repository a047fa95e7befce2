// DOM helpers of the console; the ones the supervisor view uses too live in /common/dom.js.

export { $, el, show, notice } from '../common/dom.js';

export function clear(node) {
  node.replaceChildren();
  return node;
}
