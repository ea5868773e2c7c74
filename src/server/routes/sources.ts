import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { ERROR_CODES } from '../../shared/envelope.ts';
import {
  SOURCE_UPLOAD_HEADERS,
  syncActionSchema,
  uploadFileNameSchema,
  type LogSource,
  type SourceUploadResult,
  type SyncAction,
  type SyncJob,
  type SyncStatus,
} from '../../shared/sources.ts';
import { jsonBody, ok, RequestError, validate } from '../http.ts';
import { limitBody } from '../security.ts';
import { onlyMethods } from './deps.ts';
import { gatewayParam } from './params.ts';

/** What an upload's import answered (the local gateway's streaming importer). */
export type SourceUploadOutcome =
  | { ok: true; lines: number; imported: number; alreadyPresent: number; keptOut: number }
  | { ok: false; errors: string[] }
  | { ok: false; keyProblem: string };

/**
 * The local gateway's log sources, handed to the app by the server's entry point in local mode (the BFF
 * never imports the local gateway itself). Cloudflare mode has none: its logs stay at Cloudflare.
 */
export interface LocalSourcesAccess {
  /** The gateway's sources, most recent first; undefined when there is no such gateway. */
  list(gatewayId: string): LogSource[] | undefined;
  upload(body: ReadableStream<Uint8Array>, options: { gatewayId: string; fileName: string; privateKeyPem?: Buffer | undefined }): Promise<SourceUploadOutcome>;
  /** The gateway's sync: whether the server has an account for it, the last time it was up to date, its job. */
  syncStatus(gatewayId: string): SyncStatus;
  /** `conflict`: the action does not fit the job's state (pausing a sync that is not running, say). */
  syncAction(gatewayId: string, action: SyncAction['action']): Promise<{ ok: true; job: SyncJob } | { ok: false; conflict: string }>;
}

const SOURCES_PATH = /^\/api\/gateways\/[^/]+\/sources$/;

/**
 * The API's 256 KiB body limit, lifted for an upload alone: a Logpush file may be any size, and the route
 * streams it to the importer's reading thread as fast as that takes it (memory stays a few chunks), never
 * holding it whole.
 */
export const limitBodyExceptUploads: MiddlewareHandler = (c, next) =>
  c.req.method === 'POST' && SOURCES_PATH.test(c.req.path) ? next() : limitBody(c, next);

/** Reads the rest of a body and drops it, so a refusal reaches a browser that is still sending. */
async function drain(body: ReadableStream<Uint8Array>): Promise<void> {
  if (body.locked) return;
  const reader = body.getReader();
  try {
    while (!(await reader.read()).done);
  } catch {
    // The client went away: nothing left to answer.
  } finally {
    reader.releaseLock();
  }
}

function fileNameOf(c: Context): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(c.req.header(SOURCE_UPLOAD_HEADERS.fileName) ?? '');
  } catch {
    throw new RequestError(400, [{ code: ERROR_CODES.invalidInput, message: 'The file name header is not URI-encoded', path: ['file_name'] }]);
  }
  return validate('body', z.object({ file_name: uploadFileNameSchema }), { file_name: decoded }).file_name;
}

/** The key header's bytes, or undefined; the header's text is never repeated in an answer. */
function privateKeyOf(c: Context): Buffer | undefined {
  const header = c.req.header(SOURCE_UPLOAD_HEADERS.privateKey);
  if (header === undefined || header === '') return undefined;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(header))
    throw new RequestError(400, [{ code: ERROR_CODES.invalidInput, message: 'The private key must be sent base64-encoded', path: ['private_key'] }]);
  return Buffer.from(header, 'base64');
}

export function sourceRoutes({ sources }: { sources: LocalSourcesAccess | undefined }) {
  const r = new Hono();
  const path = '/gateways/:gw/sources';

  const need = (gw: string): LocalSourcesAccess => {
    if (!sources)
      throw new RequestError(404, [{ code: ERROR_CODES.noRoute, message: 'Log sources are kept by the local gateway; this console runs in Cloudflare mode' }]);
    if (!sources.list(gw)) throw new RequestError(404, [{ code: ERROR_CODES.notFound, message: `Gateway ${gw} not found`, path: ['gw'] }]);
    return sources;
  };

  r.get(path, (c) => {
    const gw = gatewayParam(c);
    return ok(c, need(gw).list(gw)!.map(({ kind, label, logs, at }) => ({ kind, label, logs, at })));
  });

  r.post(path, async (c) => {
    const gw = gatewayParam(c);
    const access = need(gw);
    const fileName = fileNameOf(c);
    const privateKeyPem = privateKeyOf(c);
    const empty = () => new RequestError(400, [{ code: ERROR_CODES.invalidInput, message: `${fileName}: the file is empty`, path: ['file'] }]);
    const body = c.req.raw.body;
    if (!body) throw empty();
    const outcome = await access.upload(body, { gatewayId: gw, fileName, privateKeyPem });
    await drain(body);
    if (outcome.ok && outcome.lines === 0) throw empty();
    if (!outcome.ok) {
      if ('keyProblem' in outcome)
        throw new RequestError(400, [{ code: ERROR_CODES.invalidInput, message: `The private key is ${outcome.keyProblem}`, path: ['private_key'] }]);
      throw new RequestError(
        400,
        outcome.errors.map((e) => ({ code: ERROR_CODES.invalidInput, message: `${fileName}: ${e} (file refused, nothing of it stored)`, path: ['file'] })),
      );
    }
    const result: SourceUploadResult = {
      file_name: fileName,
      imported: outcome.imported,
      already_present: outcome.alreadyPresent,
      kept_out: outcome.keptOut,
      lines: outcome.lines,
    };
    return ok(c, result);
  });
  onlyMethods(r, path, ['GET', 'POST']);

  const syncPath = '/gateways/:gw/sources/sync';
  r.get(syncPath, (c) => {
    const gw = gatewayParam(c);
    return ok(c, need(gw).syncStatus(gw));
  });
  r.post(syncPath, async (c) => {
    const gw = gatewayParam(c);
    const access = need(gw);
    const { action } = validate('body', syncActionSchema, await jsonBody(c));
    const status = access.syncStatus(gw);
    if (!status.configured)
      throw new RequestError(400, [{ code: ERROR_CODES.invalidInput, message: `Sync is not set up on the server: ${status.missing ?? ''}`, path: ['action'] }]);
    const done = await access.syncAction(gw, action);
    if (!done.ok) throw new RequestError(400, [{ code: ERROR_CODES.invalidInput, message: done.conflict, path: ['action'] }]);
    return ok(c, access.syncStatus(gw));
  });
  onlyMethods(r, syncPath, ['GET', 'POST']);
  return r;
}
