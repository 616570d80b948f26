/**
 * Resolves the durable storage connection the way the Functions host does: `--connection <Name>`
 * (default AzureWebJobsStorage) names an app setting; its value is a connection string
 * (UseDevelopmentStorage=true included), or identity-based settings `<Name>__accountName`,
 * `<Name>__tableServiceUri`, `<Name>__blobServiceUri`, `<Name>__credential`, `<Name>__clientId`.
 * Settings come from the environment, then from the app's local.settings.json Values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AzureNamedKeyCredential, TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import { BlobServiceClient, StorageSharedKeyCredential, type StoragePipelineOptions } from '@azure/storage-blob';
import type { TokenCredential } from '@azure/core-auth';
import { RestError, type PipelinePolicy, type PipelineRequest } from '@azure/core-rest-pipeline';
import { brandedError, DurableGateError, UsageError } from '../../harness/errors.js';
import { bodySnippet } from '../http.js';
import { maskingCredential, secretSink } from '../secrets.js';
import { option } from '../option-names.js';

/** Azurite's well-known development account (public, documented by Microsoft). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface StorageConnection {
  /** What the connection is, for messages: never a secret. */
  describe: string;
  account: string;
  credentialKind: 'account key' | 'SAS' | 'managed identity' | 'token credential' | 'default Azure credential';
  tableClient(table: string): TableClient;
  blobService(): BlobServiceClient;
  /** Values that must never be printed (keys, SAS tokens): masked by the Action. */
  secrets: string[];
  /** Ends every request at once (a cancel, the command's deadline). */
  signal?: AbortSignal;
}

export interface ConnectionOptions {
  /** The app setting naming the connection. Default AzureWebJobsStorage. */
  setting?: string;
  env?: NodeJS.ProcessEnv;
  /** A function app folder whose local.settings.json Values are read after the environment. */
  appDir?: string;
  /** Used for identity-based connections instead of the one the settings select (tests, custom auth). */
  credential?: TokenCredential;
  /** Pipeline options for the SDK clients (retries). */
  clientOptions?: TableServiceClientOptions;
  /** Where the settings come from, for messages (default: the environment, and local.settings.json). */
  origin?: string;
  /** Ends every request of these clients at once (a cancel, the command's deadline). */
  signal?: AbortSignal;
}

/**
 * How long one request may take, connection to last byte. The SDK's own timeout only notices an
 * idle socket: a service that drips a byte a second would hold a request for ever.
 */
export const REQUEST_TIMEOUT_MS = 30_000;

/** The storage service answered with something it never sends: never counted as an empty result. */
export const ServiceAnswerError = brandedError('ServiceAnswerError', class extends DurableGateError {});
export type ServiceAnswerError = InstanceType<typeof ServiceAnswerError>;

/**
 * Each try of a request gets its own deadline (a timeout is retried like a reset) and the command's
 * signal (a cancel or the command's deadline ends it at once, without retries).
 */
export function requestDeadlinePolicy(signal: AbortSignal | undefined, timeoutMs = REQUEST_TIMEOUT_MS): PipelinePolicy {
  return {
    name: 'durableGateRequestDeadline',
    async sendRequest(request, next) {
      const callers = request.abortSignal;
      const own = AbortSignal.timeout(timeoutMs);
      request.abortSignal = AbortSignal.any([own, ...(callers ? [callers as AbortSignal] : []), ...(signal ? [signal] : [])]);
      try {
        return await next(request);
      } catch (error) {
        if (own.aborted && !signal?.aborted && !callers?.aborted) {
          throw new RestError(`no complete answer within ${timeoutMs / 1000} s`, { code: 'ETIMEDOUT', request });
        }
        throw error;
      } finally {
        request.abortSignal = callers;
      }
    },
  };
}

/**
 * The command's signal on the whole call, retries included: the SDK's wait between tries (up to
 * its longest back-off) ends with the command too, not only each try.
 */
export function commandSignalPolicy(signal: AbortSignal): PipelinePolicy {
  return {
    name: 'durableGateCommandSignal',
    async sendRequest(request, next) {
      const callers = request.abortSignal;
      request.abortSignal = callers ? AbortSignal.any([callers as AbortSignal, signal]) : signal;
      try {
        return await next(request);
      } finally {
        request.abortSignal = callers;
      }
    },
  };
}

/** Table service answers are checked before they count: a 2xx that is not a table page or an entity is an error, never an empty result. */
export const tableAnswerPolicy: PipelinePolicy = {
  name: 'durableGateTableAnswer',
  async sendRequest(request, next) {
    const response = await next(request);
    if (request.method === 'GET' && response.status >= 200 && response.status < 300) {
      checkTableAnswer(request, response.status, response.headers.get('content-type'), response.bodyAsText);
    }
    return response;
  },
};

/** What the Table service sends for a query (`Table()`, `Tables`): a JSON object with a `value` array; for a point read: one entity. */
export function checkTableAnswer(
  request: Pick<PipelineRequest, 'url'>,
  status: number,
  contentType: string | undefined,
  body: string | null | undefined,
): void {
  const path = decodeURIComponent(new URL(request.url).pathname);
  const pointRead = /\(PartitionKey=/.test(path);
  const expected = pointRead ? 'a table entity' : 'a table query page';
  const seen = (): string => {
    const text = bodySnippet(body);
    return text ? `'${text}'` : 'an empty body';
  };
  const refuse = (what: string): never => {
    throw new ServiceAnswerError(
      `the storage endpoint answered HTTP ${status} with ${what} where ${expected} was expected: something other than the Table service answered (a proxy, a firewall or sign-in page, a wrong endpoint). Nothing from this answer was counted; check the connection's TableEndpoint.`,
    );
  };
  if (!contentType || !/json/i.test(contentType)) refuse(`${contentType ? `content type ${contentType}` : 'no content type'} (${seen()})`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? '');
  } catch {
    refuse(`text that is not JSON (${seen()})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) refuse(`JSON that is not an object (${seen()})`);
  const record = parsed as Record<string, unknown>;
  if (
    pointRead
      ? typeof record.PartitionKey !== 'string'
      : !Array.isArray(record.value) || !record.value.every((row) => typeof row === 'object' && row !== null && !Array.isArray(row))
  ) {
    refuse(`JSON without ${pointRead ? 'a PartitionKey' : "a 'value' list of rows"} (${seen()})`);
  }
}

export function localSettings(appDir: string | undefined): Record<string, string> {
  if (!appDir) return {};
  try {
    const parsed = JSON.parse(readFileSync(join(appDir, 'local.settings.json'), 'utf8')) as { Values?: Record<string, unknown> };
    return Object.fromEntries(Object.entries(parsed.Values ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

export function parseConnectionString(text: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const segment of text.split(';')) {
    const at = segment.indexOf('=');
    if (at <= 0) continue;
    parts[segment.slice(0, at).trim().toLowerCase()] = segment.slice(at + 1).trim();
  }
  return parts;
}

/** Transient failures (429, 5xx, resets, timeouts) are retried by the SDK pipelines, honouring Retry-After. */
const RETRY: TableServiceClientOptions = { retryOptions: { maxRetries: 6, retryDelayInMs: 500, maxRetryDelayInMs: 15_000 } };
const BLOB_OPTIONS: StoragePipelineOptions = { retryOptions: { maxTries: 7, retryDelayInMs: 500, maxRetryDelayInMs: 15_000 } };

export function resolveConnection(options: ConnectionOptions = {}): StorageConnection {
  const setting = options.setting ?? 'AzureWebJobsStorage';
  const env = options.env ?? process.env;
  const local = localSettings(options.appDir);
  const lookup = (name: string): string | undefined => {
    const fromEnv = env[name] ?? env[name.replace(/__/g, ':')];
    return fromEnv !== undefined && fromEnv !== '' ? fromEnv : local[name] || undefined;
  };
  const clientOptions: TableServiceClientOptions = {
    ...RETRY,
    ...options.clientOptions,
    additionalPolicies: [
      ...(options.clientOptions?.additionalPolicies ?? []),
      ...(options.signal ? [{ policy: commandSignalPolicy(options.signal), position: 'perCall' as const }] : []),
      { policy: requestDeadlinePolicy(options.signal), position: 'perRetry' },
      { policy: tableAnswerPolicy, position: 'perRetry' },
    ],
  };
  const withSignal = (connection: StorageConnection): StorageConnection => (options.signal ? { ...connection, signal: options.signal } : connection);
  const value = lookup(setting);
  if (value) return withSignal(fromConnectionString(setting, value, clientOptions));
  const accountName = lookup(`${setting}__accountName`);
  const tableUri = lookup(`${setting}__tableServiceUri`) ?? (accountName ? `https://${accountName}.table.core.windows.net` : undefined);
  if (tableUri && !URL.canParse(tableUri))
    throw new UsageError(`${setting}__tableServiceUri is not a URL. Expected e.g. https://<account>.table.core.windows.net.`);
  const blobUri = lookup(`${setting}__blobServiceUri`) ?? (accountName ? `https://${accountName}.blob.core.windows.net` : undefined);
  if (tableUri) return withSignal(fromIdentity(setting, tableUri, blobUri, lookup, options.credential, clientOptions));
  if (options.origin)
    throw new UsageError(`${setting} is empty in ${options.origin}, and neither ${setting}__accountName nor ${setting}__tableServiceUri is set`);
  throw new UsageError(
    `no storage connection: the setting ${setting} is not set in the environment${options.appDir ? ' or in local.settings.json' : ''}, and neither is ${setting}__accountName or ${setting}__tableServiceUri. ` +
      `Set ${setting} to the task hub's storage connection string (or UseDevelopmentStorage=true for Azurite), or name the setting that holds it with ${option('connection')}.`,
  );
}

function fromConnectionString(setting: string, text: string, clientOptions: TableServiceClientOptions): StorageConnection {
  const parts = parseConnectionString(text);
  if (parts.usedevelopmentstorage === 'true') {
    const host = parts.developmentstorageproxyuri ?? 'http://127.0.0.1';
    return keyConnection(
      setting,
      DEV_ACCOUNT,
      DEV_KEY,
      `${host}:10002/${DEV_ACCOUNT}`,
      `${host}:10000/${DEV_ACCOUNT}`,
      clientOptions,
      'Azurite (UseDevelopmentStorage=true)',
    );
  }
  const account = parts.accountname;
  const protocol = parts.defaultendpointsprotocol ?? 'https';
  const suffix = parts.endpointsuffix ?? 'core.windows.net';
  const tableEndpoint = parts.tableendpoint ?? (account ? `${protocol}://${account}.table.${suffix}` : undefined);
  const blobEndpoint = parts.blobendpoint ?? (account ? `${protocol}://${account}.blob.${suffix}` : undefined);
  if (!tableEndpoint) {
    // A Durable Task Scheduler's string (Endpoint=...;Authentication=...) is read through the app's host.json.
    const scheduler = parts.endpoint !== undefined && parts.authentication !== undefined;
    throw new UsageError(
      scheduler
        ? `the setting ${setting} holds a Durable Task Scheduler connection string, not a storage one. durable-gate reads a scheduler through --app: the function app folder whose host.json sets extensions.durableTask.storageProvider.type to azureManaged.`
        : `the setting ${setting} is not a storage connection string: expected AccountName=...;AccountKey=... (or TableEndpoint=...), or UseDevelopmentStorage=true.`,
    );
  }
  for (const [name, endpoint] of [
    ['TableEndpoint', tableEndpoint],
    ['BlobEndpoint', blobEndpoint],
  ] as const) {
    if (endpoint !== undefined && !URL.canParse(endpoint)) {
      throw new UsageError(`the connection string in ${setting} has an invalid ${name} (not a URL). Expected e.g. https://<account>.table.core.windows.net.`);
    }
  }
  if (parts.accountkey && account) return keyConnection(setting, account, parts.accountkey, tableEndpoint, blobEndpoint, clientOptions);
  if (parts.sharedaccesssignature) {
    const sas = parts.sharedaccesssignature.replace(/^\?/, '');
    const name = account ?? accountOf(tableEndpoint);
    return {
      describe: `${setting}: storage account ${name} with a SAS token`,
      account: name,
      credentialKind: 'SAS',
      tableClient: (table) =>
        new TableClient(`${tableEndpoint}?${sas}`, table, { ...clientOptions, allowInsecureConnection: tableEndpoint.startsWith('http:') }),
      blobService: () => new BlobServiceClient(`${blobEndpoint ?? ''}?${sas}`, undefined, BLOB_OPTIONS),
      secrets: [sas, text],
    };
  }
  throw new UsageError(
    `the connection string in ${setting} has neither AccountKey nor SharedAccessSignature; durable-gate needs one of them, or identity-based settings (${setting}__accountName).`,
  );
}

function keyConnection(
  setting: string,
  account: string,
  key: string,
  tableEndpoint: string,
  blobEndpoint: string | undefined,
  clientOptions: TableServiceClientOptions,
  label?: string,
): StorageConnection {
  const tableCredential = new AzureNamedKeyCredential(account, key);
  return {
    describe: `${setting}: ${label ?? `storage account ${account} (${new URL(tableEndpoint).host})`} with an account key`,
    account,
    credentialKind: 'account key',
    tableClient: (table) =>
      new TableClient(tableEndpoint, table, tableCredential, { ...clientOptions, allowInsecureConnection: tableEndpoint.startsWith('http:') }),
    blobService: () =>
      new BlobServiceClient(blobEndpoint ?? tableEndpoint.replace('.table.', '.blob.'), new StorageSharedKeyCredential(account, key), BLOB_OPTIONS),
    secrets: [key],
  };
}

function fromIdentity(
  setting: string,
  tableUri: string,
  blobUri: string | undefined,
  lookup: (name: string) => string | undefined,
  injected: TokenCredential | undefined,
  clientOptions: TableServiceClientOptions,
): StorageConnection {
  const kind = (lookup(`${setting}__credential`) ?? '').toLowerCase();
  const clientId = lookup(`${setting}__clientId`);
  let credentialKind: StorageConnection['credentialKind'] = kind === 'managedidentity' ? 'managed identity' : 'default Azure credential';
  let credential: TokenCredential | undefined = injected;
  if (injected) credentialKind = 'token credential';
  const account = accountOf(tableUri);
  const getCredential = async (): Promise<TokenCredential> => {
    if (credential) return credential;
    const identity = await import('@azure/identity');
    const made =
      kind === 'managedidentity'
        ? new identity.ManagedIdentityCredential(clientId ? { clientId } : {})
        : new identity.DefaultAzureCredential(clientId ? { managedIdentityClientId: clientId } : {});
    // Storage tokens are masked like every other token (the Action reports them to core.setSecret).
    const sink = secretSink();
    credential = sink ? maskingCredential(made, sink) : made;
    return credential;
  };
  // The SDK clients take a credential object; this one defers creating the real one until a token is needed.
  const lazy: TokenCredential = { getToken: async (scopes, opts) => (await getCredential()).getToken(scopes, opts) };
  return {
    describe: `${setting}: storage account ${account} (identity-based, ${credentialKind}${clientId ? `, client id ${clientId}` : ''})`,
    account,
    credentialKind,
    tableClient: (table) => new TableClient(tableUri, table, lazy, { ...clientOptions, allowInsecureConnection: tableUri.startsWith('http:') }),
    blobService: () => new BlobServiceClient(blobUri ?? tableUri.replace('.table.', '.blob.'), lazy, BLOB_OPTIONS),
    secrets: [],
  };
}

/** The account a service URL names: the first host label, or the first path segment for
 * path-style URLs (Azurite, IP addresses, localhost). */
function accountOf(serviceUrl: string): string {
  const url = new URL(serviceUrl);
  const pathStyle = /^(\d+\.){3}\d+$|^localhost$|^\[/.test(url.hostname);
  return (pathStyle ? url.pathname.split('/').find(Boolean) : url.hostname.split('.')[0]) ?? url.host;
}
