/**
 * One HTTP(S) exchange with node's own stack (proxy-free, NODE_EXTRA_CA_CERTS honoured), shared by
 * the Durable HTTP API source, the ARM client, the GitHub OIDC token request and the health check.
 */
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { request as httpRequest, type IncomingMessage } from 'node:http';

export interface HttpResponse {
  status: number;
  body: string;
  headers: IncomingMessage['headers'];
}

export interface HttpRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Extra trusted CA certificates (PEM). */
  ca?: string | Buffer;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export function send(url: URL, request: HttpRequest = {}): Promise<HttpResponse> {
  const call = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const options: RequestOptions = {
    method: request.method ?? 'GET',
    headers: {
      ...(request.body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(request.body)) } : {}),
      ...request.headers,
    },
    timeout: request.timeoutMs ?? 30_000,
    ...(request.ca ? { ca: request.ca } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  };
  return new Promise((resolve, reject) => {
    const req = call(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(request.body);
  });
}

/** Retry-After in seconds or as an HTTP date, in milliseconds. */
export function retryAfter(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  const seconds = Number(text);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** A TLS failure said so that the reader knows what to do. */
export function tlsProblem(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return /CERT|SELF_SIGNED|TLS|SSL/i.test(code) ? `the TLS certificate was not accepted (${code}). For a private CA, point NODE_EXTRA_CA_CERTS at its certificate.` : undefined;
}

export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', done);
      resolve();
    }, ms);
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    signal?.addEventListener('abort', done, { once: true });
  });
