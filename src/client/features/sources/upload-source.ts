import { SIGN_IN_SCHEME } from '../../../shared/api-session.ts';
import { errorEnvelopeSchema } from '../../../shared/envelope.ts';
import { SOURCE_UPLOAD_HEADERS, sourceUploadEnvelopeSchema, type SourceUploadResult } from '../../../shared/sources.ts';
import { apiPath } from '../../lib/api-client.ts';
import { ApiError } from '../../lib/api-error.ts';

export interface SourceUpload {
  file: File;
  /** The private key's PEM file, when the user gave one: read here, sent once, kept nowhere. */
  keyFile?: File | undefined;
}

/**
 * Sends a log file to the gateway's sources as the raw body, reporting upload progress in percent.
 * XMLHttpRequest rather than the api-client's `fetch`, because only it reports upload progress; the
 * answer is read as the api-client reads one (the shared schemas, one `ApiError`).
 */
export async function uploadSource(gw: string, { file, keyFile }: SourceUpload, onProgress: (percent: number) => void, signal?: AbortSignal): Promise<SourceUploadResult> {
  // PEM is ASCII; base64 because a header cannot carry its line breaks.
  const key = keyFile ? btoa(await keyFile.text()) : undefined;
  return new Promise<SourceUploadResult>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${apiPath('gateways', gw, 'sources')}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader(SOURCE_UPLOAD_HEADERS.fileName, encodeURIComponent(file.name));
    if (key) xhr.setRequestHeader(SOURCE_UPLOAD_HEADERS.privateKey, key);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.min(100, Math.floor((e.loaded / e.total) * 100)));
    };
    // The whole body has left the browser (small files may report no progress event before this).
    xhr.upload.onload = () => onProgress(100);
    xhr.onerror = () => reject(new ApiError(0, [{ message: 'The server could not be reached. Check that it is running, then retry.' }]));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    xhr.onload = () => {
      let json: unknown;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        reject(new ApiError(xhr.status, [{ message: `The server answered ${xhr.status} without a JSON body` }]));
        return;
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        const parsed = errorEnvelopeSchema.safeParse(json);
        reject(
          new ApiError(
            xhr.status,
            parsed.success && parsed.data.errors.length ? parsed.data.errors : [{ message: `Upload failed (${xhr.status})` }],
            undefined,
            xhr.status === 401 && (xhr.getResponseHeader('www-authenticate') ?? '').startsWith(SIGN_IN_SCHEME),
          ),
        );
        return;
      }
      const parsed = sourceUploadEnvelopeSchema.safeParse(json);
      if (parsed.success) resolve(parsed.data.result);
      else reject(new ApiError(xhr.status, [{ message: 'Unexpected answer from the server to the upload' }]));
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
