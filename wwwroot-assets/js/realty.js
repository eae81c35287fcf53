// Starts Blazor with a reconnection policy for screens nobody tends: a wall TV must come back by
// itself after a network blip or a server restart, however long it takes, and show the truth.
(() => {
  const banner = () => {
    let el = document.getElementById('rl-offline');
    if (!el) {
      el = document.createElement('div');
      el.id = 'rl-offline';
      el.className = 'offline-banner';
      el.setAttribute('role', 'status');
      el.textContent = document.documentElement.lang.startsWith('zh') ? '连接中断，正在重连…' : 'Connection lost — reconnecting…';
      document.body.appendChild(el);
    }
    return el;
  };
  const sleep = ms => new Promise(r => setTimeout(r, ms));

  // Reload only once the server answers, so the TV never lands on a browser error page.
  async function reloadWhenServerIsBack() {
    for (let attempt = 0; ; attempt++) {
      try {
        const r = await fetch('/health', { cache: 'no-store' });
        if (r.ok) { location.reload(); return; }
      } catch { /* still down */ }
      await sleep(Math.min(1000 + attempt * 1000, 10000));
    }
  }

  let reconnecting = false;
  const handler = {
    onConnectionDown() {
      banner().hidden = false;
      if (reconnecting) return;
      reconnecting = true;
      (async () => {
        for (let attempt = 0; ; attempt++) {
          await sleep(Math.min(500 + attempt * 1000, 5000));
          try {
            // true: the same circuit is back; false: the server forgot it (restart, long cut) — start afresh.
            if (await Blazor.reconnect()) { return; }
            await reloadWhenServerIsBack();
            return;
          } catch { /* server unreachable: keep trying, forever */ }
        }
      })().finally(() => { reconnecting = false; });
    },
    onConnectionUp() {
      const el = document.getElementById('rl-offline');
      if (el) el.hidden = true;
    }
  };

  // The first connection can fail too (server restarting while the page loaded).
  Blazor.start({ circuit: { reconnectionHandler: handler } })
    .catch(() => { banner().hidden = false; reloadWhenServerIsBack(); });
})();
