'use client';
// Replays a run's terminal recording with asciinema-player (bundled, no CDN), with the Checks'
// markers listed beside it to jump to.
import 'asciinema-player/dist/bundle/asciinema-player.css';
import { useEffect, useRef, useState } from 'react';

interface Marker {
  index: number;
  time: number;
  label: string;
}

export function Replay({ runId, name }: { runId: string; name: string }) {
  const host = useRef<HTMLDivElement>(null);
  const player = useRef<{ seek(location: { marker: number }): Promise<unknown>; dispose(): void } | null>(null);
  const [markers, setMarkers] = useState<Marker[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [at, setAt] = useState<string>('');

  useEffect(() => {
    let disposed = false;
    const url = `/api/runs/${runId}/recordings/${encodeURIComponent(name)}`;
    void (async () => {
      const res = await fetch(url).catch(() => null);
      if (!res?.ok) return setError('This recording could not be loaded.');
      const text = await res.text();
      // The markers are in the file as "m" events; the player jumps to them by index.
      const found: Marker[] = [];
      for (const line of text.split('\n').slice(1)) {
        if (!line) continue;
        const event = JSON.parse(line) as [number, string, string];
        if (event[1] === 'm') found.push({ index: found.length, time: event[0], label: event[2] });
      }
      const AsciinemaPlayer = await import('asciinema-player');
      if (disposed || !host.current) return;
      player.current = AsciinemaPlayer.create({ data: text }, host.current, { fit: 'width', terminalFontSize: '14px', idleTimeLimit: 2, theme: 'asciinema' });
      setMarkers(found);
    })();
    return () => {
      disposed = true;
      player.current?.dispose();
    };
  }, [runId, name]);

  async function jump(marker: Marker) {
    await player.current?.seek({ marker: marker.index });
    setAt(marker.label);
  }

  return (
    <div className="replay">
      {error && <p className="form-error" role="alert">{error}</p>}
      <div ref={host} className="replay-player" data-testid="replay" />
      {markers.length > 0 && (
        <ol className="markers" aria-label="Checks in this recording">
          {markers.map((m) => (
            <li key={m.index}>
              <button type="button" className="link-button" onClick={() => void jump(m)} data-testid={`marker-${m.index}`}>{m.label}</button> <span className="muted small">at {m.time.toFixed(1)} s</span>
            </li>
          ))}
        </ol>
      )}
      {at && <p className="muted small" data-testid="replay-at">Jumped to {at}</p>}
    </div>
  );
}
