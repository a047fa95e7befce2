// The supervisor socket /supervisor/ws (docs/protocol.md): a snapshot, then updates with only what changed.
// Requests carry an id and resolve on their ack (or reject on their error).

/** What the page knows, kept from the stream. Times are the server's, corrected for this computer's clock. */
export const live = {
  contacts: new Map(),
  operators: new Map(),
  figures: null,
  alerts: [],
  me: null,
  languages: [],
  offsetMillis: 0,
};

/** The server's "now" in milliseconds since the epoch. */
export function serverNow() {
  return Date.now() + live.offsetMillis;
}

/** Seconds since an ISO time, on the server's clock. */
export function since(iso) {
  return (serverNow() - Date.parse(iso)) / 1000;
}

function apply(message) {
  live.offsetMillis = Date.parse(message.serverTime) - Date.now();
  if (message.type === 'snapshot') {
    live.contacts.clear();
    live.operators.clear();
    live.me = message.me;
    live.languages = message.languages || [];
    live.figures = message.figures;
    live.alerts = message.alerts || [];
  }
  for (const contact of message.contacts || []) live.contacts.set(contact.id, contact);
  for (const id of message.removedContacts || []) live.contacts.delete(id);
  for (const operator of message.operators || []) live.operators.set(operator.id, operator);
  if (message.figures) live.figures = message.figures;
  if (message.alerts) live.alerts = message.alerts;
}

export class SupervisorStream {
  constructor(onChange, onStatus) {
    this.onChange = onChange;
    this.onStatus = onStatus;
    this.pending = new Map();
    this.nextId = 1;
    this.retry = 1000;
    this.stopped = false;
  }

  open() {
    this.stopped = false;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${location.host}/supervisor/ws`);
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
    if (message.type === 'snapshot' || message.type === 'update') {
      apply(message);
      this.onChange(message.type);
    }
  }

  request(type, fields = {}) {
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
}
