/**
 * The set-up of the fault-injection suites: Azurite with a task hub of in-flight instances (hostile
 * ids among them), a fault proxy in front of its Table endpoint, and a sign-in page on loopback
 * where a redirect may lead.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { resolveConnection } from '../../src/taskhub/connection.js';
import { repoRoot } from '../helpers/apps.js';
import { startAzurite, type Azurite } from './azurite.js';
import { startFaultProxy, type Fault, type FaultProxy } from './fault-proxy.js';
import { processOrderHistory } from './orders.js';
import { TaskHubSeeder } from './taskhub.js';

export const CLI = join(repoRoot, 'dist', 'cli', 'index.js');
export const ACTION = join(repoRoot, 'dist', 'index.js');
export const HUB = 'FaultHub';
/** Instance ids a file system or a terminal would choke on. */
export const HOSTILE_IDS = ['x'.repeat(300), 'é'.repeat(100), '😀'.repeat(60), 'CON', '../../escape', 'a/b\\c'];

export interface FaultHub {
  azurite: Azurite;
  proxy: FaultProxy;
  /** A page that answers 200 with HTML. */
  signInUrl: string;
  /** The storage connection with the proxy as Table endpoint (blobs go straight to Azurite). */
  viaProxy(proxy?: FaultProxy): NodeJS.ProcessEnv;
  /** The gate command on the hub, with a short timeout and interval; later options win. */
  gate(...extra: string[]): string[];
  stop(): Promise<void>;
}

export async function startFaultHub(): Promise<FaultHub> {
  const azurite = await startAzurite();
  const seeder = new TaskHubSeeder(resolveConnection({ env: { AzureWebJobsStorage: azurite.connectionString } }), HUB);
  await seeder.create();
  await seeder.write({ instanceId: 'late-1', events: processOrderHistory({ orderId: 'late-1', stage: 'charge' }).build() });
  await seeder.write({ instanceId: 'early-1', events: processOrderHistory({ orderId: 'early-1', stage: 'validate' }).build() });
  for (const id of HOSTILE_IDS) await seeder.write({ instanceId: id, events: processOrderHistory({ orderId: id, stage: 'validate' }).build() });
  const proxy = await startFaultProxy(azurite.tableUrl);
  const html: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Sign in</body></html>'));
  await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', resolve));
  const key = /AccountKey=([^;]+)/.exec(azurite.connectionString)![1]!;
  return {
    azurite,
    proxy,
    signInUrl: `http://127.0.0.1:${(html.address() as AddressInfo).port}/login`,
    viaProxy: (through = proxy) => ({
      AzureWebJobsStorage: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${key};TableEndpoint=${through.url};BlobEndpoint=${azurite.blobUrl};`,
    }),
    gate: (...extra) => [CLI, 'gate', '--task-hub', HUB, '--timeout', '3s', '--interval', '500ms', ...extra],
    stop: async () => {
      await proxy.close();
      await new Promise((resolve) => html.close(resolve));
      await azurite.stop();
    },
  };
}

/** The same fault for every request whose URL matches, the others forwarded. */
export const only =
  (pattern: RegExp, fault: Fault) =>
  (request: { url: string }): Fault =>
    pattern.test(request.url) ? fault : { kind: 'pass' };
