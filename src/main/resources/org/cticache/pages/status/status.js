'use strict';

// Reads GET /pools every few seconds and shows each pool in a row of its own, updated in place. The request is
// same-origin, so the browser sends the Basic credentials it logged in to this page with. A failed refresh keeps
// the last figures, dimmed, under a banner that says what failed and since when; the next success clears it.
(function () {
  const REFRESH_MS = 3000;
  // A refresh that hangs (a frozen network, a proxy that holds on) counts as failed after this long.
  const TIMEOUT_MS = 5000;

  const body = document.body;
  const rows = document.getElementById('pool-rows');
  const refreshed = document.getElementById('refreshed');
  const failure = document.getElementById('failure');
  const warnAt = Number(body.dataset.warnPercent) / 100;
  let lastSuccess = null;
  let failingSince = null;

  function time(date) {
    return date.toLocaleTimeString([], {hour: '2-digit', minute: '2-digit', second: '2-digit'});
  }

  function cell(row, name, numeric) {
    const td = document.createElement('td');
    td.className = numeric ? name + ' number' : name;
    row.appendChild(td);
    return td;
  }

  function newRow(name) {
    const row = document.createElement('tr');
    row.className = 'pool';
    row.dataset.pool = name;
    cell(row, 'name', false).textContent = name;
    cell(row, 'size', true);
    cell(row, 'live', true);
    const gauge = document.createElement('div');
    gauge.className = 'gauge';
    const bar = document.createElement('div');
    bar.className = 'bar';
    const fill = document.createElement('div');
    fill.className = 'fill';
    const mark = document.createElement('div');
    mark.className = 'mark';
    // Set through the style object, which a Content-Security-Policy without 'unsafe-inline' allows.
    mark.style.left = (warnAt * 100) + '%';
    const percent = document.createElement('span');
    percent.className = 'percent';
    bar.append(fill, mark);
    gauge.append(bar, percent);
    cell(row, 'utilisation', false).appendChild(gauge);
    cell(row, 'exhaustions', true);
    cell(row, 'no-shows', true);
    return row;
  }

  function show(pool, row) {
    const over = pool.utilisation >= warnAt;
    row.dataset.size = pool.size;
    row.dataset.live = pool.live;
    row.dataset.utilisation = pool.utilisation;
    row.dataset.over = over;
    row.classList.toggle('over', over);
    row.querySelector('.size').textContent = pool.size.toLocaleString();
    row.querySelector('.live').textContent = pool.live.toLocaleString();
    row.querySelector('.fill').style.width = Math.min(pool.utilisation, 1) * 100 + '%';
    row.querySelector('.percent').textContent = (pool.utilisation * 100).toFixed(1) + ' %';
    row.querySelector('.exhaustions').textContent = pool.exhaustions.toLocaleString();
    row.querySelector('.no-shows').textContent = pool.noShows.toLocaleString();
  }

  // The pools in the order of the answer; a pool no longer configured (after a redeploy) goes.
  function render(pools) {
    const existing = new Map();
    for (const row of rows.querySelectorAll('tr.pool')) {
      existing.set(row.dataset.pool, row);
    }
    for (const pool of pools) {
      const row = existing.get(pool.name) || newRow(pool.name);
      existing.delete(pool.name);
      show(pool, row);
      rows.appendChild(row);
    }
    for (const gone of existing.values()) {
      gone.remove();
    }
  }

  async function reason(response) {
    let detail = '';
    try {
      detail = (await response.json()).detail || '';
    } catch (e) {
      // Not problem details (a proxy's error page): the status says enough.
    }
    return 'GET /pools answered ' + response.status + (detail ? ': ' + detail : '');
  }

  function succeeded() {
    lastSuccess = new Date();
    failingSince = null;
    body.dataset.state = 'ok';
    failure.hidden = true;
    failure.textContent = '';
    refreshed.textContent = 'Updated ' + time(lastSuccess);
    refreshed.dataset.time = lastSuccess.toISOString();
  }

  function failed(why) {
    failingSince = failingSince || new Date();
    body.dataset.state = 'failed';
    failure.hidden = false;
    failure.textContent = 'Refresh failing since ' + time(failingSince) + ' (' + why + '). '
      + (lastSuccess ? 'Showing the figures of ' + time(lastSuccess) + '.' : 'No figures yet.');
  }

  async function refresh() {
    const abort = new AbortController();
    const timer = setTimeout(function () { abort.abort(); }, TIMEOUT_MS);
    try {
      const response = await fetch('pools', {
        headers: {Accept: 'application/json'},
        cache: 'no-store',
        credentials: 'same-origin',
        signal: abort.signal
      });
      if (response.ok) {
        render((await response.json()).pools);
        succeeded();
      } else {
        failed(await reason(response));
      }
    } catch (e) {
      failed(e.name === 'AbortError' ? 'no answer within ' + TIMEOUT_MS / 1000 + ' s' : e.message);
    } finally {
      clearTimeout(timer);
      setTimeout(refresh, REFRESH_MS);
    }
  }

  refresh();
})();
