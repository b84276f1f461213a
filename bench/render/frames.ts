// Frames as the page sees them: when one starts, when its rendering is over, and in which one a change was painted.

export const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

/** Two frames: whatever the first one started (a render in its callbacks) is painted by the second one's start. */
export const painted = async () => {
  await nextFrame();
  return nextFrame();
};

/** The next task: a message channel, which unlike nested timers is not throttled to 4 ms. */
export const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
export const percentile = (values: number[], p: number) =>
  values.slice().sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

/** A change not painted after this many frames (10 s at 60 Hz) fails the bench instead of hanging it. */
const MAX_FRAMES = 600;

/** Where a change was painted, counted from when it was made. */
export interface PaintTiming {
  /** 1: in the frame being rendered when the change was made (made inside its callbacks) or, made between frames, the next one. */
  frames: number;
  /** From the change to the end of the frame's rendering. */
  ms: number;
}

/** When a change is made relative to frames: in a task between two frames, or inside a frame's callbacks. */
export type Arrival = 'between' | 'inFrame';

/**
 * Counts frames: a requestAnimationFrame loop marks each frame's start, and a task it posts runs once the frame's
 * rendering (its callbacks, style, layout, paint) is over, in Chromium one task. The loop's callback is the first of
 * each frame: it registers the next one before anything else in the frame can. A change made in a task between that
 * end and the next start is painted in the next frame; one made inside a frame's callbacks, in that frame.
 */
export class FrameClock {
  private frame = 0;
  private inFrame = false;
  private running = true;
  private frameEnded: Array<() => void> = [];
  private readonly channel = new MessageChannel();

  constructor() {
    this.channel.port1.onmessage = () => {
      this.inFrame = false;
      for (const callback of this.frameEnded.splice(0)) callback();
    };
    const tick = () => {
      if (!this.running) return;
      requestAnimationFrame(tick);
      this.frame++;
      this.inFrame = true;
      this.channel.port2.postMessage(null);
    };
    requestAnimationFrame(tick);
  }

  stop() {
    this.running = false;
    this.channel.port1.close();
  }

  /** Resolves in a task right after the current frame's rendering is over (or the next frame's, between frames). */
  frameEnd(): Promise<void> {
    return new Promise((resolve) => this.frameEnded.push(resolve));
  }

  /**
   * Makes a change at the given moment and resolves with the frame that painted it (`isPainted` checks the DOM).
   * `offsetMs`: how far into the gap between frames a change arrives (messages arrive at any time).
   */
  async change(arrival: Arrival, make: () => void, isPainted: () => boolean, offsetMs = 0): Promise<PaintTiming> {
    // Start from a settled frame.
    await this.frameEnd();
    await this.frameEnd();
    if (arrival === 'between') await delay(offsetMs);
    else await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    // Awaiting the frame callback's promise resumes in that callback's microtasks, still inside the frame.
    const first = this.inFrame ? this.frame : this.frame + 1;
    const t0 = performance.now();
    make();
    for (;;) {
      await this.frameEnd();
      if (isPainted()) return { frames: this.frame - first + 1, ms: performance.now() - t0 };
      if (this.frame - first > MAX_FRAMES) throw new Error(`A change was still not painted after ${MAX_FRAMES} frames.`);
    }
  }

  /** Resolves with the time from `t0` to the end of the first frame after which `isPainted()` holds. */
  async paintedSince(t0: number, isPainted: () => boolean): Promise<number> {
    for (let frames = 0; ; frames++) {
      await this.frameEnd();
      if (isPainted()) return performance.now() - t0;
      if (frames > MAX_FRAMES) throw new Error(`Still not painted after ${MAX_FRAMES} frames.`);
    }
  }
}
