// The web page of ./sandbox serve: plain JavaScript against the guide's API, no build step.
'use strict';

const TOKEN_KEY = 'sandbox-orchestrator-token';
const MAX_LOG_LINES = 2000;
const PHASES = ['validate', 'generate', 'convert', 'create', 'upload', 'install', 'build', 'repair', 'start', 'ready'];

const $ = (id) => document.getElementById(id);
let following = null;

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Calls the API with the token; returns the parsed JSON, or throws an Error with the server's message. */
async function api(path, options = {}) {
  const headers = Object.assign({ Authorization: 'Bearer ' + token() }, options.headers || {});
  const response = await fetch(path, Object.assign({}, options, { headers }));
  const body = await response.json().catch(() => ({}));
  if (response.status === 401) {
    signOut('That token was not accepted. Enter a valid API token.');
  }
  if (!response.ok) {
    const error = new Error((body.error || 'HTTP ' + response.status) + (body.message ? ': ' + body.message : ''));
    error.status = response.status;
    throw error;
  }
  return body;
}

function show(id, visible) {
  $(id).hidden = !visible;
}

function signIn(value) {
  sessionStorage.setItem(TOKEN_KEY, value);
  show('token-section', false);
  ['create-section', 'list-section', 'forget-token'].forEach((id) => show(id, true));
  $('prompt').focus();
  refreshList();
}

function signOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  ['create-section', 'list-section', 'progress-section', 'preview-section', 'forget-token'].forEach((id) => show(id, false));
  show('token-section', true);
  $('token-error').textContent = message || '';
  show('token-error', Boolean(message));
  $('token').value = '';
  $('token').focus();
}

function setBusy(busy) {
  $('generate-button').disabled = busy;
  $('deploy-button').disabled = busy;
}

function createError(message) {
  $('create-error').textContent = message || '';
  show('create-error', Boolean(message));
}

// ---- progress ---------------------------------------------------------------------------------

function resetProgress() {
  $('phases').replaceChildren();
  $('log').textContent = '';
  $('status').textContent = 'Starting…';
  show('progress-section', true);
}

function phaseItem(phase) {
  let item = document.querySelector('#phases li[data-phase="' + phase + '"]');
  if (!item) {
    item = document.createElement('li');
    item.dataset.phase = phase;
    item.textContent = phase;
    const items = Array.from($('phases').children);
    const after = items.find((other) => PHASES.indexOf(other.dataset.phase) > PHASES.indexOf(phase));
    $('phases').insertBefore(item, after || null);
  }
  return item;
}

function appendLog(line) {
  const log = $('log');
  const atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
  log.append(line + '\n');
  while (log.childNodes.length > MAX_LOG_LINES) {
    log.removeChild(log.firstChild);
  }
  if (atBottom) {
    log.scrollTop = log.scrollHeight;
  }
}

function onEvent(type, data) {
  switch (type) {
    case 'phase': {
      const item = phaseItem(data.phase);
      item.className = data.state;
      item.textContent = data.phase + (data.state === 'completed' ? ' ✓ ' + (data.tookMs / 1000).toFixed(1) + ' s' : '…');
      if (data.state === 'started') {
        $('status').textContent = 'Running phase: ' + data.phase + (data.detail ? ' (' + data.detail + ')' : '');
      }
      appendLog('▸ ' + data.phase + ' ' + data.state + (data.detail ? ': ' + data.detail : ''));
      break;
    }
    case 'log': appendLog(data.line); break;
    case 'progress': appendLog('· ' + data.message); break;
    case 'file': appendLog('  wrote ' + data.path + ' (' + data.bytes + ' bytes)'); break;
    case 'sandbox': appendLog('· sandbox ' + data.sandboxId + ' created'); refreshList(); break;
    case 'failed': {
      const item = phaseItem(data.phase);
      item.className = 'failed';
      item.textContent = data.phase + ' ✗';
      break;
    }
    case 'done': finished(data); break;
    case 'error': failed(data); break;
    default: break;
  }
}

function finished(body) {
  $('status').textContent = 'Ready: ' + body.sandbox.workspaceName + ' is running.';
  showPreview(body.previewUrl);
  setBusy(false);
  refreshList();
}

function failed(body) {
  $('status').textContent = 'Failed.';
  createError((body.error || 'Failed') + ': ' + (body.message || ''));
  setBusy(false);
  refreshList();
}

function showPreview(url) {
  const frame = $('preview');
  frame.dataset.loaded = 'false';
  frame.onload = () => { frame.dataset.loaded = url === 'about:blank' ? 'false' : 'true'; };
  frame.src = url;
  $('preview-link').href = url;
  show('preview-section', true);
}

/** Follows an event stream with fetch (EventSource cannot send the token), resuming after a dropped connection. */
async function follow(url) {
  const stream = { lastId: 0, done: false };
  following = stream;
  for (let attempt = 0; attempt < 6 && !stream.done && following === stream; attempt++) {
    try {
      const headers = { Authorization: 'Bearer ' + token(), Accept: 'text/event-stream' };
      if (stream.lastId > 0) {
        headers['Last-Event-ID'] = String(stream.lastId);
      }
      const response = await fetch(url, { headers });
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        failed({ error: body.error || 'HTTP ' + response.status, message: body.message || '' });
        return;
      }
      await readEvents(response.body.getReader(), stream);
    } catch (e) {
      appendLog('· connection lost (' + e.message + '); resuming…');
    }
    if (!stream.done) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  if (!stream.done && following === stream) {
    failed({ error: 'Connection lost', message: 'the progress stream could not be resumed; see the list below for the result' });
  }
}

async function readEvents(reader, stream) {
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let id = null;
      let type = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('id: ')) id = Number(line.slice(4));
        else if (line.startsWith('event: ')) type = line.slice(7);
        else if (line.startsWith('data: ')) data += line.slice(6);
      }
      if (!data) {
        continue;
      }
      if (id !== null) {
        stream.lastId = id;
      }
      if (type === 'done' || type === 'error') {
        stream.done = true;
      }
      onEvent(type, JSON.parse(data));
    }
  }
}

async function start(path, body) {
  createError('');
  setBusy(true);
  resetProgress();
  try {
    const accepted = await api(path + '?async=true', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    await follow(accepted.eventsUrl);
  } catch (e) {
    show('progress-section', false);
    createError(e.message);
    setBusy(false);
  }
}

// ---- files ------------------------------------------------------------------------------------

async function readFiles() {
  const files = {};
  for (const file of Array.from($('files').files)) {
    files[file.webkitRelativePath || file.name] = await file.text();
  }
  const pasted = $('paste').value;
  if (pasted.trim()) {
    files[$('paste-name').value.trim() || 'index.html'] = pasted;
  }
  return files;
}

// ---- list -------------------------------------------------------------------------------------

async function refreshList() {
  if (!token()) {
    return;
  }
  try {
    const body = await api('/api/sandbox');
    renderList(body.sandboxes);
    $('list-status').textContent = body.sandboxes.length === 0 ? 'No sandboxes yet.' : body.sandboxes.length + ' sandbox(es).';
  } catch (e) {
    $('list-status').textContent = e.message;
  }
}

function renderList(sandboxes) {
  const rows = sandboxes.map((sandbox) => {
    const row = document.createElement('tr');
    row.dataset.sandboxId = sandbox.sandboxId;
    const name = document.createElement('td');
    name.textContent = sandbox.workspaceName;
    const status = document.createElement('td');
    status.textContent = sandbox.status;
    status.className = 'status-' + sandbox.status;
    const created = document.createElement('td');
    created.textContent = new Date(sandbox.createdAt).toLocaleString();
    const actions = document.createElement('td');
    actions.className = 'actions';
    if (sandbox.previewUrl) {
      const open = document.createElement('a');
      open.href = sandbox.previewUrl;
      open.target = '_blank';
      open.rel = 'noopener noreferrer';
      open.textContent = 'Open';
      open.setAttribute('aria-label', 'Open ' + sandbox.workspaceName + ' in a new tab');
      actions.append(open);
      const view = document.createElement('button');
      view.type = 'button';
      view.className = 'secondary';
      view.textContent = 'Show';
      view.setAttribute('aria-label', 'Show ' + sandbox.workspaceName + ' below');
      view.addEventListener('click', () => showPreview(sandbox.previewUrl));
      actions.append(view);
    }
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'danger delete';
    remove.textContent = 'Delete';
    remove.setAttribute('aria-label', 'Delete ' + sandbox.workspaceName);
    remove.addEventListener('click', () => removeSandbox(sandbox, remove));
    actions.append(remove);
    row.append(name, status, created, actions);
    return row;
  });
  document.querySelector('#sandboxes tbody').replaceChildren(...rows);
}

async function removeSandbox(sandbox, button) {
  if (!window.confirm('Delete ' + sandbox.workspaceName + '? Its files are removed.')) {
    return;
  }
  button.disabled = true;
  try {
    await api('/api/sandbox/' + encodeURIComponent(sandbox.sandboxId), { method: 'DELETE' });
    if ($('preview').src === sandbox.previewUrl) {
      show('preview-section', false);
      $('preview').src = 'about:blank';
    }
    $('list-status').textContent = 'Deleted ' + sandbox.workspaceName + '.';
  } catch (e) {
    $('list-status').textContent = e.message;
  }
  refreshList();
}

// ---- wiring -----------------------------------------------------------------------------------

document.addEventListener('DOMContentLoaded', () => {
  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    signIn($('token').value.trim());
  });
  $('forget-token').addEventListener('click', () => signOut(''));
  $('generate-form').addEventListener('submit', (event) => {
    event.preventDefault();
    start('/api/generate/sandbox', { prompt: $('prompt').value });
  });
  $('files-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const files = await readFiles();
    if (Object.keys(files).length === 0) {
      createError('Choose files to upload or paste some code first.');
      return;
    }
    const body = { generatedCode: files };
    if ($('project-name').value.trim()) {
      body.projectName = $('project-name').value.trim();
    }
    start('/api/sandbox/create', body);
  });
  $('refresh').addEventListener('click', refreshList);
  if (token()) {
    signIn(token());
  } else {
    signOut('');
  }
});
