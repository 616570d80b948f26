/**
 * Azurite from npm (Table and Blob), in memory, on random loopback ports, telemetry off.
 * Started and stopped by the tests and the demo.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  tableUrl: string;
  blobUrl: string;
  connectionString: string;
  stop(): Promise<void>;
}

export async function startAzurite(options: { extraArgs?: string[]; https?: boolean } = {}): Promise<Azurite> {
  const script = join(createRequire(import.meta.url).resolve('azurite/package.json'), '..', 'dist', 'src', 'azurite.js');
  const location = mkdtempSync(join(tmpdir(), 'azurite-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      script,
      '--silent',
      '--inMemoryPersistence',
      '--disableTelemetry',
      '--skipApiVersionCheck',
      '--loose',
      '--blobPort',
      '0',
      '--queuePort',
      '0',
      '--tablePort',
      '0',
      '--blobHost',
      '127.0.0.1',
      '--tableHost',
      '127.0.0.1',
      '--queueHost',
      '127.0.0.1',
      ...(options.extraArgs ?? []),
    ],
    // In memory: nothing is written, but any stray file lands in a temporary folder.
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: location },
  );
  const ports = await new Promise<{ blob: string; table: string }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Azurite did not start within 30 s:\n${out}`)), 30_000);
    const found: { blob?: string; table?: string } = {};
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      for (const match of out.matchAll(/Azurite (Blob|Table) service is successfully listening at (\S+)/g)) {
        found[match[1] === 'Blob' ? 'blob' : 'table'] = match[2]!;
      }
      if (found.blob && found.table) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stderr!.off('data', onData);
        child.stdout!.resume();
        child.stderr!.resume();
        resolve({ blob: found.blob, table: found.table });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited (${code}):\n${out}`));
    });
  });
  const tableUrl = `${ports.table}/${DEV_ACCOUNT}`;
  const blobUrl = `${ports.blob}/${DEV_ACCOUNT}`;
  return {
    tableUrl,
    blobUrl,
    connectionString: `DefaultEndpointsProtocol=${options.https ? 'https' : 'http'};AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=${tableUrl};BlobEndpoint=${blobUrl};`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
