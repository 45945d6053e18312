// The dashboard's entry point: keeps the model, renders the panels, sends operator commands.
import { applyMessage, emptyModel, BOARD_COLUMNS, stateOf, isDone, parseList, matchesFilters } from './state.js';
import { renderGraph } from './graph.js';
import { FeedConnection } from './connection.js';
import { agoText, ttlText, durationText, clockText } from './format.js';

const $ = id => document.getElementById(id);
const model = emptyModel();
const dirty = new Set();
let renderQueued = false;
let filters = { pr: [], agent: [], event: [] };
let logEvents = null; // events from the filtered socket while filters are on
let logConnection = null;
const pending = new Map(); // command id -> {name, args, item}
let commandCounter = 0;

function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

function touch(panels) {
  for (const p of panels) dirty.add(p);
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    const todo = new Set(dirty);
    dirty.clear();
    if (todo.has('hub') || todo.has('mode')) renderHub();
    if (todo.has('board')) renderBoard();
    if (todo.has('graph')) renderGraph($('graph'), [...model.prs.values()]);
    if (todo.has('agents')) renderAgents();
    if (todo.has('leases')) renderLeases();
    if (todo.has('mode')) renderMode();
    if (todo.has('progress') || todo.has('board')) renderProgress();
    if (todo.has('events')) renderEvents();
    document.body.dataset.rendered = String(Number(document.body.dataset.rendered ?? 0) + 1);
  });
}

function renderHub() {
  const hub = model.hub;
  $('hub-status').textContent = `hub: ${hub.connected ? 'connected' : 'away'}${hub.hubId ? ' (' + hub.hubId + ')' : ''}`;
  $('hub-status').dataset.state = hub.connected ? 'ok' : 'away';
  $('hub-banner').hidden = hub.connected;
  $('hub-away-since').textContent = !hub.connected && hub.since ? ` since ${clockText(hub.since)}` : '';
  $('mode-status').textContent = `mode: ${model.mode.current}`;
  $('mode-status').dataset.state = model.mode.current;
  $('scheduling-status').textContent = `scheduling: ${hub.paused ? 'paused' : 'running'}`;
  $('scheduling-status').dataset.state = hub.paused ? 'paused' : 'ok';
  const toggle = $('pause-toggle');
  toggle.textContent = hub.paused ? 'Resume scheduling' : 'Pause scheduling';
  toggle.dataset.command = hub.paused ? 'resume' : 'pause';
}

function renderBoard() {
  const columns = new Map(BOARD_COLUMNS.map(c => [c, []]));
  for (const pr of model.prs.values()) {
    const s = stateOf(pr);
    if (!columns.has(s)) columns.set(s, []);
    columns.get(s).push(pr);
  }
  const board = $('board');
  board.replaceChildren(...[...columns].map(([state, prs]) => h('section', { class: `column state-${state}`, 'data-column': state, 'aria-label': `${state}: ${prs.length}` },
    h('h3', {}, state, ' ', h('span', { class: 'count' }, String(prs.length))),
    h('ul', {}, ...prs.map(pr => h('li', { class: 'pr-card', 'data-pr': pr.id },
      h('div', { class: 'pr-id' }, pr.id, pr.priority ? h('span', { class: `priority priority-${pr.priority}` }, pr.priority) : null),
      h('div', { class: 'pr-title' }, pr.title),
      h('div', { class: 'pr-meta' },
        pr.hot ? `cold: ${pr.cold}` : null,
        pr.agent ? h('span', { class: 'agent' }, pr.agent) : null,
        pr.complexity != null ? h('span', {}, `complexity ${pr.complexity}`) : null),
      isDone(pr) ? null : h('button', { type: 'button', class: 'small requeue', 'data-pr': pr.id,
        onclick: () => confirmCommand('requeue', { prId: pr.id }, `Re-queue ${pr.id}? Its agent (if any) is released and the PR goes back to the queue.`) }, 'Re-queue')))))));
}

function renderAgents() {
  const now = Date.now();
  $('agents-table').tBodies[0].replaceChildren(...[...model.agents.values()].map(a => h('tr', { 'data-agent': a.id },
    h('th', { scope: 'row' }, a.id), h('td', {}, a.type), h('td', {}, a.model ?? '—'),
    h('td', { class: `agent-state state-${a.state}` }, a.state), h('td', {}, a.pr ?? '—'),
    h('td', { class: 'ago', 'data-ts': a.lastHeartbeat ?? '' }, agoText(a.lastHeartbeat, now)))));
  if (model.agents.size === 0) $('agents-table').tBodies[0].append(h('tr', {}, h('td', { colspan: 6, class: 'muted' }, 'No agents.')));
}

function renderLeases() {
  const now = Date.now();
  const rows = [...model.leases.values()].sort((a, b) => (a.file < b.file ? -1 : 1)).map(l => h('tr', { 'data-file': l.file },
    h('th', { scope: 'row' }, h('code', {}, l.file)), h('td', {}, l.agent), h('td', {}, l.pr ?? '—'),
    h('td', { class: 'token' }, String(l.fencingToken ?? '—')),
    h('td', { class: 'ttl', 'data-expires': l.expiresAt ?? '' }, ttlText(l.expiresAt, now)),
    h('td', {}, h('button', { type: 'button', class: 'small release-lease', 'data-file': l.file,
      onclick: () => confirmCommand('release-lease', { file: l.file }, `Release the lease on ${l.file} held by ${l.agent}? The agent loses its right to write it.`) }, 'Release'))));
  $('leases-table').tBodies[0].replaceChildren(...rows);
  if (rows.length === 0) $('leases-table').tBodies[0].append(h('tr', {}, h('td', { colspan: 6, class: 'muted' }, 'No leases.')));
}

function renderMode() {
  $('mode-current').textContent = model.mode.current;
  $('mode-current').dataset.state = model.mode.current;
  $('mode-history').replaceChildren(...[...model.mode.history].reverse().map(m => h('li', {},
    h('time', {}, clockText(m.ts)), ` ${m.from} → ${m.to}`, m.reason ? h('span', { class: 'muted' }, ` (${m.reason})`) : null)));
}

function renderProgress() {
  const p = model.progress;
  const pct = p.total > 0 ? Math.round(p.done / p.total * 100) : 0;
  $('progress-bar').value = pct;
  $('progress-text').textContent = `${pct}% done (${p.done} of ${p.total})`;
  $('progress-velocity').textContent = `${(p.velocityPerHour ?? 0).toFixed(1)} PRs/h`;
  $('progress-eta').textContent = p.done >= p.total && p.total > 0 ? 'done' : durationText(p.etaSeconds);
}

function renderEvents() {
  const source = logEvents ?? model.events;
  const shown = source.filter(e => matchesFilters(e, filters)).slice(-200).reverse();
  $('event-log').replaceChildren(...shown.map(e => {
    const ctx = e.ctx ?? {};
    const parts = [ctx.prId ?? e.data?.prId, ctx.agentId ?? e.data?.agentId, ctx.runId ? 'run ' + ctx.runId : null].filter(Boolean).join(' · ');
    return h('li', { class: `event ${e.type === 'debug' ? 'debug' : ''}`, 'data-name': e.name ?? '', 'data-seq': e.seq ?? '' },
      h('time', {}, clockText(e.ts)), ' ', h('span', { class: 'event-name' }, e.name ?? e.type), parts ? h('span', { class: 'muted' }, ` ${parts}`) : null,
      ' ', h('code', { class: 'event-data' }, summarise(e.data)));
  }));
  if (shown.length === 0) $('event-log').append(h('li', { class: 'muted empty' }, logEvents ? 'No events match the filters yet.' : 'No events yet.'));
}

function summarise(data) {
  if (data == null) return '';
  const text = JSON.stringify(data);
  return text.length > 160 ? text.slice(0, 157) + '…' : text;
}

// The clock columns (heartbeat age, lease TTL) count every second without a re-render.
setInterval(() => {
  const now = Date.now();
  for (const td of document.querySelectorAll('#agents-table td.ago')) td.textContent = agoText(td.dataset.ts ? Number(td.dataset.ts) : null, now);
  for (const td of document.querySelectorAll('#leases-table td.ttl')) td.textContent = ttlText(td.dataset.expires ? Number(td.dataset.expires) : null, now);
}, 1000);

// Operator commands: confirmed in a dialog, sent as `command`, answered by `command_result`.
// The command goes with the click on Send itself, not with the dialog's `close` event: that event is
// dispatched later, and one left over from an earlier opening would send the command of this one.
let confirmedAction = null;
function confirmCommand(name, args, text) {
  $('confirm-title').textContent = `Send “${name}”?`;
  $('confirm-text').textContent = text;
  confirmedAction = () => sendCommand(name, args);
  $('confirm-dialog').showModal();
}
$('confirm-ok').addEventListener('click', () => { const action = confirmedAction; confirmedAction = null; action?.(); });
$('confirm-cancel').addEventListener('click', () => { confirmedAction = null; });
$('confirm-dialog').addEventListener('cancel', () => { confirmedAction = null; });

function sendCommand(name, args) {
  const id = `cmd-${Date.now().toString(36)}-${++commandCounter}`;
  const label = `${name}${Object.keys(args).length ? ' ' + Object.values(args).join(' ') : ''}`;
  const item = h('li', { class: 'command pending', 'data-command-id': id, 'data-command': name }, h('strong', {}, label), ' — ', h('span', { class: 'command-outcome' }, 'sent, waiting for the hub…'));
  $('command-results').prepend(item);
  if (!connection.send({ type: 'command', id, name, args })) {
    item.className = 'command failed';
    item.querySelector('.command-outcome').textContent = 'not sent: the gateway is unreachable';
    return;
  }
  pending.set(id, { name, args, item });
}

function onCommandResult(msg) {
  const p = pending.get(msg.id);
  if (!p) return;
  pending.delete(msg.id);
  p.item.className = `command ${msg.ok ? 'ok' : 'failed'}`;
  const detail = msg.ok ? msg.result : msg.error;
  p.item.querySelector('.command-outcome').textContent = `${msg.ok ? 'ok' : 'failed'}${detail != null ? ': ' + (typeof detail === 'string' ? detail : JSON.stringify(detail)) : ''}`;
}

$('pause-toggle').addEventListener('click', () => {
  const name = $('pause-toggle').dataset.command ?? 'pause';
  confirmCommand(name, {}, name === 'pause'
    ? 'Pause scheduling? Agents finish what they hold, but no new PR is assigned until you resume.'
    : 'Resume scheduling? The hub starts assigning PRs again.');
});

function onMessage(msg) {
  if (msg.type === 'command_result') return onCommandResult(msg);
  touch(applyMessage(model, msg));
  if (msg.type === 'event' && msg.name === 'ipc.dropped') resync();
}

// Events were lost between hub and gateway: take the gateway's state as it is now.
async function resync() {
  try {
    const res = await fetch('api/state', { cache: 'no-store' });
    if (res.ok) onMessage({ type: 'snapshot', state: await res.json() });
  } catch { /* the socket's own reconnect covers an unreachable gateway */ }
}

let retryTimer = null;
function onStatus(s) {
  $('gateway-banner').hidden = s.connected;
  $('gateway-status').textContent = `gateway: ${s.connected ? 'connected' : 'unreachable'}`;
  $('gateway-status').dataset.state = s.connected ? 'ok' : 'away';
  $('pause-toggle').disabled = !s.connected;
  document.body.dataset.gateway = s.connected ? 'connected' : 'unreachable';
  clearInterval(retryTimer);
  if (!s.connected) {
    const show = () => { $('gateway-retry').textContent = `retrying in ${durationText(Math.max(0, (s.retryAt - Date.now()) / 1000))}`; };
    show();
    retryTimer = setInterval(show, 500);
  }
}

const connection = new FeedConnection({ onMessage, onStatus }).start();

// Event log filters: a second socket subscribed with the filters as query parameters, so the
// state panels keep the full stream while the log shows only what was asked for.
$('event-filters').addEventListener('submit', e => {
  e.preventDefault();
  const form = new FormData(e.target);
  setFilters({ pr: parseList(form.get('pr')), agent: parseList(form.get('agent')), event: parseList(form.get('event')) });
});
$('event-filters').addEventListener('reset', () => setFilters({ pr: [], agent: [], event: [] }));

function setFilters(f) {
  filters = f;
  logConnection?.stop();
  logConnection = null;
  logEvents = null;
  const active = f.pr.length + f.agent.length + f.event.length > 0;
  $('filter-status').textContent = active ? 'filtered' : '';
  if (active) {
    logEvents = [];
    logConnection = new FeedConnection({
      filters: f,
      onMessage: msg => {
        if (msg.type === 'snapshot') logEvents = [...(msg.state?.events ?? [])];
        else if (msg.type === 'event' || msg.type === 'debug') { logEvents.push(msg); if (logEvents.length > 200) logEvents.shift(); }
        else return;
        touch(['events']);
      },
    }).start();
  }
  touch(['events']);
}

touch(['hub', 'mode', 'board', 'graph', 'agents', 'leases', 'progress', 'events']);
