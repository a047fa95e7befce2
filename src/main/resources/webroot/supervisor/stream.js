// The supervisor socket /supervisor/ws (docs/protocol.md): a snapshot, then updates with only what changed.
// Requests and reconnecting are the shared RequestSocket's.

import { RequestSocket } from '../common/socket.js';

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

/** The socket, with snapshots and updates applied to live before onChange is told. */
export class SupervisorStream extends RequestSocket {
  constructor(onChange, onStatus) {
    super('/supervisor/ws', (message) => {
      if (message.type === 'snapshot' || message.type === 'update') {
        apply(message);
        onChange(message.type);
      }
    }, onStatus);
  }
}
