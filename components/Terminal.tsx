'use client';
// A shell in a lab node: xterm.js on the terminal WebSocket (protocol: lib/terminal-protocol.ts).
// The shell lives in the sandbox, so a dropped connection reconnects to it with backoff and the
// server replays the recent output.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal as XTerm } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import { TERMINAL_PATH, type ClientMessage, type ServerMessage } from '@/lib/terminal-protocol';

type Status = 'connecting' | 'connected' | 'reconnecting' | 'ended';

/** `watch`: an instructor's live view; the server ignores its input, so none is sent. */
export function Terminal({ runId, node, tab = 0, active, watch = false }: { runId: string; node: string; tab?: number; active: boolean; watch?: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const fitRef = useRef<FitAddon | null>(null);
  const [status, setStatus] = useState<Status>('connecting');
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!host.current) return;
    const term = new XTerm({
      cursorBlink: !watch,
      disableStdin: watch,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 14,
      // At 1.0 the row is exactly the font's height and the underscore, drawn below the baseline,
      // is clipped away: `_http._tcp` read as ` http. tcp`. A little leading keeps it on screen.
      lineHeight: 1.2,
      scrollback: 5000,
      theme: { background: '#0b0f14', foreground: '#d8dee9', cursor: '#39bae6', selectionBackground: '#33415580' },
    });
    const fit = new FitAddon();
    fitRef.current = fit;
    term.loadAddon(fit);
    term.open(host.current);
    fit.fit();

    let socket: WebSocket | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let disposed = false;
    let ended = false;
    const send = (message: ClientMessage) => {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    };

    // Copy and paste the way terminals on Linux do: Ctrl+Shift+C / Ctrl+Shift+V.
    term.attachCustomKeyEventHandler((event) => {
      if (event.type !== 'keydown' || !event.ctrlKey || !event.shiftKey) return true;
      if (event.code === 'KeyC' && term.hasSelection()) {
        void navigator.clipboard?.writeText(term.getSelection());
        return false;
      }
      if (event.code === 'KeyV') {
        void navigator.clipboard?.readText().then((text) => send({ type: 'input', data: text }));
        return false;
      }
      return true;
    });

    const connect = () => {
      const url = new URL(TERMINAL_PATH, window.location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      url.search = new URLSearchParams({ run: runId, node, tab: String(tab), cols: String(term.cols), rows: String(term.rows), ...(watch ? { watch: '1' } : {}) }).toString();
      socket = new WebSocket(url);
      let replayed = false;
      socket.onopen = () => {
        attempts = 0;
        setStatus('connected');
      };
      socket.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as ServerMessage;
        if (message.type === 'output') {
          // The first output after a reconnect is the server's replay: start from a clean screen.
          if (!replayed && attempts === 0 && term.buffer.active.length > term.rows) term.reset();
          replayed = true;
          term.write(message.data);
        } else if (message.type === 'exit') {
          ended = true;
          setStatus('ended');
          term.write(`\r\n\x1b[2m[shell exited with code ${message.code}; press Enter for a new one]\x1b[0m\r\n`);
        } else {
          ended = true;
          setStatus('ended');
          term.write(`\r\n\x1b[31m${message.message}\x1b[0m\r\n`);
        }
      };
      socket.onclose = () => {
        if (disposed || ended) return;
        setStatus('reconnecting');
        attempts += 1;
        retry = setTimeout(connect, Math.min(10_000, 500 * 2 ** Math.min(attempts, 5)));
      };
    };

    const input = term.onData((data) => {
      if (ended && data === '\r') {
        ended = false;
        term.reset();
        setStatus('connecting');
        connect();
        return;
      }
      send({ type: 'input', data });
    });
    const resize = term.onResize(({ cols, rows }) => send({ type: 'resize', cols, rows }));
    const observer = new ResizeObserver(() => {
      if (host.current?.offsetParent) fit.fit();
    });
    observer.observe(host.current);
    connect();

    return () => {
      disposed = true;
      clearTimeout(retry);
      observer.disconnect();
      input.dispose();
      resize.dispose();
      socket?.close();
      term.dispose();
      fitRef.current = null;
    };
  }, [runId, node, tab, generation, watch]);

  useEffect(() => {
    if (active) requestAnimationFrame(() => fitRef.current?.fit());
  }, [active]);

  return (
    <div className="terminal-pane" data-node={node} data-status={status}>
      {status !== 'connected' && (
        <div className="terminal-status">
          {status === 'reconnecting' ? 'Connection lost; reconnecting to the same shell…' : status === 'connecting' ? 'Connecting…' : 'Shell ended.'}
          {status === 'reconnecting' && <button type="button" className="link-button" onClick={() => setGeneration((g) => g + 1)}>Retry now</button>}
        </div>
      )}
      <div ref={host} className="terminal-host" />
    </div>
  );
}
