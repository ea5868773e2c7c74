import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorEnvelopeSchema, pageOf } from '../../shared/envelope.ts';
import { logSchema } from '../../shared/logs.ts';
import { logSourcesEnvelopeSchema, SOURCE_UPLOAD_HEADERS, sourceUploadEnvelopeSchema } from '../../shared/sources.ts';
import { openLocalGateway, type LocalGateway } from '../../local-gateway/index.ts';
import { LineReader } from '../../local-gateway/import/line-reader.ts';
import { LocalSources } from '../../local-gateway/sync/upload-import.ts';
import { encryptField, logpushEvent, rsaKeyPair } from '../../test-support/logpush-fixtures.ts';
import { createApp } from '../app.ts';
import { MAX_BODY_BYTES } from '../security.ts';
import { localUpstream } from '../test-support/local.ts';
import { cloudflareApp } from '../test-support/bff.ts';

let dataDir: string;
let gateway: LocalGateway;
let sources: LocalSources;
let app: ReturnType<typeof createApp>;
const logLines: string[] = [];
const keys = rsaKeyPair();
const keyHeader = Buffer.from(keys.privateKeyPem).toString('base64');
// Encryption is randomised: the same file is these bytes, not the same events encrypted again.
let firstFile: Buffer;

/** A gzipped Logpush file of `n` events whose request bodies are encrypted to the test key. */
function logpushFile(n: number, { corruptLine, from = 0 }: { corruptLine?: number; from?: number } = {}): Buffer {
  const lines: string[] = [];
  for (let i = from; i < from + n; i++) {
    const event = logpushEvent(i, { Gateway: 'elsewhere', RequestBody: encryptField(JSON.stringify({ prompt: `question ${i}` }), keys.publicKey) });
    if (i - from + 1 === corruptLine) event.Metrics = { cost: 'free', durationMs: 10 };
    lines.push(JSON.stringify(event));
  }
  return gzipSync(`${lines.join('\n')}\n`);
}

function upload(file: Buffer, name: string, headers: Record<string, string> = {}) {
  return app.request('/api/gateways/default/sources', {
    method: 'POST',
    headers: { origin: 'http://localhost', 'content-type': 'application/octet-stream', [SOURCE_UPLOAD_HEADERS.fileName]: encodeURIComponent(name), ...headers },
    body: new Uint8Array(file),
  });
}

const total = async () => pageOf(logSchema).parse(await (await app.request('/api/gateways/default/logs?per_page=1')).json()).result_info?.total_count ?? 0;
const listSources = async () => logSourcesEnvelopeSchema.parse(await (await app.request('/api/gateways/default/sources')).json()).result;

beforeAll(async () => {
  firstFile = logpushFile(2000);
  dataDir = await mkdtemp(join(tmpdir(), 'sources-test-'));
  gateway = await openLocalGateway({ dataDir, seedLogs: 300, evaluationDelayMs: 0 });
  sources = new LocalSources(dataDir);
  const upstream = localUpstream(gateway);
  app = createApp({ upstream, localSources: sources, log: (line) => logLines.push(line) });
});
afterAll(async () => {
  await sources.close();
  await gateway.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('log sources (local mode)', () => {
  it('lists the seeded demo logs as the one source of a fresh gateway', async () => {
    const list = await listSources();
    expect(list).toEqual([expect.objectContaining({ kind: 'seed', logs: await total() })]);
  });

  it('streams a gzipped Logpush upload over the API body limit into the current gateway, decrypting with the key', async () => {
    const before = await total();
    const file = firstFile;
    expect(file.length).toBeGreaterThan(MAX_BODY_BYTES);
    const res = await upload(file, 'ai_gateway_events 1.log.gz', { [SOURCE_UPLOAD_HEADERS.privateKey]: keyHeader });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    expect(sourceUploadEnvelopeSchema.parse(JSON.parse(text)).result).toEqual({
      file_name: 'ai_gateway_events 1.log.gz',
      imported: 2000,
      already_present: 0,
      kept_out: 0,
      lines: 2000,
    });
    // The events name another gateway; an upload goes to the gateway it was made in.
    expect(await total()).toBe(before + 2000);
    const list = await listSources();
    expect(list[0]).toMatchObject({ kind: 'file', label: 'ai_gateway_events 1.log.gz', logs: 2000 });
    expect(list.find((s) => s.kind === 'seed')?.logs).toBe(before);
  });

  it('adds nothing when the same file comes again, counting its lines as already present', async () => {
    const before = await total();
    const res = await upload(firstFile, 'ai_gateway_events 1.log.gz', { [SOURCE_UPLOAD_HEADERS.privateKey]: keyHeader });
    expect(sourceUploadEnvelopeSchema.parse(await res.json()).result).toMatchObject({ imported: 0, already_present: 2000 });
    expect(await total()).toBe(before);
    expect((await listSources()).filter((s) => s.kind === 'file')).toEqual([expect.objectContaining({ logs: 2000 })]);
  });

  it('refuses a file with a corrupt line, naming file, line and field, and stores nothing of it', async () => {
    const before = await total();
    const sourcesBefore = await listSources();
    const res = await upload(logpushFile(50, { from: 5000, corruptLine: 37 }), 'broken.log.gz');
    expect(res.status).toBe(400);
    const errors = errorEnvelopeSchema.parse(await res.json()).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^broken\.log\.gz: line 37: Metrics\.cost .*nothing of it stored/);
    expect(errors[0]!.path).toEqual(['file']);
    expect(await total()).toBe(before);
    expect(await listSources()).toEqual(sourcesBefore);
  });

  it('refuses an unusable key without reading the file or repeating the key', async () => {
    const before = await total();
    const bogus = Buffer.from('-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n').toString('base64');
    const res = await upload(logpushFile(5, { from: 9000 }), 'other.log.gz', { [SOURCE_UPLOAD_HEADERS.privateKey]: bogus });
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(errorEnvelopeSchema.parse(JSON.parse(body)).errors[0]).toMatchObject({ path: ['private_key'] });
    expect(body).not.toContain('not a key');
    expect(await total()).toBe(before);
  });

  it('never puts the key in an answer or a log line', async () => {
    const keyBody = keys.privateKeyPem.split('\n')[1]!;
    const answers = [
      await (await upload(logpushFile(3, { from: 7000 }), 'k1.log.gz', { [SOURCE_UPLOAD_HEADERS.privateKey]: keyHeader })).text(),
      await (await upload(logpushFile(3, { from: 7100, corruptLine: 2 }), 'k2.log.gz', { [SOURCE_UPLOAD_HEADERS.privateKey]: keyHeader })).text(),
      await (await app.request('/api/gateways/default/sources')).text(),
    ];
    for (const text of [...answers, logLines.join('\n')]) {
      expect(text).not.toContain(keyBody);
      expect(text).not.toContain(keyHeader.slice(0, 64));
    }
  });

  it('keeps the serving thread free during a large upload: no line is read on it, and other requests answer meanwhile', async () => {
    const before = await total();
    // 30,000 events, gzipped; the body is handed out in 16 KiB chunks as a socket would, and half-way it
    // waits until another request has been answered, so that request is served while the upload is being read.
    const lines = Array.from({ length: 30_000 }, (_, i) => JSON.stringify(logpushEvent(20_000 + i, { Gateway: 'elsewhere' })));
    const file = gzipSync(`${lines.join('\n')}\n`);
    let otherAnswered!: () => void;
    const answered = new Promise<void>((resolve) => (otherAnswered = resolve));
    const events: string[] = [];
    let at = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          if (at >= file.length) {
            events.push('body sent');
            return controller.close();
          }
          if (at >= file.length / 2 && at - 16384 < file.length / 2) {
            events.push('body half sent');
            await answered;
          }
          controller.enqueue(new Uint8Array(file.subarray(at, (at += 16384))));
        },
      },
      { highWaterMark: 0 },
    );
    const onThisThread = vi.spyOn(LineReader.prototype, 'read');
    try {
      const uploaded = Promise.resolve(
        app.request('/api/gateways/default/sources', {
          method: 'POST',
          headers: { origin: 'http://localhost', 'content-type': 'application/octet-stream', [SOURCE_UPLOAD_HEADERS.fileName]: encodeURIComponent('large.log.gz') },
          body,
          duplex: 'half',
        } as RequestInit),
      ).then((res) => {
        events.push('upload answered');
        return res;
      });
      while (!events.includes('body half sent')) await new Promise((r) => setTimeout(r, 5));
      const other = await app.request('/api/gateways/default/sources');
      expect(other.status).toBe(200);
      events.push('other request answered');
      otherAnswered();
      const res = await uploaded;
      expect(res.status).toBe(200);
      expect(sourceUploadEnvelopeSchema.parse(await res.json()).result).toMatchObject({ imported: 30_000, lines: 30_000 });
      expect(events).toEqual(['body half sent', 'other request answered', 'body sent', 'upload answered']);
      // Parsing, checking and decrypting a line is LineReader.read: it ran on the reading thread, never here.
      expect(onThisThread).not.toHaveBeenCalled();
      expect(await total()).toBe(before + 30_000);
    } finally {
      onThisThread.mockRestore();
    }
  });

  it('refuses a missing file name, a path as a name, and an unknown gateway', async () => {
    const noName = await app.request('/api/gateways/default/sources', { method: 'POST', headers: { origin: 'http://localhost' }, body: new Uint8Array(logpushFile(1)) });
    expect(noName.status).toBe(400);
    expect(errorEnvelopeSchema.parse(await noName.json()).errors[0]!.path).toEqual(['body', 'file_name']);
    expect((await upload(logpushFile(1), '../etc/passwd')).status).toBe(400);
    const unknown = await app.request('/api/gateways/nosuch/sources');
    expect(unknown.status).toBe(404);
  });
});

describe('log sources (Cloudflare mode)', () => {
  it('answers 404: the logs stay at Cloudflare', async () => {
    const cf = cloudflareApp('http://127.0.0.1:9/client/v4');
    const res = await cf.request('/api/gateways/default/sources');
    expect(res.status).toBe(404);
    expect(errorEnvelopeSchema.parse(await res.json()).errors[0]!.message).toMatch(/Cloudflare mode/);
  });
});
