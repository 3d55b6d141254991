import pg from "pg";
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from "./backoff";
import { parseChange } from "./parse-change";
import { CHANGE_CHANNEL, type Change } from "./schema";

// One LISTEN connection per server process, fanned out to every open event stream. It starts
// with the first subscriber, reconnects with backoff when the connection drops (database
// restart, network), checks the connection with a ping so a silently dead socket is noticed,
// and closes a while after the last subscriber left. Subscribers hear { live: false } while it
// is down (changes may be missed) and { live: true } once it listens again (time to resync).

export type ListenerEvent = { type: "change"; change: Change } | { type: "status"; live: boolean };
export type ListenerSubscriber = (event: ListenerEvent) => void;

export type ListenerOptions = {
  connectionString: string;
  channel?: string;
  backoff?: BackoffOptions;
  /** Interval of the health query on the LISTEN connection. */
  pingMs?: number;
  /** How long the connection stays open after the last subscriber left. */
  lingerMs?: number;
  log?: (message: string) => void;
};

export class ChangeListener {
  readonly #options: Required<Omit<ListenerOptions, "log">> & Pick<ListenerOptions, "log">;
  readonly #subscribers = new Set<ListenerSubscriber>();
  #client: pg.Client | null = null;
  #live = false;
  #running = false;
  #closed = false;
  #attempt = 0;
  /** Bumped whenever the current connection is given up, so late callbacks of an old one do nothing. */
  #generation = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #pingTimer: ReturnType<typeof setInterval> | undefined;
  #lingerTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #liveWaiters = new Set<() => void>();

  constructor(options: ListenerOptions) {
    this.#options = { channel: CHANGE_CHANNEL, backoff: DEFAULT_BACKOFF, pingMs: 30_000, lingerMs: 60_000, ...options };
    if (!/^[a-z_][a-z0-9_]*$/.test(this.#options.channel)) throw new Error(`Invalid channel name "${this.#options.channel}".`);
  }

  /** Whether the connection is listening now. */
  get live(): boolean {
    return this.#live;
  }

  get subscriberCount(): number {
    return this.#subscribers.size;
  }

  /** Adds a subscriber (starting the connection if needed); the returned function removes it. */
  subscribe(subscriber: ListenerSubscriber): () => void {
    if (this.#closed) throw new Error("The change listener is closed.");
    this.#subscribers.add(subscriber);
    clearTimeout(this.#lingerTimer);
    this.#lingerTimer = undefined;
    this.#start();
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      this.#subscribers.delete(subscriber);
      if (this.#subscribers.size === 0) {
        this.#lingerTimer = setTimeout(() => this.#stop(), this.#options.lingerMs);
        this.#lingerTimer.unref?.();
      }
    };
  }

  /** Resolves true once listening, false after `timeoutMs` (for tests and diagnostics). */
  waitUntilLive(timeoutMs: number): Promise<boolean> {
    if (this.#live) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#liveWaiters.delete(done);
        resolve(this.#live);
      };
      const timer = setTimeout(done, timeoutMs);
      this.#liveWaiters.add(done);
    });
  }

  /** Ends the connection for good; subscribers are dropped. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#subscribers.clear();
    clearTimeout(this.#lingerTimer);
    await this.#stop();
  }

  #start() {
    if (this.#running || this.#closed) return;
    this.#running = true;
    this.#attempt = 0;
    void this.#connect();
  }

  async #stop() {
    this.#running = false;
    this.#generation++;
    clearTimeout(this.#retryTimer);
    clearInterval(this.#pingTimer);
    const client = this.#client;
    this.#client = null;
    this.#setLive(false, false);
    await client?.end().catch(() => undefined);
  }

  async #connect() {
    const generation = ++this.#generation;
    const client = new pg.Client({
      connectionString: this.#options.connectionString,
      application_name: "certboard-live",
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      query_timeout: 10_000,
    });
    let failed = false;
    const fail = (error?: unknown) => {
      if (failed) return;
      failed = true;
      client.removeAllListeners("notification");
      void client.end().catch(() => undefined);
      if (generation !== this.#generation || !this.#running) return;
      this.#client = null;
      clearInterval(this.#pingTimer);
      this.#setLive(false, true);
      const delay = backoffDelay(this.#attempt++, this.#options.backoff);
      this.#options.log?.(`live updates: connection lost (${describe(error)}); retrying in ${delay} ms`);
      this.#retryTimer = setTimeout(() => void this.#connect(), delay);
      this.#retryTimer.unref?.();
    };
    client.on("error", fail);
    client.on("end", () => fail(new Error("connection ended")));
    client.on("notification", (message) => {
      if (message.channel !== this.#options.channel) return;
      const change = parseChange(message.payload);
      if (change) this.#emit({ type: "change", change });
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.#options.channel}`);
    } catch (error) {
      fail(error);
      return;
    }
    if (failed) return;
    if (generation !== this.#generation || !this.#running) {
      failed = true;
      await client.end().catch(() => undefined);
      return;
    }
    this.#client = client;
    this.#attempt = 0;
    this.#pingTimer = setInterval(() => {
      client.query("SELECT 1").catch(fail);
    }, this.#options.pingMs);
    this.#pingTimer.unref?.();
    this.#setLive(true, true);
  }

  #setLive(live: boolean, announce: boolean) {
    if (this.#live === live) return;
    this.#live = live;
    if (live) for (const wake of [...this.#liveWaiters]) wake();
    if (announce) this.#emit({ type: "status", live });
  }

  #emit(event: ListenerEvent) {
    for (const subscriber of [...this.#subscribers]) {
      try {
        subscriber(event);
      } catch (error) {
        this.#options.log?.(`live updates: a subscriber failed (${describe(error)})`);
      }
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error ?? "unknown");
}
