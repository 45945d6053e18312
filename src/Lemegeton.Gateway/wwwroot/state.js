// The dashboard's model of the hub, and the reducer that applies gateway messages to it
// incrementally (docs/dashboard.md; the message shapes are the gateway contract's).

export const COLD_STATES = ['new', 'ready', 'blocked', 'planned', 'completed', 'approved', 'broken'];
export const HOT_STATES = ['investigating', 'planning', 'in-progress', 'under-review'];
export const BOARD_COLUMNS = ['new', 'ready', 'blocked', 'planned', 'investigating', 'planning',
  'in-progress', 'under-review', 'completed', 'approved', 'broken'];
export const EVENT_LOG_LIMIT = 200;
const DONE = new Set(['completed', 'approved']);
const HOT = new Set(HOT_STATES);

/** The state a PR is shown under: its hot state while someone works on it, else its cold state. */
export function stateOf(pr) {
  return pr.hot ?? pr.cold ?? 'new';
}

/** Wire spelling of a state ("in-progress"), also from an enum name ("InProgress"). */
export function stateName(s) {
  return s == null ? null : String(s).replace(/([a-z])([A-Z])/g, '$1-$2').replace(/_/g, '-').toLowerCase();
}

export function isDone(pr) {
  return !pr.hot && DONE.has(pr.cold);
}

export function emptyModel() {
  return {
    hub: { connected: false, hubId: null, since: null, paused: false },
    mode: { current: 'distributed', history: [] },
    prs: new Map(),
    agents: new Map(),
    leases: new Map(),
    progress: { done: 0, total: 0, velocityPerHour: 0, etaSeconds: null },
    events: [],
  };
}

function replaceDomain(model, s) {
  model.mode = { current: s.mode?.current ?? 'distributed', history: [...(s.mode?.history ?? [])] };
  model.prs = new Map((s.prs ?? []).map(p => [p.id, {
    id: p.id, title: p.title ?? '', cold: stateName(p.cold) ?? 'new', hot: stateName(p.hot), agent: p.agent ?? null,
    dependencies: [...(p.dependencies ?? [])], files: [...(p.files ?? [])],
    complexity: p.complexity ?? null, priority: p.priority ?? null,
  }]));
  model.agents = new Map((s.agents ?? []).map(a => [a.id, {
    id: a.id, type: a.type ?? '', model: a.model ?? null, state: a.state ?? 'idle', pr: a.pr ?? null,
    lastHeartbeat: a.lastHeartbeat ?? null,
  }]));
  model.leases = new Map((s.leases ?? []).map(l => [l.file, { ...l }]));
  // The gateway's snapshot carries progress; the hub's (hub.snapshot) does not: count its PRs, and keep
  // the completions this page has seen so far for the velocity.
  const before = model.progress;
  const fromGateway = s.progress != null;
  model.progress = {
    done: s.progress?.done ?? [...model.prs.values()].filter(isDone).length,
    total: s.progress?.total ?? model.prs.size,
    velocityPerHour: 0, etaSeconds: null,
    // Velocity = PRs done within the last hour: the gateway's count at snapshot time (until it is an hour
    // old) plus the completions seen live since.
    baseVelocity: fromGateway ? (s.progress.velocityPerHour ?? 0) : (before?.baseVelocity ?? 0),
    baseAt: fromGateway ? Date.now() : (before?.baseAt ?? Date.now()),
    doneAt: fromGateway ? [] : [...(before?.doneAt ?? [])],
  };
  refreshVelocity(model.progress);
}

const HOUR_MS = 3_600_000;

function refreshVelocity(p, now = Date.now()) {
  p.doneAt ??= [];
  while (p.doneAt.length > 0 && p.doneAt[0] < now - HOUR_MS) p.doneAt.shift();
  p.velocityPerHour = (now - (p.baseAt ?? now) < HOUR_MS ? (p.baseVelocity ?? 0) : 0) + p.doneAt.length;
  p.etaSeconds = p.total > 0 && p.done >= p.total ? 0
    : p.velocityPerHour > 0 ? Math.max(0, (p.total - p.done) / p.velocityPerHour * 3600) : null;
}

/** Applies one gateway message; returns the names of the panels it touched. */
export function applyMessage(model, msg) {
  switch (msg?.type) {
    case 'snapshot': {
      const s = msg.state ?? {};
      replaceDomain(model, s);
      model.hub = { connected: false, hubId: null, since: null, paused: false, ...(s.hub ?? {}) };
      model.events = [...(s.events ?? [])].slice(-EVENT_LOG_LIMIT);
      return ALL;
    }
    case 'hub':
      model.hub = { ...model.hub, connected: !!msg.connected, hubId: msg.hubId ?? model.hub.hubId, since: msg.since ?? null };
      return new Set(['hub']);
    case 'event':
    case 'debug': {
      model.events.push(msg);
      if (model.events.length > EVENT_LOG_LIMIT) model.events.splice(0, model.events.length - EVENT_LOG_LIMIT);
      const touched = msg.type === 'event' ? applyEvent(model, msg) : new Set();
      touched.add('events');
      return touched;
    }
    default:
      return new Set();
  }
}

const ALL = new Set(['hub', 'mode', 'board', 'graph', 'agents', 'leases', 'progress', 'events']);

function agentOf(model, id) {
  return id == null ? undefined : model.agents.get(id);
}

/** A cold transition or a release ends the PR's work: agent idle, hot state and the PR's leases gone. */
function endAssignment(model, pr) {
  const a = agentOf(model, pr.agent);
  if (a && a.pr === pr.id) { a.pr = null; a.state = 'idle'; }
  for (const [file, lease] of model.leases) if (lease.pr === pr.id) model.leases.delete(file);
  pr.hot = null;
  pr.agent = null;
}

function adjustDone(model, wasDone, nowDone) {
  if (wasDone === nowDone) return;
  const p = model.progress;
  p.done = Math.max(0, p.done + (nowDone ? 1 : -1));
  if (nowDone) (p.doneAt ??= []).push(Date.now()); // as the gateway counts: PRs entering done
  refreshVelocity(p);
}

/** The contract's hub events, applied to the model in place. */
export function applyEvent(model, ev) {
  const d = ev.data ?? {};
  const t = new Set();
  switch (ev.name) {
    case 'hub.snapshot':
      replaceDomain(model, d);
      return new Set(ALL);
    case 'pr.assigned': {
      const pr = model.prs.get(d.prId);
      if (pr) {
        pr.agent = d.agentId ?? null;
        if (d.hot) pr.hot = stateName(d.hot);
        t.add('board').add('graph');
      }
      const a = agentOf(model, d.agentId);
      if (a) { a.pr = d.prId; a.state = 'working'; t.add('agents'); }
      return t;
    }
    case 'pr.transitioned': {
      const pr = model.prs.get(d.prId);
      if (!pr) return t;
      const to = stateName(d.to);
      if (HOT.has(to)) { // the hub sends hot states with pr.assigned; taken here too, without ending the work
        pr.hot = to;
        if (d.agentId) pr.agent = d.agentId;
        return t.add('board').add('graph');
      }
      const wasDone = isDone(pr);
      pr.cold = to;
      endAssignment(model, pr);
      adjustDone(model, wasDone, isDone(pr));
      return t.add('board').add('graph').add('progress').add('agents').add('leases');
    }
    case 'pr.released': {
      const pr = model.prs.get(d.prId);
      if (pr) endAssignment(model, pr);
      return t.add('board').add('graph').add('agents').add('leases');
    }
    case 'agent.joined': {
      const known = model.agents.get(d.agentId); // a rejoin keeps what the hub last said it holds
      model.agents.set(d.agentId, {
        id: d.agentId, type: d.type ?? '', model: d.model ?? null, state: known?.state ?? 'idle', pr: known?.pr ?? null,
        lastHeartbeat: ev.ts ?? null,
      });
      return t.add('agents');
    }
    case 'agent.left':
      model.agents.delete(d.agentId);
      for (const pr of model.prs.values()) if (pr.agent === d.agentId) { pr.agent = null; pr.hot = null; }
      for (const [file, lease] of model.leases) if (lease.agent === d.agentId) model.leases.delete(file);
      return t.add('agents').add('board').add('graph').add('leases');
    case 'agent.heartbeat': {
      const a = agentOf(model, d.agentId);
      if (!a) return t;
      a.lastHeartbeat = ev.ts ?? Date.now();
      if (d.state) a.state = d.state;
      a.pr = d.prId ?? null;
      return t.add('agents');
    }
    case 'lease.granted':
      for (const file of d.files ?? []) {
        model.leases.set(file, { file, agent: d.agentId, pr: d.prId ?? null, fencingToken: d.fencingToken, expiresAt: d.expiresAt ?? null });
      }
      return t.add('leases');
    case 'lease.released': {
      const files = d.files ?? [];
      for (const [file, lease] of model.leases) {
        if (lease.agent !== d.agentId) continue;
        if (files.length === 0 || files.includes(file)) model.leases.delete(file);
      }
      return t.add('leases');
    }
    case 'mode.changed':
      model.mode.current = d.to;
      model.mode.history.push({ from: d.from, to: d.to, reason: d.reason ?? null, ts: ev.ts ?? Date.now() });
      return t.add('mode').add('hub');
    case 'scheduling.paused':
      model.hub.paused = true;
      return t.add('hub');
    case 'scheduling.resumed':
      model.hub.paused = false;
      return t.add('hub');
    default:
      return t; // ipc.dropped and unknown names: only the event log shows them
  }
}

/** Parses "a, b" into ["a","b"]. */
export function parseList(text) {
  return (text ?? '').split(',').map(s => s.trim()).filter(Boolean);
}

/** Whether an event passes the log filters ({pr, agent, event} lists; empty = any). */
export function matchesFilters(ev, f) {
  const d = ev.data ?? {}, c = ev.ctx ?? {};
  if (f.pr.length && !f.pr.includes(c.prId) && !f.pr.includes(d.prId)) return false;
  if (f.agent.length && !f.agent.includes(c.agentId) && !f.agent.includes(d.agentId)) return false;
  if (f.event.length && !f.event.includes(ev.name)) return false;
  return true;
}
