import { describe, expect, it } from 'vitest';
import { FaultController } from './faults.ts';

const ok = async () => new Response('{"success":true}', { status: 200 });
const req = () => new Request('http://local/x');

describe('fault settings (test-only)', () => {
  it('refuses unknown fields and out-of-range values', () => {
    expect(() => new FaultController({ errorRate: 2 })).toThrow();
    expect(() => new FaultController(JSON.parse('{"latency":5}'))).toThrow();
    expect(() => new FaultController({ rateLimitEvery: 0 })).toThrow();
  });

  it('with no settings answers as the handler does', async () => {
    const res = await new FaultController().wrap(ok)(req());
    expect(res.status).toBe(200);
  });

  it('every Nth request is a 429 with retry-after, the others pass', async () => {
    const f = new FaultController({ rateLimitEvery: 3, retryAfterSeconds: 7 }).wrap(ok);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await f(req())).status);
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429]);
    const limited = await new FaultController({ rateLimitEvery: 1 }).wrap(ok)(req());
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await limited.json()).errors[0].code).toBe(10429);
  });

  it('the error rate answers a 500 envelope, by the injected random draw', async () => {
    const draws = [0.1, 0.9];
    const f = new FaultController({ errorRate: 0.5 }, () => draws.shift()!).wrap(ok);
    const first = await f(req());
    expect(first.status).toBe(500);
    expect(await first.json()).toMatchObject({ success: false, errors: [{ code: 10500 }] });
    expect((await f(req())).status).toBe(200);
  });

  it('a dropped connection sends headers, then its body fails', async () => {
    const res = await new FaultController({ dropRate: 1 }).wrap(ok)(req());
    await expect(res.text()).rejects.toThrow(/connection dropped/);
  });

  it('set() takes effect on the next request and clear() ends it', async () => {
    const c = new FaultController();
    const f = c.wrap(ok);
    c.set({ errorRate: 1 });
    expect((await f(req())).status).toBe(500);
    c.clear();
    expect(c.get()).toEqual({});
    expect((await f(req())).status).toBe(200);
  });
});
