/* global fetch, EventSource, URLSearchParams */
// The page's only way to the sandbox: JSON requests, and an event stream that says when the
// snapshot has changed.

export class RequestError extends Error {}

/** The workspace every request acts in (a team id); undefined: the sandbox's first. */
let currentWorkspace;

export function useWorkspace(teamId) {
  currentWorkspace = teamId;
}

export async function getSnapshot(viewer, workspace) {
  const query = new URLSearchParams();
  if (viewer) query.set('viewer', viewer);
  if (workspace) query.set('workspace', workspace);
  const text = query.toString();
  return request('GET', `/api/state${text ? `?${text}` : ''}`);
}

export const api = {
  post: (body) => request('POST', '/api/messages', body),
  command: (body) => request('POST', '/api/commands', body),
  click: (body) => request('POST', '/api/actions', body),
  openHome: (body) => request('POST', '/api/home', body),
  runDigest: (body) => request('POST', '/api/digest', body),
  addPerson: (body) => request('POST', '/api/people', body),
  updatePerson: (id, body) => request('PATCH', `/api/people/${encodeURIComponent(id)}`, body),
  everyoneToMidday: () => request('POST', '/api/people/midday', {}),
};

async function request(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(currentWorkspace ? { ...body, workspace: currentWorkspace } : body) : undefined,
    });
  } catch {
    throw new RequestError('The sandbox is not answering. Is it still running?');
  }
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new RequestError(answer.error ?? `The sandbox answered ${response.status}.`);
  return answer;
}

/** Calls onVersion(n) whenever the sandbox's activity moves; reconnects by itself. */
export function watchVersions(onVersion, onConnection) {
  const source = new EventSource('/api/stream');
  source.addEventListener('version', (event) => onVersion(Number(event.data)));
  source.addEventListener('open', () => onConnection(true));
  source.addEventListener('error', () => onConnection(false));
  return () => source.close();
}
