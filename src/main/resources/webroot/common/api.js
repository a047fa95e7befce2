// The server's HTTP API (docs/protocol.md), shared by the console and the supervisor view.

/** Sends JSON, returns the parsed reply; a failure throws an Error with status, code and body. */
export async function request(method, path, body) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    cache: 'no-store',
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error(json && json.message ? json.message : `HTTP ${response.status}`);
    error.status = response.status;
    error.code = json && json.code;
    error.body = json;
    throw error;
  }
  return json;
}
