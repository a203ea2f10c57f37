'use client';
// The editor tab: open a file of any node by path (or one the lab suggests), edit it in Monaco,
// save it back into the sandbox (Ctrl+S or Save).
import { useState, type FormEvent } from 'react';
import { CodeEditor } from './CodeEditor';

interface OpenFile {
  node: string;
  path: string;
  saved: string;
}

export interface EditorFile {
  node: string;
  path: string;
}

export function EditorPanel({ runId, nodes, files }: { runId: string; nodes: string[]; files: EditorFile[] }) {
  const [node, setNode] = useState(files[0]?.node ?? nodes[0] ?? '');
  const [path, setPath] = useState(files[0]?.path ?? '/root/notes.txt');
  const [file, setFile] = useState<OpenFile | null>(null);
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const dirty = file !== null && text !== file.saved;

  async function open(target: { node: string; path: string }, event?: FormEvent) {
    event?.preventDefault();
    if (dirty && !window.confirm(`Discard your unsaved changes to ${file!.path}?`)) return;
    setMessage(null);
    const res = await fetch(`/api/runs/${runId}/files?${new URLSearchParams(target)}`).catch(() => null);
    const body = await res?.json().catch(() => null);
    if (res?.ok) {
      setFile({ ...target, saved: body.content });
      setText(body.content);
      setNode(target.node);
      setPath(target.path);
    } else if (res?.status === 404) {
      // A file that does not exist yet opens empty and is created on save.
      setFile({ ...target, saved: '' });
      setText('');
      setMessage({ kind: 'ok', text: `${target.path} does not exist yet on ${target.node}; saving creates it.` });
    } else {
      setMessage({ kind: 'error', text: body?.error?.message ?? 'Could not open the file.' });
    }
  }

  async function save() {
    if (!file) return;
    const content = text;
    const res = await fetch(`/api/runs/${runId}/files`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ node: file.node, path: file.path, content }) }).catch(() => null);
    const body = await res?.json().catch(() => null);
    if (res?.ok) {
      setFile({ ...file, saved: content });
      setMessage({ kind: 'ok', text: `Saved ${file.path} on ${file.node}.` });
    } else {
      setMessage({ kind: 'error', text: body?.error?.message ?? 'Could not save the file.' });
    }
  }

  return (
    <div className="editor-panel">
      <form className="editor-bar" onSubmit={(e) => open({ node, path }, e)}>
        {nodes.length > 1 && (
          <select value={node} onChange={(e) => setNode(e.target.value)} aria-label="Node">
            {nodes.map((n) => <option key={n}>{n}</option>)}
          </select>
        )}
        <input value={path} onChange={(e) => setPath(e.target.value)} aria-label="File path" spellCheck={false} className="path-input" data-testid="editor-path" />
        <button type="submit" className="button secondary small">Open</button>
        <button type="button" className="button small" onClick={save} disabled={!file} data-testid="editor-save">
          Save{dirty ? ' •' : ''}
        </button>
        {files.length > 0 && (
          <span className="suggested">
            {files.map((f) => (
              <button key={`${f.node}:${f.path}`} type="button" className="chip" onClick={() => open(f)}>{nodes.length > 1 ? `${f.node}:` : ''}{f.path}</button>
            ))}
          </span>
        )}
      </form>
      {message && <p className={`editor-message ${message.kind}`} role="status">{message.text}</p>}
      {file ? (
        <CodeEditor path={file.path} value={text} onChange={setText} onSave={save} />
      ) : (
        <p className="muted pad">Open a file of the sandbox by its path, e.g. <code>/etc/hosts</code>, then save it back with Ctrl+S.</p>
      )}
    </div>
  );
}
