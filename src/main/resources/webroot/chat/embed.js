// The chat on the helpline's own site, in one line where it should appear:
//   <script src="https://chat.helpline.example/chat/embed.js" data-lang="ro" data-title="Chat" defer></script>
// It puts the chat page in a frame there, and makes Esc pressed twice anywhere on the embedding page a quick
// exit too (inside the frame the chat page does it itself): the chat ends and forgets everything, then the
// page is replaced by the neutral site with location.replace, so that Back does not come back.
// List the site in chat.embedOrigins. A classic script, no module: it must run on any page.
(() => {
  const DOUBLE_PRESS_MS = 1000;
  const FORGET_WAIT_MS = 300;
  const script = document.currentScript;
  const chatOrigin = new URL(script.src).origin;
  const frame = document.createElement('iframe');
  frame.src = `${chatOrigin}/chat/${script.dataset.lang ? `?lang=${encodeURIComponent(script.dataset.lang)}` : ''}`;
  frame.title = script.dataset.title || 'Chat';
  frame.referrerPolicy = 'no-referrer';
  frame.style.cssText = 'width:100%;max-width:28rem;height:40rem;border:0';
  script.after(frame);

  let exitUrl = null;
  let leaving = false;
  let lastEscape = 0;

  function leave() {
    if (!leaving) {
      leaving = true;
      document.body.replaceChildren();
      window.location.replace(exitUrl);
    }
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== chatOrigin || event.source !== frame.contentWindow || !event.data) {
      return;
    }
    if (event.data.type === 'helpline-exit-url' && /^https?:\/\//.test(event.data.url)) {
      exitUrl = event.data.url;
    } else if (event.data.type === 'helpline-forgotten' && exitUrl) {
      leave();
    }
  });

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !exitUrl) {
      return;
    }
    const now = Date.now();
    if (now - lastEscape <= DOUBLE_PRESS_MS) {
      // the chat forgets first (its answer comes in a moment); leave anyway if it does not answer
      frame.contentWindow.postMessage({ type: 'helpline-quick-exit' }, chatOrigin);
      setTimeout(leave, FORGET_WAIT_MS);
    }
    lastEscape = now;
  });
})();
