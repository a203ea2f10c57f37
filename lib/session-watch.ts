// Open terminals outlive the request that authorised them, so their sessions are checked again:
// every half minute, and at once after a sign-out. A socket whose session was revoked, expired or
// now belongs to someone else is told why and closed.

export interface Watched {
  /** The Cookie header the socket was opened with. */
  cookie: string;
  userId: string;
  /** Tells the viewer why and closes the socket. */
  revoke(message: string): void;
}

/** Resolves a Cookie header to the signed-in user's id, or null when signed out. */
export type SessionResolver = (cookie: string) => Promise<string | null>;

export const REVALIDATE_EVERY_MS = 30_000;

export class SessionWatch {
  private readonly watched = new Set<Watched>();
  private running: Promise<void> | undefined;

  constructor(private readonly resolve: SessionResolver) {}

  /** Watches a socket until the returned function is called (when the socket closes). */
  watch(entry: Watched): () => void {
    this.watched.add(entry);
    return () => void this.watched.delete(entry);
  }

  /** Checks every watched session now; a check already running is joined. */
  recheck(): Promise<void> {
    this.running ??= this.checkAll().finally(() => (this.running = undefined));
    return this.running;
  }

  private async checkAll(): Promise<void> {
    for (const entry of [...this.watched]) {
      // An unreachable database is not a sign-out: keep the socket and look again next time.
      const userId = await this.resolve(entry.cookie).catch(() => entry.userId);
      if (userId === entry.userId) continue;
      this.watched.delete(entry);
      entry.revoke('You are signed out, so this terminal has closed. Sign in again to carry on: your sandbox is still there.');
    }
  }
}
