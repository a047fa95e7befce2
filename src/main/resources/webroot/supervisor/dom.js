// DOM and figure helpers of the supervisor view; the ones the console uses too live in /common/dom.js, its words in words.js.

export { $, el, show, notice } from '../common/dom.js';

/** Sets the text only when it changed, so screen readers and selections are not disturbed every second. */
export function text(node, value) {
  const next = String(value);
  if (node.textContent !== next) node.textContent = next;
}

/** 0:42, 12:05, 1:02:09; a dash for nothing. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return '–';
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function percent(ratio) {
  return ratio === null || ratio === undefined ? '–' : `${Math.round(ratio * 100)} %`;
}

/** A name that starts a table cell or a tile, with its first letter capital (the words tables keep names as in a sentence). */
export function capital(name) {
  return name ? name.charAt(0).toLocaleUpperCase() + name.slice(1) : name;
}

/** A contact's short name on screen: its random id, shortened. Nothing about the caller. */
export function shortId(id) {
  return `#${id.slice(0, 8)}`;
}
