import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Counts whole seconds down to a moment (resend timers, rate limits); re-renders each tick. */
export class CountdownController implements ReactiveController {
  /** Seconds left; 0 when nothing is counting. */
  remaining = 0;
  #until = 0;
  #timer?: ReturnType<typeof setInterval>;

  constructor(private readonly host: ReactiveControllerHost, private readonly onDone?: () => void) {
    host.addController(this);
  }

  /** Starts counting `seconds` from now. */
  start(seconds: number): void {
    this.until(Date.now() + seconds * 1000);
  }

  /** Starts counting to a moment (a `Date`, an ISO string or epoch milliseconds). */
  until(moment: Date | string | number): void {
    this.#until = new Date(moment).getTime();
    this.#tick();
    clearInterval(this.#timer);
    if (this.remaining > 0) this.#timer = setInterval(() => this.#tick(), 1000);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.remaining = 0;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  hostConnected(): void {
    if (this.#until > Date.now() && !this.#timer) this.until(this.#until);
  }

  #tick(): void {
    const left = Math.max(0, Math.ceil((this.#until - Date.now()) / 1000));
    const finished = this.remaining > 0 && left === 0;
    this.remaining = left;
    if (left === 0) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
    this.host.requestUpdate();
    if (finished) this.onDone?.();
  }
}
