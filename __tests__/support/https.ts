/** A loopback HTTPS server with a certificate made by openssl at test time. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Certificate {
  cert: string;
  key: string;
  certPath: string;
  keyPath: string;
}

export function makeCertificate(): Certificate {
  const dir = mkdtempSync(join(tmpdir(), 'dg-cert-'));
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8'), certPath, keyPath };
}

export interface HttpsFake {
  url: string;
  log: { method: string; path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

export async function startHttps(certificate: Certificate, handler: (req: IncomingMessage, res: ServerResponse, url: URL) => unknown): Promise<HttpsFake> {
  const log: HttpsFake['log'] = [];
  const server: Server = createServer({ cert: certificate.cert, key: certificate.key }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    log.push({ method: req.method ?? 'GET', path: `${url.pathname}${url.search}`, headers: req.headers });
    // A handler that fails answers 500, as a broken service would.
    Promise.resolve(handler(req, res, url)).catch(() => res.headersSent || res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
