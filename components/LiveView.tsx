'use client';
// The read-only terminals of a student's run, one tab per node.
import dynamic from 'next/dynamic';
import { useState } from 'react';

const Terminal = dynamic(() => import('./Terminal').then((m) => m.Terminal), { ssr: false });

export function LiveView({ runId, nodes, live }: { runId: string; nodes: string[]; live: boolean }) {
  const [node, setNode] = useState(nodes[0] ?? '');
  if (!live) return <main className="narrow"><p className="muted">This run has ended; its recording is on the replay page.</p></main>;
  return (
    <main className="player">
      <header className="player-bar"><div className="player-title"><span className="muted small">Live view, read-only</span><h1>Run {runId}</h1></div></header>
      <div className="tabs" role="tablist">
        {nodes.map((n) => <button key={n} type="button" role="tab" aria-selected={node === n} className={node === n ? 'active' : ''} onClick={() => setNode(n)}>{n}</button>)}
      </div>
      <div className="work-area">
        {nodes.map((n) => <div key={n} className="work-pane" hidden={node !== n}><Terminal runId={runId} node={n} active={node === n} watch /></div>)}
      </div>
    </main>
  );
}
