// A WebSocket to the gateway's /ws that reconnects with exponential backoff and jitter.

export class FeedConnection {
  /**
   * @param {{filters?: {pr: string[], agent: string[], event: string[]}, onMessage: Function,
   *          onStatus?: Function, initialDelayMs?: number, maxDelayMs?: number}} options
   */
  constructor(options) {
    this.options = { initialDelayMs: 250, maxDelayMs: 4000, onStatus: () => {}, ...options };
    this.socket = null;
    this.attempt = 0;
    this.stopped = false;
    this.timer = null;
  }

  url() {
    const u = new URL('ws', location.href);
    u.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const f = this.options.filters;
    if (f) for (const key of ['pr', 'agent', 'event']) if (f[key]?.length) u.searchParams.set(key, f[key].join(','));
    return u.toString();
  }

  start() {
    this.stopped = false;
    this.connect();
    return this;
  }

  connect() {
    const ws = new WebSocket(this.url());
    this.socket = ws;
    ws.onopen = () => {
      this.attempt = 0;
      this.options.onStatus({ connected: true });
    };
    ws.onmessage = e => {
      let msg;
      try { msg = JSON.parse(e.data); } catch { return; } // a gateway never sends this; ignore rather than break
      this.options.onMessage(msg);
    };
    ws.onclose = () => {
      if (this.socket !== ws || this.stopped) return;
      const delay = Math.min(this.options.maxDelayMs, this.options.initialDelayMs * 2 ** this.attempt) * (0.5 + Math.random() / 2);
      this.attempt++;
      this.options.onStatus({ connected: false, retryAt: Date.now() + delay });
      this.timer = setTimeout(() => this.connect(), delay);
    };
  }

  get open() {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  send(obj) {
    if (!this.open) return false;
    this.socket.send(JSON.stringify(obj));
    return true;
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    const ws = this.socket;
    this.socket = null;
    if (ws) { ws.onclose = null; ws.close(); }
  }
}
