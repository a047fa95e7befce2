// The connection to the helpline: the /chat/ws protocol (docs/protocol.md), resuming after a reload or
// a dropped connection, and messages not yet acknowledged. Only the resume token and the unsent
// messages are kept, in this tab's sessionStorage, and only while the conversation is open.

const STORE_KEY = 'helpline.chat';
const TYPING_EVERY_MS = 3000;
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 4000;

function socketUrl() {
  const url = new URL('ws', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

export class ChatLink {
  /**
   * @param handlers callbacks: started, queue, connected, transferred, message, acked, delivered, typing, ended,
   *                 closed, resumed, reconnecting, startDelayed, lost, resumeFailed, replaced, refused
   */
  constructor(handlers, reconnectWindowMs) {
    this.on = handlers;
    this.reconnectWindowMs = reconnectWindowMs;
    this.saved = ChatLink.read() || { token: null, nextId: 1, outbox: [] };
    this.seen = new Set();
    this.contiguous = 0;
    this.socket = null;
    this.ready = false;
    this.finished = false;
    this.droppedAt = 0;
    this.retryMs = RETRY_FIRST_MS;
    this.retryTimer = 0;
    this.lastTyping = 0;
    this.request = null;
  }

  /** The conversation this tab had open, if any. */
  static read() {
    try {
      const text = sessionStorage.getItem(STORE_KEY);
      return text ? JSON.parse(text) : null;
    } catch (ignored) {
      return null;
    }
  }

  static forget() {
    try { sessionStorage.removeItem(STORE_KEY); } catch (ignored) { /* nothing kept */ }
  }

  get hasConversation() {
    return Boolean(this.saved.token);
  }

  get unsent() {
    return this.saved.outbox.slice();
  }

  start(language, topic, danger) {
    this.request = { type: 'start', language, topic, danger };
    this.connect();
  }

  resume() {
    this.connect();
  }

  /** Sends a message (now, or as soon as the connection is back); returns its id. */
  say(text) {
    const id = this.saved.nextId++;
    this.saved.outbox.push({ id, text });
    this.keep();
    if (this.ready) {
      this.send({ type: 'say', text, id });
    }
    return id;
  }

  typing() {
    const now = Date.now();
    if (this.ready && now - this.lastTyping > TYPING_EVERY_MS) {
      this.lastTyping = now;
      this.send({ type: 'typing' });
    }
  }

  end() {
    if (this.ready) {
      this.send({ type: 'end' });
    } else {
      this.finish();
      this.on.ended('caller');
    }
  }

  /** Quick exit: the conversation ends at once (it could not be resumed anyway) and nothing stays. */
  abandon() {
    if (this.ready) {
      this.send({ type: 'end' });
    }
    this.finish();
  }

  connect() {
    clearTimeout(this.retryTimer);
    const socket = new WebSocket(socketUrl());
    this.socket = socket;
    socket.onopen = () => {
      if (this.saved.token) {
        this.send({ type: 'resume', token: this.saved.token, after: this.contiguous });
      } else if (this.request) {
        this.send(this.request);
      }
    };
    socket.onmessage = (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (ignored) {
        return;
      }
      this.receive(message);
    };
    socket.onclose = () => {
      if (socket !== this.socket) {
        return;
      }
      this.ready = false;
      if (this.finished) {
        return;
      }
      this.retry(); // a chat not started yet is asked for again on the new connection
    };
  }

  retry() {
    const now = Date.now();
    if (!this.droppedAt) {
      this.droppedAt = now;
      this.on.reconnecting();
    }
    if (now - this.droppedAt > this.reconnectWindowMs) {
      this.finish();
      this.on.lost();
      return;
    }
    this.retryTimer = setTimeout(() => this.connect(), this.retryMs);
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
  }

  /** The server could not record the new chat yet (its store is away): the page asks again, a little later each time. */
  startAgainLater() {
    this.on.startDelayed();
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.send(this.request), this.retryMs);
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
  }

  receive(message) {
    if (this.finished) {
      return;
    }
    switch (message.type) {
      case 'started':
        this.droppedAt = 0;
        this.retryMs = RETRY_FIRST_MS;
        this.saved.token = message.token;
        this.reconnectWindowMs = message.reconnectWindowSeconds * 1000;
        this.keep();
        this.ready = true;
        this.on.started();
        this.flush(0);
        break;
      case 'resumed':
        this.ready = true;
        if (this.droppedAt) {
          this.droppedAt = 0;
          this.retryMs = RETRY_FIRST_MS;
        }
        this.on.resumed(message);
        for (const line of message.messages) {
          this.message(line);
        }
        if (message.deliveredUpTo) {
          this.on.delivered(message.deliveredUpTo);
        }
        if (message.state === 'ended') {
          this.finish();
          this.on.ended(message.endedBy || 'other');
          return;
        }
        this.flush(message.lastId);
        break;
      case 'queue':
        this.on.queue(message.position, message.waitMinutes);
        break;
      case 'connected':
        this.on.connected(message.operator);
        break;
      case 'transferred':
        this.on.transferred();
        break;
      case 'message':
        this.message(message);
        break;
      case 'ack':
        this.acked(message.id, message.seq);
        if (message.delivered) {
          this.on.delivered(message.seq);
        }
        break;
      case 'delivered':
        this.on.delivered(message.upTo);
        break;
      case 'typing':
        this.on.typing();
        break;
      case 'ended':
        this.finish();
        this.on.ended(message.by);
        break;
      case 'closed':
        this.finish();
        this.on.closed(message.reason);
        break;
      case 'error':
        this.error(message);
        break;
      default:
        break;
    }
  }

  message(line) {
    if (this.seen.has(line.seq)) {
      return;
    }
    this.see(line.seq);
    if (line.from === 'caller' && line.id) {
      this.drop(line.id);
    }
    this.on.message(line);
  }

  acked(id, seq) {
    this.drop(id);
    if (seq) {
      this.see(seq);
    }
    this.on.acked(id, seq);
  }

  error(message) {
    switch (message.code) {
      case 'unknown_chat':
        this.finish();
        this.on.resumeFailed();
        break;
      case 'replaced':
        this.finish(false);
        this.on.replaced();
        break;
      case 'unavailable':
        if (!this.saved.token && this.request) {
          this.startAgainLater();
        } else {
          this.on.refused(message.code, message.id);
        }
        break;
      default:
        this.on.refused(message.code, message.id);
        break;
    }
  }

  /** Sends again, in order, what the server has not acknowledged; what it had already taken is settled. */
  flush(lastId) {
    for (const waiting of this.saved.outbox.slice()) {
      if (waiting.id <= lastId) {
        this.acked(waiting.id, null);
      } else {
        this.send({ type: 'say', text: waiting.text, id: waiting.id });
      }
    }
  }

  see(seq) {
    this.seen.add(seq);
    while (this.seen.has(this.contiguous + 1)) {
      this.contiguous++;
    }
  }

  drop(id) {
    const before = this.saved.outbox.length;
    this.saved.outbox = this.saved.outbox.filter((waiting) => waiting.id !== id);
    if (this.saved.outbox.length !== before) {
      this.keep();
    }
  }

  send(message) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(message));
    }
  }

  keep() {
    if (this.finished) {
      return;
    }
    try {
      sessionStorage.setItem(STORE_KEY, JSON.stringify(this.saved));
    } catch (ignored) {
      // storage refused: the conversation still works, it just cannot survive a reload
    }
  }

  /** The conversation is over here: nothing stays in the browser. */
  finish(close = true) {
    this.finished = true;
    this.ready = false;
    clearTimeout(this.retryTimer);
    ChatLink.forget();
    if (close && this.socket && this.socket.readyState <= WebSocket.OPEN) {
      this.socket.close(1000);
    }
  }
}
