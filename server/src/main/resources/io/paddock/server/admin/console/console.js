// Paddock web console. Plain browser JavaScript, no build step and no external resources.
// Every value from the server goes into the page as text (textContent, text nodes, SVG
// attributes), never as markup: a znode holding <script> shows as those characters.
'use strict';

(function () {
  const API = 'api/';
  const HISTORY = 120;           // samples kept per chart
  const POLL_MS = 1000;          // live charts
  const state = {
    info: null, creds: null, path: '/', node: null, format: null,
    samples: [], view: 'tree'
  };

  // ---- DOM helpers -------------------------------------------------------------------
  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return e;
  }

  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); return e; }

  function message(text, isError) {
    const m = $('message');
    m.textContent = text || '';
    m.className = isError ? 'error' : '';
  }

  function nodeLink(path) {
    return el('a', { href: '#tree:' + encodeURIComponent(path), class: 'path' }, path);
  }

  function childPath(parent, name) { return parent === '/' ? '/' + name : parent + '/' + name; }

  // ---- server calls ------------------------------------------------------------------
  function authHeader() {
    if (!state.creds) return {};
    const bytes = new TextEncoder().encode(state.creds.user + ':' + state.creds.password);
    let bin = '';
    bytes.forEach((b) => { bin += String.fromCharCode(b); });
    return { Authorization: 'Basic ' + btoa(bin) };
  }

  async function get(name, params) {
    const q = new URLSearchParams(params || {}).toString();
    const r = await fetch(API + name + (q ? '?' + q : ''), { headers: authHeader(), cache: 'no-store' });
    const body = await r.json();
    if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
    return body;
  }

  async function post(name, body) {
    const headers = Object.assign({ 'Content-Type': 'application/json', 'X-Paddock-Console': '1' }, authHeader());
    const r = await fetch(API + name, { method: 'POST', headers, body: JSON.stringify(body), cache: 'no-store' });
    const answer = await r.json();
    if (!r.ok) throw new Error(answer.error || ('HTTP ' + r.status));
    return answer;
  }

  // ---- routing -----------------------------------------------------------------------
  function route() {
    const h = decodeURIComponent(location.hash.replace(/^#/, '')) || 'tree:/';
    const colon = h.indexOf(':');
    const view = colon < 0 ? h : h.substring(0, colon);
    const arg = colon < 0 ? '' : h.substring(colon + 1);
    show(['tree', 'sessions', 'watches', 'charts', 'servers'].includes(view) ? view : 'tree');
    if (state.view === 'tree') loadNode(arg || '/');
    else if (state.view === 'sessions') loadSessions();
    else if (state.view === 'watches') loadWatches();
    else if (state.view === 'charts') drawCharts();
    else if (state.view === 'servers') loadServers();
  }

  function show(view) {
    state.view = view;
    document.querySelectorAll('.view').forEach((s) => s.classList.toggle('hidden', s.id !== 'view-' + view));
    document.querySelectorAll('header nav a').forEach((a) => a.classList.toggle('active', a.dataset.view === view));
  }

  function ready(what) { document.body.setAttribute('data-ready', what); }

  // ---- tree --------------------------------------------------------------------------
  async function loadNode(path) {
    try {
      const node = await get('node', { path });
      state.path = path;
      state.node = node;
      renderNode(node);
      message('');
    } catch (e) {
      message(path + ': ' + e.message, true);
    }
    ready('tree');
  }

  function renderNode(n) {
    $('node-path').textContent = n.path;
    const crumbs = clear($('breadcrumb'));
    crumbs.appendChild(nodeLink('/'));
    let acc = '';
    n.path.split('/').filter((s) => s).forEach((seg) => {
      acc += '/' + seg;
      crumbs.appendChild(document.createTextNode(' / '));
      crumbs.appendChild(el('a', { href: '#tree:' + encodeURIComponent(acc) }, seg));
    });
    const list = clear($('children'));
    n.children.forEach((c) => list.appendChild(el('li', {}, el('a', { href: '#tree:' + encodeURIComponent(childPath(n.path, c)) }, c))));
    $('children-count').textContent = n.children_total + ' children' + (n.children_truncated ? ' (first ' + n.children.length + ' shown)' : '');
    state.format = n.data ? n.data.suggested : null;
    renderData();
    renderStat(n.stat);
    const acl = clear($('acl-table').tBodies[0]);
    n.acl.forEach((a) => acl.appendChild(el('tr', {}, el('td', {}, a.scheme), el('td', {}, a.id), el('td', {}, a.perms))));
    const writable = state.info && state.info.writes_enabled;
    $('write-panel').classList.toggle('hidden', !writable);
    if (writable) {
      $('set-data').value = n.data && n.data.text !== null ? n.data.text : '';
      $('set-version').value = String(n.stat.version);
      $('delete-version').value = String(n.stat.version);
    }
  }

  function renderData() {
    const n = state.node;
    const view = $('data-view');
    document.querySelectorAll('.data-tabs button').forEach((b) => b.classList.toggle('active', b.dataset.format === state.format));
    if (!n.data) {
      view.textContent = 'The ACL does not let you read this node\u2019s data; sign in with digest credentials that it grants READ.';
      $('data-size').textContent = '';
      return;
    }
    $('data-size').textContent = n.data.size + ' bytes' + (n.data.utf8 ? '' : ', not UTF-8');
    let text;
    if (state.format === 'json') text = n.data.json !== null ? n.data.json : '(not a JSON object or array)';
    else if (state.format === 'text') text = n.data.text !== null ? n.data.text : '(not valid UTF-8; see Hex)';
    else text = n.data.hex + (n.data.hex_truncated ? '\u2026 (first 64 KB)' : '');
    view.textContent = text;
  }

  function renderStat(s) {
    const body = clear($('stat-table').tBodies[0]);
    const fmt = { ctime: (v) => v + ' (' + new Date(v).toISOString() + ')', mtime: (v) => v + ' (' + new Date(v).toISOString() + ')' };
    Object.entries(s).forEach(([k, v]) => body.appendChild(el('tr', {}, el('th', {}, k), el('td', {}, fmt[k] ? fmt[k](v) : String(v)))));
  }

  async function search(ev) {
    ev.preventDefault();
    const q = $('search-q').value;
    const out = clear($('search-results'));
    out.classList.remove('hidden');
    try {
      const r = await get('search', { q, path: '/' });
      r.matches.forEach((p) => out.appendChild(el('li', {}, nodeLink(p))));
      if (!r.matches.length) out.appendChild(el('li', { class: 'muted' }, 'no path contains \u201c' + q + '\u201d'));
      if (!r.complete) out.appendChild(el('li', { class: 'muted' }, 'stopped after ' + r.visited + ' nodes'));
    } catch (e) {
      message('search: ' + e.message, true);
    }
  }

  async function write(op, body, then) {
    if (!state.creds) { message('Sign in (digest user and password) to write.', true); return; }
    try {
      const r = await post(op, body);
      message(op + ' ' + r.path + ' done at zxid ' + r.zxid);
      location.hash = '#tree:' + encodeURIComponent(then(r));
      route();
    } catch (e) {
      message(op + ': ' + e.message, true);
    }
  }

  // ---- sessions and watches ----------------------------------------------------------
  async function loadSessions() {
    try {
      const r = await get('sessions');
      $('session-count').textContent = r.count + ' open';
      const body = clear($('sessions-table').tBodies[0]);
      r.sessions.forEach((s) => {
        const eph = el('td', {}); s.ephemerals.forEach((p) => eph.appendChild(el('div', {}, nodeLink(p))));
        const w = el('td', {}); s.watched_paths.forEach((p) => w.appendChild(el('div', {}, p)));
        body.appendChild(el('tr', {}, el('td', { class: 'mono' }, s.id), el('td', {}, s.timeout_ms + ' ms'),
          el('td', {}, s.connected ? s.remote_address : 'not connected'), eph, w));
      });
    } catch (e) { message('sessions: ' + e.message, true); }
    ready('sessions');
  }

  async function loadWatches() {
    try {
      const r = await get('watches');
      $('watch-summary').textContent = r.watch_count + ' watches on ' + r.watched_path_count + ' paths by ' + r.watcher_count + ' connections';
      const body = clear($('watches-table').tBodies[0]);
      r.paths.forEach((p) => body.appendChild(el('tr', {}, el('td', {}, nodeLink(p.path)), el('td', { class: 'mono' }, p.sessions.join(' ')))));
    } catch (e) { message('watches: ' + e.message, true); }
    ready('watches');
  }

  async function loadServers() {
    try {
      const r = await get('servers');
      $('servers-mode').textContent = r.mode + ' (' + r.server_state + '), ' + r.version;
      const body = clear($('servers-table').tBodies[0]);
      const na = (v) => (v === null || v === undefined ? '\u2014' : String(v));
      r.servers.forEach((s) => body.appendChild(el('tr', { class: s.self ? 'self' : '' }, el('td', {}, na(s.id)), el('td', {}, s.address),
        el('td', {}, s.type), el('td', {}, na(s.role)), el('td', { class: 'mono' }, na(s.last_zxid)), el('td', {}, na(s.lag_txns)))));
      const q = clear($('ensemble-table').tBodies[0]);
      const entries = Object.entries(r.ensemble_metrics);
      if (!entries.length) q.appendChild(el('tr', {}, el('td', { class: 'muted' }, 'none: this server is not in an ensemble')));
      entries.forEach(([k, v]) => q.appendChild(el('tr', {}, el('th', {}, k), el('td', {}, String(v)))));
    } catch (e) { message('servers: ' + e.message, true); }
    ready('servers');
  }

  // ---- live charts -------------------------------------------------------------------
  async function poll() {
    try {
      const s = await get('stats');
      state.samples.push(s);
      if (state.samples.length > HISTORY + 1) state.samples.shift();
      if (state.view === 'charts') drawCharts();
    } catch (e) { /* the server may be restarting; the next poll tries again */ }
  }

  function series() {
    const out = { req: [], txn: [], lat50: [], lat99: [], fs50: [], fs99: [] };
    for (let i = 1; i < state.samples.length; i++) {
      const a = state.samples[i - 1], b = state.samples[i];
      const dt = Math.max(1, b.time_ms - a.time_ms) / 1000;
      out.req.push(Math.max(0, (b.packets_received - a.packets_received) / dt));
      out.txn.push(b.epoch === a.epoch ? Math.max(0, (b.txn_counter - a.txn_counter) / dt) : 0);
      out.lat50.push(b.latency_ms.p50); out.lat99.push(b.latency_ms.p99);
      out.fs50.push(b.fsync_ms.p50); out.fs99.push(b.fsync_ms.p99);
    }
    return out;
  }

  function drawCharts() {
    const s = series();
    chart($('chart-throughput'), [s.req, s.txn]);
    chart($('chart-latency'), [s.lat50, s.lat99]);
    chart($('chart-fsync'), [s.fs50, s.fs99]);
    const last = state.samples[state.samples.length - 1];
    const g = clear($('gauges'));
    if (last) {
      [['znodes', last.znode_count], ['connections', last.connections], ['sessions', last.sessions],
        ['watches', last.watches], ['outstanding', last.outstanding_requests], ['last zxid', last.last_zxid],
        ['fsyncs', last.fsync_ms.count]].forEach(([k, v]) => g.appendChild(el('span', { class: 'gauge' }, el('b', {}, String(v)), ' ' + k)));
    }
    ready('charts');
  }

  const SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, String(v)));
    return e;
  }

  function chart(root, lines) {
    clear(root);
    const W = 600, H = 200, L = 50, T = 10, B = 20;
    const plotH = H - T - B;
    const max = Math.max(0, ...lines.flat());
    const top = max > 0 ? niceCeil(max) : 1;
    const yOf = (v) => T + plotH * (1 - v / top);
    root.appendChild(svg('rect', { x: L, y: T, width: W - L, height: plotH, class: 'plot' }));
    [0, 0.5, 1].forEach((f) => {
      const y = yOf(top * f);
      root.appendChild(svg('line', { x1: L, x2: W, y1: y, y2: y, class: 'grid' }));
      const label = svg('text', { x: L - 4, y: y + 4, 'text-anchor': 'end', class: 'axis' });
      label.textContent = fmtNum(top * f);
      root.appendChild(label);
    });
    lines.forEach((pts, i) => {
      if (!pts.length) return;
      const step = (W - L) / Math.max(1, HISTORY - 1);
      const off = W - step * (pts.length - 1);
      const d = pts.map((v, j) => (j ? 'L' : 'M') + (off + j * step).toFixed(1) + ',' + yOf(v).toFixed(1)).join(' ');
      root.appendChild(svg('path', { d, class: 'line k' + (i + 1) }));
    });
    const now = svg('text', { x: W - 2, y: H - 4, 'text-anchor': 'end', class: 'axis' });
    now.textContent = lines[0].length ? 'now: ' + lines.map((p) => fmtNum(p[p.length - 1])).join(' / ') : 'waiting for samples';
    root.appendChild(now);
  }

  function niceCeil(v) {
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  }

  function fmtNum(v) { return v === 0 ? '0' : v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(3); }

  // ---- start -------------------------------------------------------------------------
  function wire() {
    window.addEventListener('hashchange', route);
    $('search-form').addEventListener('submit', search);
    document.querySelectorAll('.data-tabs button').forEach((b) => b.addEventListener('click', () => { state.format = b.dataset.format; renderData(); }));
    $('signin').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const user = $('signin-user').value, password = $('signin-password').value;
      state.creds = user && password ? { user, password } : null;
      $('signin-password').value = '';
      $('signin-state').textContent = state.creds ? 'as digest:' + user : 'not signed in';
      route();
    });
    $('set-form').addEventListener('submit', (ev) => { ev.preventDefault();
      write('set', { path: state.path, data: $('set-data').value, version: Number($('set-version').value) }, (r) => r.path); });
    $('create-form').addEventListener('submit', (ev) => { ev.preventDefault();
      write('create', { path: childPath(state.path, $('create-name').value), data: $('create-data').value,
        sequential: $('create-sequential').checked, acl: $('create-acl').value }, (r) => r.path); });
    $('delete-form').addEventListener('submit', (ev) => { ev.preventDefault();
      const parent = state.path.substring(0, state.path.lastIndexOf('/')) || '/';
      if (window.confirm('Delete ' + state.path + '?')) write('delete', { path: state.path, version: Number($('delete-version').value) }, () => parent); });
  }

  async function start() {
    wire();
    try {
      state.info = await get('info');
      $('write-mode').textContent = state.info.writes_enabled ? '\u00b7 writes enabled' : '\u00b7 read-only';
      $('signin').classList.toggle('hidden', false);
    } catch (e) { message('cannot reach the server: ' + e.message, true); }
    try {
      const s = await get('servers');
      $('server-mode').textContent = s.server_state + ' \u00b7 ' + s.version;
    } catch (e) { /* shown on the servers page */ }
    route();
    poll();
    window.setInterval(poll, POLL_MS);
  }

  document.addEventListener('DOMContentLoaded', start);
}());
