import { z } from 'zod';
import { ERROR_CODES, errorEnvelope } from '../shared/envelope.ts';

/**
 * TEST-ONLY fault injection for the local gateway: it lets tests and e2e journeys see how the console
 * behaves when its upstream is slow, failing, rate limiting or dropping connections. Off unless a test
 * (or the test-only server entry point, src/server/test-support/start-with-faults.ts) turns it on; the
 * product never wraps the local gateway with it.
 */
export const faultSettingsSchema = z
  .object({
    /** Added before every answer. */
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    /** Fraction (0–1) of requests answered 500 with Cloudflare's error envelope. */
    errorRate: z.number().min(0).max(1).optional(),
    /** Every Nth request is answered 429 with `retry-after`. */
    rateLimitEvery: z.number().int().min(1).max(1_000_000).optional(),
    /** The 429's retry-after, in seconds (default 2: longer than the BFF's own one-retry budget). */
    retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
    /** Fraction (0–1) of requests whose connection drops after the headers (the body errors). */
    dropRate: z.number().min(0).max(1).optional(),
  })
  .strict();
export type FaultSettings = z.infer<typeof faultSettingsSchema>;

type Handler = (request: Request) => Promise<Response>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function envelopeResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/**
 * A dropped connection: headers arrive, then the body stream fails. In-process, reading the body rejects;
 * served over HTTP, the server aborts the socket mid-response, which is what a client sees of a real drop.
 */
function droppedResponse(): Response {
  const body = new ReadableStream({
    start(controller) {
      controller.error(new Error('connection dropped (test fault)'));
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
}

/** Holds the current settings; swapping them takes effect on the next request. */
export class FaultController {
  private settings: FaultSettings = {};
  private count = 0;

  constructor(
    initial: FaultSettings = {},
    /** Injected so tests can make the rates deterministic. */
    private readonly random: () => number = Math.random,
  ) {
    this.set(initial);
  }

  /** Validates and replaces the settings (and restarts the every-Nth counter). */
  set(settings: unknown): FaultSettings {
    this.settings = faultSettingsSchema.parse(settings);
    this.count = 0;
    return this.get();
  }

  get(): FaultSettings {
    return { ...this.settings };
  }

  clear() {
    this.set({});
  }

  /** Wraps a handler; with no settings it adds nothing but a counter. */
  wrap(handler: Handler): Handler {
    return async (request) => {
      const s = this.settings;
      this.count += 1;
      if (s.latencyMs) await sleep(s.latencyMs);
      if (s.rateLimitEvery && this.count % s.rateLimitEvery === 0) {
        return envelopeResponse(
          429,
          errorEnvelope([{ code: ERROR_CODES.rateLimited, message: 'Rate limited (test fault)' }]),
          { 'retry-after': String(s.retryAfterSeconds ?? 2) },
        );
      }
      if (s.errorRate && this.random() < s.errorRate) {
        return envelopeResponse(500, errorEnvelope([{ code: ERROR_CODES.internal, message: 'Internal error (test fault)' }]));
      }
      if (s.dropRate && this.random() < s.dropRate) return droppedResponse();
      return handler(request);
    };
  }
}
