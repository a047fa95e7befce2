// Small DOM and wording helpers. Text always goes in as text (textContent), never as HTML.

export const $ = (id) => document.getElementById(id);

/** el('button', {type: 'button', class: 'x', onclick: fn}, 'text', childNode, ...) */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function show(node, visible) {
  node.hidden = !visible;
}

/** Sets the text only when it changed, so screen readers and selections are not disturbed every second. */
export function text(node, value) {
  const next = String(value);
  if (node.textContent !== next) node.textContent = next;
}

let noticeTimer;
/** A short message at the top of the page, read out by screen readers. */
export function notice(message) {
  const box = $('notice');
  box.textContent = message;
  box.hidden = !message;
  clearTimeout(noticeTimer);
  if (message) noticeTimer = setTimeout(() => { box.hidden = true; }, 8000);
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

const WORDS = {
  call: 'Call', chat: 'Chat',
  urgent: 'Urgent', normal: 'Normal',
  queued: 'Waiting', offered: 'Being offered', connected: 'In conversation', wrap_up: 'Wrap-up',
  available: 'Available', busy: 'Busy', paused: 'Paused', offline: 'Offline',
  listen: 'Listen', whisper: 'Whisper', barge: 'Barge in',
};

export function word(code) {
  return WORDS[code] || code;
}

/** A contact's short name on screen: its random id, shortened. Nothing about the caller. */
export function shortId(id) {
  return `#${id.slice(0, 8)}`;
}
