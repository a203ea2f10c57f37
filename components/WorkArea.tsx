'use client';
// The right side of a player: a tab per node with its terminal, and the editor. The lab player
// and the exam player both show a run's sandbox this way.
import dynamic from 'next/dynamic';
import type { EditorFile } from './EditorPanel';

// Both touch `window` and load large bundles: only in the browser, only when shown.
const Terminal = dynamic(() => import('./Terminal').then((m) => m.Terminal), { ssr: false });
const EditorPanel = dynamic(() => import('./EditorPanel').then((m) => m.EditorPanel), { ssr: false, loading: () => <p className="muted pad">Loading the editor…</p> });

/** `shown` is a node's name or 'editor'; the caller keeps it, so a tab survives re-renders. */
export function WorkArea({ runId, nodes, files, shown, onShow }: { runId: string; nodes: string[]; files: EditorFile[]; shown: string; onShow: (tab: string) => void }) {
  return (
    <>
      <div className="tabs" role="tablist">
        {nodes.map((n) => (
          <button key={n} type="button" role="tab" aria-selected={shown === n} className={shown === n ? 'active' : ''} onClick={() => onShow(n)} data-testid={`tab-${n}`}>
            <span className="tab-icon" aria-hidden="true">▸</span> {n}
          </button>
        ))}
        <button type="button" role="tab" aria-selected={shown === 'editor'} className={shown === 'editor' ? 'active' : ''} onClick={() => onShow('editor')} data-testid="tab-editor">
          Editor
        </button>
      </div>
      <div className="work-area">
        {nodes.map((n) => (
          <div key={`${runId}-${n}`} className="work-pane" hidden={shown !== n}>
            <Terminal runId={runId} node={n} active={shown === n} />
          </div>
        ))}
        <div className="work-pane" hidden={shown !== 'editor'}>
          <EditorPanel runId={runId} nodes={nodes} files={files} />
        </div>
      </div>
    </>
  );
}
