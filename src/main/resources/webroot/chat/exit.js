// Quick exit: the button, or Esc pressed twice within a second, puts a neutral site in place of this
// page (of the whole window when the chat is embedded) with location.replace, so that Back does not
// come back here, after clearing everything the page kept. Loaded on its own, first, so it works even
// if the rest of the page failed to load.

const DOUBLE_PRESS_MS = 1000;
let exitUrl = 'https://www.google.com/';
let lastEscape = 0;
const beforeExit = [];

export function setExitUrl(url) {
  if (/^https?:\/\//.test(url)) {
    exitUrl = url;
  }
  // embed.js on the embedding page needs it to leave by itself (a frame may not navigate the page without a click)
  if (window.parent !== window) {
    window.parent.postMessage({ type: 'helpline-exit-url', url: exitUrl }, '*');
  }
}

/** Runs before the page goes: closes the connection, forgets the conversation. */
export function onExit(action) {
  beforeExit.push(action);
}

/** Ends the chat and clears everything the page kept, without leaving. */
function forget() {
  for (const action of beforeExit) {
    try { action(); } catch (ignored) { /* leaving matters more */ }
  }
  try { sessionStorage.clear(); } catch (ignored) { /* storage may be blocked */ }
  document.title = '';
  document.body.replaceChildren();
}

export function quickExit() {
  forget();
  if (window.top !== window.self) {
    try {
      window.top.location.replace(exitUrl);
      return;
    } catch (blocked) {
      // the embedding page does not let a frame navigate it: leave at least the frame
    }
  }
  window.location.replace(exitUrl);
}

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') {
    return;
  }
  const now = Date.now();
  if (now - lastEscape <= DOUBLE_PRESS_MS) {
    quickExit();
  }
  lastEscape = now;
});

document.getElementById('quick-exit')?.addEventListener('click', quickExit);

// Esc pressed twice on the embedding page (embed.js): forget here, say so, and the page leaves by itself.
window.addEventListener('message', (event) => {
  if (event.source === window.parent && window.parent !== window && event.data && event.data.type === 'helpline-quick-exit') {
    forget();
    window.parent.postMessage({ type: 'helpline-forgotten' }, '*');
  }
});
