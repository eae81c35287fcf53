// Starts Blazor with a reconnection policy for screens nobody tends: a wall TV must come back by
// itself after a network cut or a server restart, however long it takes, and show the truth.
// Every wait on the network has a time limit: a link that swallows requests instead of refusing
// them would otherwise leave the TV on stale numbers for good.
(() => {
  const HEALTH_TIMEOUT_MS = 5000;
  // SignalR gives up on a negotiate only after 100 s, and never on a WebSocket that does not open.
  const RECONNECT_WATCHDOG_MS = 15000;
  // A circuit that fails to start is neither retried nor reported by Blazor (its start() resolves first).
  const FIRST_CIRCUIT_WATCHDOG_MS = 15000;

  const sleep = ms => new Promise(r => setTimeout(r, ms));
  const backOff = (attempt, firstMs, capMs) => Math.min(firstMs + attempt * 1000, capMs);
  const timedOut = Symbol('timed out');

  const showBanner = visible => {
    let el = document.getElementById('rl-offline');
    if (!el && visible) {
      el = document.createElement('div');
      el.id = 'rl-offline';
      el.className = 'offline-banner';
      el.setAttribute('role', 'status');
      el.textContent = document.documentElement.lang.startsWith('zh') ? '连接中断，正在重连…' : 'Connection lost — reconnecting…';
      document.body.appendChild(el);
    }
    if (el) el.hidden = !visible;
  };

  // Reload only once the server answers, so the TV never lands on a browser error page.
  let reloading = false;
  async function reloadWhenServerIsBack() {
    if (reloading) return;
    reloading = true;
    showBanner(true);
    for (let attempt = 0; ; attempt++) {
      try {
        const r = await fetch('/health', { cache: 'no-store', signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
        if (r.ok) { location.reload(); return; }
      } catch { /* down, or the request was swallowed: ask again */ }
      await sleep(backOff(attempt, 1000, 10000));
    }
  }

  async function reconnectForever() {
    for (let attempt = 0; ; attempt++) {
      await sleep(backOff(attempt, 500, 5000));
      const reconnect = Blazor.reconnect();
      // An attempt we stopped waiting for may still fail later; that is no error of the page.
      reconnect.catch(() => {});
      let result;
      try {
        result = await Promise.race([reconnect, sleep(RECONNECT_WATCHDOG_MS).then(() => timedOut)]);
      } catch {
        continue; // the server is unreachable: keep trying
      }
      if (result === true) return; // the same circuit is back
      // false: the server forgot the circuit (restart, long cut). Timed out: the attempt is stuck
      // where we cannot see, and a second one would race it for the circuit. Start afresh.
      await reloadWhenServerIsBack();
      return;
    }
  }

  let reconnecting = false;
  const handler = {
    onConnectionDown() {
      showBanner(true);
      if (reconnecting || reloading) return;
      reconnecting = true;
      reconnectForever().finally(() => { reconnecting = false; });
    },
    onConnectionUp() { showBanner(false); }
  };

  // Only pages with interactive parts open a circuit (the sign-in page is static); their prerendered
  // markup carries Blazor's server component markers.
  const interactive = (() => {
    const comments = document.createTreeWalker(document, NodeFilter.SHOW_COMMENT);
    while (comments.nextNode()) {
      if (comments.currentNode.data.startsWith('Blazor:{"type":"server"')) return true;
    }
    return false;
  })();

  let opened = false;
  Blazor.start({
    circuit: {
      reconnectionHandler: handler,
      circuitHandlers: [{ onCircuitOpened: () => { opened = true; } }]
    }
  });
  if (interactive) {
    setTimeout(() => { if (!opened) reloadWhenServerIsBack(); }, FIRST_CIRCUIT_WATCHDOG_MS);
  }
})();
