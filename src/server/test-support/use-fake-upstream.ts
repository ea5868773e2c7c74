import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.ts';

/**
 * One fake upstream for a test file: started before its tests, emptied (requests and answer logic)
 * before each, closed after. The handle is filled when the file starts, so use it inside tests and
 * hooks, not at the file's top level.
 */
export function useFakeUpstream(): FakeUpstream {
  const fake = {} as FakeUpstream;
  // The fake's methods close over its state rather than `this`, so copying them onto the handle is enough.
  beforeAll(async () => {
    Object.assign(fake, await startFakeUpstream());
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());
  return fake;
}
