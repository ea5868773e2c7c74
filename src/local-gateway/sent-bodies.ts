/**
 * The envelope object behind each JSON success response the local gateway built, for an in-process caller
 * (the BFF) to take as is instead of parsing the JSON text back. Keyed weakly by the Response: an entry
 * lives exactly as long as its response. The text is still there for every other reader, and a response
 * a fault wrapper or middleware replaced simply has no entry (the caller parses it then).
 */
const sent = new WeakMap<Response, unknown>();

export function rememberSentBody(response: Response, body: unknown): Response {
  sent.set(response, body);
  return response;
}

/** The object a success response was serialised from, or undefined when this process did not build it. */
export function sentBody(response: Response): unknown {
  return sent.get(response);
}
