// Small text formatters for times and durations.

export function durationText(seconds) {
  if (seconds == null || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return `${Math.floor(s / 86400)} d ${Math.floor((s % 86400) / 3600)} h`;
}

/** "3 s ago" for a past ms-epoch time. */
export function agoText(ts, now = Date.now()) {
  if (ts == null) return 'never';
  const s = Math.max(0, Math.round((now - ts) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  return `${Math.floor(s / 3600)} h ago`;
}

/** Time left until a ms-epoch expiry. */
export function ttlText(expiresAt, now = Date.now()) {
  if (expiresAt == null) return 'no expiry';
  const s = (expiresAt - now) / 1000;
  return s <= 0 ? 'expired' : durationText(Math.ceil(s));
}

export function clockText(ts) {
  return ts == null ? '—' : new Date(ts).toLocaleTimeString([], { hour12: false });
}
