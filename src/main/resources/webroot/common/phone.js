// The browser phone's registration, shared by the console (calls) and the supervisor view (listening in):
// README, "Browser phone". The server issues the page a SIP account that works only while the page's socket
// is open; the phone asks the microphone first, registers with the helpline's Asterisk over its WebSocket
// (JsSIP, bundled by the build into vendor/jssip.js), retries with backoff, and tells the server whether it
// works (`phoneState`). What to do with a call that rings is the page's own business.

const RETRY_MIN_MS = 2000;
const RETRY_MAX_MS = 30000;

/**
 * States, as onState(state, cause) hears them: 'connecting', 'ready', 'no-build' (the build has no JsSIP),
 * 'unavailable' (cause: the server's refusal, an Error with a code), 'microphone-denied', 'no-microphone',
 * 'registration-failed' (cause: the server's refusal or the SIP cause, a string), 'network-lost', and null
 * once stopped. onCall(session) hears every call that rings (a JsSIP RTCSession).
 */
export class BrowserPhone {
  constructor(userAgent, onState, onCall) {
    this.userAgent = userAgent;
    this.onState = onState;
    this.onCall = onCall;
    this.socket = null;
    this.JsSIP = null;
    this.ua = null;
    this.state = null;
    this.working = false;
    this.retryMs = RETRY_MIN_MS;
    this.retryTimer = null;
    this.stopped = true;
  }

  /** Starts the phone with the page's socket (which asks the server for the account). */
  async start(socket) {
    this.stopped = false;
    this.socket = socket;
    this.setState('connecting');
    try {
      this.JsSIP = this.JsSIP || (await import('./vendor/jssip.js')).default;
    } catch {
      this.setState('no-build');
      return;
    }
    this.connect();
  }

  /**
   * The page's socket came back: the server revoked the old account with the old socket and forgot whether
   * the phone works. The page calls connect() for a new account (after the call in progress, which Asterisk keeps).
   */
  newSocket(socket) {
    this.socket = socket;
    this.working = false;
  }

  /** Asks the server for an account and registers with it, replacing any registration before. */
  async connect() {
    clearTimeout(this.retryTimer);
    if (this.stopped) return;
    if (!(await this.microphoneWorks())) return;
    let account;
    try {
      account = (await this.socket.request('phone', { want: true })).phone;
    } catch (error) {
      if (error.code === 'phone_off' || error.code === 'no_browser_phone') {
        this.setState('unavailable', error);
        return;
      }
      this.setState('registration-failed', error);
      this.retryLater();
      return;
    }
    if (this.stopped) return;
    if (this.ua) this.ua.stop();
    const { JsSIP } = this;
    const ua = new JsSIP.UA({
      sockets: [new JsSIP.WebSocketInterface(account.webSocketUrl)],
      uri: account.uri,
      authorization_user: account.username,
      password: account.password,
      display_name: '',
      register: true,
      register_expires: account.registrationExpiry, // the server's telephony.browserPhone.registrationExpiry, as Asterisk grants it
      session_timers: false,
      user_agent: this.userAgent,
      connection_recovery_min_interval: 2,
      connection_recovery_max_interval: 30,
    });
    this.ua = ua;
    ua.on('registered', () => { if (this.ua === ua) { this.retryMs = RETRY_MIN_MS; this.setState('ready'); } });
    ua.on('registrationFailed', (e) => { if (this.ua === ua) this.registrationFailed(e.cause); });
    ua.on('unregistered', () => { if (this.ua === ua && !this.stopped) this.registrationFailed('unregistered'); });
    ua.on('disconnected', () => { if (this.ua === ua && !this.stopped) this.setState('network-lost'); });
    ua.on('newRTCSession', (e) => { if (this.ua === ua && e.originator === 'remote') this.onCall(e.session); });
    ua.start();
  }

  /** Registers afresh at once (Retry, or a phone that dropped out of a call). */
  reconnect() {
    this.retryMs = RETRY_MIN_MS;
    this.setState('connecting');
    this.connect();
  }

  /** Logging out: unregisters and stops; the server revokes the account with the page's socket. */
  stop() {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.retryTimer);
    if (this.ua) this.ua.stop();
    this.ua = null;
    this.setState(null);
  }

  /** A refused or lapsed registration: the account may have been revoked (a server restart), so ask for a new one. */
  registrationFailed(cause) {
    this.setState('registration-failed', cause || 'no answer');
    if (this.ua) this.ua.stop();
    this.ua = null;
    this.retryLater();
  }

  retryLater() {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.connect(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  /** Asks for the microphone before registering, so that no call rings a browser that cannot speak. */
  async microphoneWorks() {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
      stream.getTracks().forEach((track) => track.stop());
      return true;
    } catch (error) {
      if (error.name === 'NotAllowedError' || error.name === 'SecurityError') this.setState('microphone-denied');
      else if (error.name === 'NotFoundError' || error.name === 'OverconstrainedError') this.setState('no-microphone');
      else this.setState('unavailable', error);
      return false;
    }
  }

  setState(state, cause = '') {
    const working = state === 'ready';
    this.state = state;
    if (working !== this.working && this.socket && !this.stopped) {
      this.working = working;
      this.socket.request('phoneState', { working }).catch(() => {});
    }
    this.onState(state, cause);
  }
}

/** Audio bytes sent and received in a call (RTCPeerConnection.getStats), or null without one. */
export async function audioStats(session) {
  const pc = session && session.connection;
  if (!pc) return null;
  let bytesSent = 0;
  let bytesReceived = 0;
  (await pc.getStats()).forEach((report) => {
    if (report.type === 'outbound-rtp' && report.kind === 'audio') bytesSent += report.bytesSent;
    if (report.type === 'inbound-rtp' && report.kind === 'audio') bytesReceived += report.bytesReceived;
  });
  return { bytesSent, bytesReceived };
}
