/**
 * A streamed answer of newline-delimited JSON: `run` writes lines with `emit` as it finds them and the
 * response carries each as soon as it is written (a Worker hands the ReadableStream to the platform; MSW
 * hands the same stream to the page). When the reader goes away (a new search cancels the fetch),
 * `signal` aborts so `run` stops asking other objects. A failure after the first line cannot change the
 * status any more: it becomes a last `{ type: 'error' }` line.
 */
export function ndjsonResponse(run: (emit: (line: unknown) => void, signal: AbortSignal) => Promise<void>): Response {
  const encoder = new TextEncoder();
  const abort = new AbortController();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const emit = (line: unknown) => {
        if (!abort.signal.aborted) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      };
      const close = () => {
        if (!abort.signal.aborted) controller.close();
      };
      run(emit, abort.signal).then(close, (error: unknown) => {
        emit({ type: 'error', code: 'internal', message: error instanceof Error ? error.message.slice(0, 300) : 'The search failed.' });
        close();
      });
    },
    cancel() {
      abort.abort();
    },
  });
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
  });
}
