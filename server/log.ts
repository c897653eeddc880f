import 'server-only';

const SECRET_PARAMS = /([?&;](?:apikey|api_key|key|token|token_id|access_token|password|passwd|secret|extension_password)=)[^&#\s"]*/gi;
const SECRET_JSON = /("(?:apikey|apiKey|token|token_id|password|extension_password|secret|access_token)"\s*:\s*")[^"]*"/g;
const BASIC = /(authorization:\s*(?:basic|bearer)\s+)\S+/gi;

/**
 * Removes secrets from any text bound for a log: known secret query parameters and JSON keys, Basic/Bearer
 * credentials, and every literal value in `secrets` (PBXware's key travels in the URL; HoduPBX's token in the body).
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(SECRET_PARAMS, '$1***').replace(SECRET_JSON, '$1***"').replace(BASIC, '$1***');
  for (const s of secrets) {
    if (s && s.length >= 4) {
      out = out.split(s).join('***');
      const enc = encodeURIComponent(s);
      if (enc !== s) out = out.split(enc).join('***');
    }
  }
  return out;
}

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = order[(process.env.LOG_LEVEL as Level) ?? 'info'] ?? 20;

/** JSON lines on stdout/stderr. Callers pass already-redacted fields; `msg` is redacted again defensively. */
function write(level: Level, msg: string, fields: Record<string, unknown> = {}) {
  if (order[level] < threshold) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg: redact(msg), ...fields });
  (level === 'warn' || level === 'error' ? process.stderr : process.stdout).write(redact(line) + '\n');
}

export const log = {
  debug: (msg: string, f?: Record<string, unknown>) => write('debug', msg, f),
  info: (msg: string, f?: Record<string, unknown>) => write('info', msg, f),
  warn: (msg: string, f?: Record<string, unknown>) => write('warn', msg, f),
  error: (msg: string, f?: Record<string, unknown>) => write('error', msg, f),
};
