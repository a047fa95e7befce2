// A JSON socket to this server, shared by the console and the supervisor view: requests carry an id and
// resolve on their ack (or reject on their error); it reconnects with backoff until closed.

export class RequestSocket {
  /** path: e.g. '/operator/ws'; onMessage gets every message that is not the answer to a request. */
  constructor(path, onMessage, onStatus) {
    this.path = path;
    this.onMessage = onMessage;
    this.onStatus = onStatus;
    this.pending = new Map();
    this.nextId = 1;
    this.retry = 1000;
    this.stopped = false;
  }

  open() {
    this.stopped = false;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${location.host}${this.path}`);
    this.ws = ws;
    ws.addEventListener('open', () => { this.retry = 1000; this.onStatus('connected'); });
    ws.addEventListener('message', (event) => this.receive(JSON.parse(event.data)));
    ws.addEventListener('close', (event) => {
      for (const { reject } of this.pending.values()) reject(Object.assign(new Error('connection lost'), { code: 'unavailable' }));
      this.pending.clear();
      if (this.stopped) return;
      this.onStatus('disconnected', event.code);
      setTimeout(() => { if (!this.stopped) this.open(); }, this.retry);
      this.retry = Math.min(this.retry * 2, 15000);
    });
  }

  close() {
    this.stopped = true;
    if (this.ws) this.ws.close(1000, 'logout');
  }

  receive(message) {
    if ((message.type === 'ack' || message.type === 'error') && this.pending.has(message.id)) {
      const { resolve, reject } = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.type === 'ack') resolve(message);
      else reject(Object.assign(new Error(message.message), { code: message.code }));
      return;
    }
    this.onMessage(message);
  }

  /** Sends a request and waits for its ack (first for the connection, if it is still opening). */
  async request(type, fields = {}) {
    if (this.ws && this.ws.readyState === WebSocket.CONNECTING) {
      await new Promise((settled) => {
        this.ws.addEventListener('open', settled, { once: true });
        this.ws.addEventListener('close', settled, { once: true });
      });
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (!this.ws || this.ws.readyState !== WebSocket.OPEN) {
        reject(Object.assign(new Error('not connected; try again in a moment'), { code: 'unavailable' }));
        return;
      }
      this.pending.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ type, ...fields, id }));
    });
  }

  /** Sends without waiting for anything (typing notices). */
  notify(type, fields = {}) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ type, ...fields }));
  }
}
