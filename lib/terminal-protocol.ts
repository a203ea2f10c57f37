// The terminal WebSocket's wire format, spoken by server.ts/lib/terminals.ts and
// components/Terminal.tsx. Every frame is one JSON text message.
//
//   connect   GET /ws/terminal?run=RUN&node=NODE&tab=N&cols=C&rows=R[&watch=1]  (Upgrade: websocket)
//             watch=1: an instructor's live view, read-only (input and resizes are ignored).
//             The session cookie must belong to the run's student (or staff) and the Origin
//             must be Netdojo's own; otherwise the upgrade is answered 401/403/404 and closed.
//   client -> server
//     {"type":"input","data":"ls\r"}          keystrokes or pasted text
//     {"type":"resize","cols":120,"rows":32}  the terminal's size changed
//   server -> client
//     {"type":"output","data":"..."}          terminal output (UTF-8 text, escape codes intact)
//     {"type":"exit","code":0}                the shell ended; a new connection starts a new one
//     {"type":"error","message":"..."}        something the student should read; then close
//
// The shell belongs to the run, not to the connection: a connection that drops leaves it
// running, and the next connection to the same run/node/tab gets the recent output replayed
// and carries on in the same shell.
import { z } from 'zod';

export const TERMINAL_PATH = '/ws/terminal';

export const TerminalQuery = z.object({
  run: z.string().regex(/^[a-z0-9]{8,40}$/),
  node: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/),
  tab: z.coerce.number().int().min(0).max(7).default(0),
  cols: z.coerce.number().int().min(10).max(500).default(80),
  rows: z.coerce.number().int().min(4).max(200).default(24),
  watch: z.enum(['0', '1']).default('0'),
});
export type TerminalQuery = z.infer<typeof TerminalQuery>;

export const ClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('input'), data: z.string().max(64 * 1024) }),
  z.object({ type: z.literal('resize'), cols: z.int().min(10).max(500), rows: z.int().min(4).max(200) }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const ServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('output'), data: z.string() }),
  z.object({ type: z.literal('exit'), code: z.int() }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
