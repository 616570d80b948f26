/**
 * Reads a task hub in Azure Storage (DurableTask.AzureStorage layout; docs/runtime-rules.md §7):
 * `<hub>Instances` for what is in flight, `<hub>History` for histories, large values in the
 * `<hub lower-case>-largemessages` blob container.
 */
import { gunzipSync } from 'node:zlib';
import { createDefaultHttpClient, createHttpHeaders, createPipelineRequest, type HttpClient } from '@azure/core-rest-pipeline';
import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import { brandedError, DurableGateError, UsageError } from '../../harness/errors.js';
import { resolveConnection, type StorageConnection } from './connection.js';
import { escapePartitionKey, unescapePartitionKey } from './keys.js';
import { option } from '../option-names.js';

/** Statuses an instance can resume from on new code: the gate waits for these by default. */
export const IN_FLIGHT_STATUSES = ['Pending', 'Running', 'Suspended', 'ContinuedAsNew'] as const;
export const ALL_STATUSES = ['Pending', 'Running', 'Completed', 'ContinuedAsNew', 'Failed', 'Canceled', 'Terminated', 'Suspended'] as const;

export interface InstanceSummary {
  instanceId: string;
  name: string;
  version?: string;
  executionId?: string;
  runtimeStatus: string;
  createdTime?: string;
  lastUpdatedTime?: string;
}

export interface InstanceQuery {
  statuses: readonly string[];
  createdAfter?: Date;
  /** Orchestrator names, case-insensitive. */
  names?: readonly string[];
  /** Exact instance ids: read one by one, the other filters still apply. */
  instanceIds?: readonly string[];
  /** Rows per page asked of the service. */
  pageSize?: number;
}

/** What the gate needs of a task hub: the provider-agnostic source (Azure Tables or the HTTP API). */
export interface InFlightSource {
  describe: string;
  instances(query: InstanceQuery): AsyncIterable<InstanceSummary>;
}

/** A task hub whose histories can be read: what record and the gate's judge need (Azure Tables or the Durable Task Scheduler). */
export interface HistorySource extends InFlightSource {
  readonly taskHub: string;
  /** Where histories come from, for messages (the History table, or the scheduler). */
  readonly historyTable: string;
  /** An instance's history: table rows, or events (the scheduler's); none when it has none. */
  historyRows(instanceId: string): Promise<RecordedRows>;
  /** Azure Storage: the hub's tables do not exist yet (nothing has ever run there). */
  readonly neverRan?: boolean;
}

export interface RecordedRows {
  /** History rows as the table holds them, large values fetched back into their columns. */
  rows: Record<string, unknown>[];
  /** Large values fetched from blobs. */
  blobs: number;
}

/** The service said no in a way retrying cannot fix: says which table, account and credential. */
export const TaskHubAccessError = brandedError('TaskHubAccessError', class extends DurableGateError {});
export type TaskHubAccessError = InstanceType<typeof TaskHubAccessError>;

let sharedHttpClient: HttpClient | undefined;
function httpClient(): HttpClient {
  return (sharedHttpClient ??= createDefaultHttpClient());
}

const REPEATED_CONTINUATION =
  'the service sent a continuation token it had sent before, so the listing would never end. Something other than the Table service is answering (a proxy or a wrong endpoint); nothing from these answers was counted.';

/** More rows than any history the runtime writes: DurableTask.Core's replay would not get through it. */
const MAX_HISTORY_ROWS = 1_000_000;

/** One large-message blob, whole: they hold at most a few MB of compressed JSON. */
const BLOB_TIMEOUT_MS = 120_000;

const INSTANCE_COLUMNS = ['PartitionKey', 'Name', 'Version', 'ExecutionId', 'RuntimeStatus', 'CreatedTime', 'LastUpdatedTime'];

export class AzureTablesTaskHub implements InFlightSource {
  readonly instancesTable: string;
  readonly historyTable: string;
  readonly container: string;
  private readonly instancesClient: TableClient;
  private readonly historyClient: TableClient;

  constructor(
    private readonly connection: StorageConnection,
    readonly taskHub: string,
    private readonly options: {
      trackingPrefix?: string;
      /**
       * A hub whose Instances table does not exist has nothing in flight (its code never ran). Only
       * for hubs discovered from a slot's own settings: a typed --task-hub gets an error instead.
       */
      missingIsEmpty?: boolean;
    } = {},
  ) {
    if (!/^[A-Za-z][A-Za-z0-9]{2,44}$/.test(taskHub)) {
      throw new UsageError(
        `Invalid task hub name '${taskHub}'. Expected 3 to 45 letters and digits, starting with a letter (host.json extensions.durableTask.hubName).`,
      );
    }
    const prefix = this.options.trackingPrefix ?? taskHub;
    this.instancesTable = `${prefix}Instances`;
    this.historyTable = `${prefix}History`;
    this.container = `${taskHub.toLowerCase()}-largemessages`;
    this.instancesClient = connection.tableClient(this.instancesTable);
    this.historyClient = connection.tableClient(this.historyTable);
  }

  /** Set when the hub's Instances table was found missing (with missingIsEmpty): nothing ever ran there. */
  neverRan = false;

  get describe(): string {
    return `task hub ${this.taskHub} (${this.connection.describe})`;
  }

  async *instances(query: InstanceQuery): AsyncGenerator<InstanceSummary> {
    const names = query.names?.map((n) => n.toLowerCase());
    const keep = (row: InstanceSummary): boolean =>
      query.statuses.includes(row.runtimeStatus) &&
      (!names || names.includes(row.name.toLowerCase())) &&
      (!query.createdAfter || (row.createdTime !== undefined && Date.parse(row.createdTime) >= query.createdAfter.getTime()));
    if (query.instanceIds) {
      for (const id of new Set(query.instanceIds)) {
        if (id.startsWith('@')) continue; // a durable entity, never an orchestration in flight
        const row = await this.guard(this.instancesTable, async () => {
          try {
            return await this.instancesClient.getEntity(escapePartitionKey(id), '', { queryOptions: { select: INSTANCE_COLUMNS } });
          } catch (error) {
            if ((error as { statusCode?: number }).statusCode === 404 && !this.tableMissing(error)) return undefined;
            throw error;
          }
        });
        const summary = row ? toSummary(row) : undefined;
        if (summary && keep(summary)) yield summary;
      }
      return;
    }
    // Entities live in the same table with partition keys '@name@key' and stay Running forever:
    // excluded on the server, as are statuses not asked for.
    const statusFilter = query.statuses.map((s) => odata`RuntimeStatus eq ${s}`).join(' or ');
    let filter = `(PartitionKey lt '@' or PartitionKey ge 'A') and (${statusFilter})`;
    if (query.createdAfter) filter += ` and CreatedTime ge datetime'${query.createdAfter.toISOString()}'`;
    const pages = this.instancesClient.listEntities({ queryOptions: { filter, select: INSTANCE_COLUMNS } }).byPage({ maxPageSize: query.pageSize ?? 1000 });
    const iterator = pages[Symbol.asyncIterator]();
    const tokens = new Set<string>();
    for (;;) {
      // Pages are followed until no continuation token is left, empty pages included.
      let next;
      try {
        next = await iterator.next();
      } catch (error) {
        if (this.options.missingIsEmpty && (error as { statusCode?: number }).statusCode === 404 && this.tableMissing(error)) {
          this.neverRan = true;
          return;
        }
        throw this.explain(this.instancesTable, error);
      }
      if (next.done) return;
      const token = (next.value as { continuationToken?: string }).continuationToken;
      if (token !== undefined) {
        // A service that hands out the same continuation again would be listed for ever.
        if (tokens.has(token)) throw new TaskHubAccessError(`${this.instancesTable} in storage account ${this.connection.account}: ${REPEATED_CONTINUATION}`);
        tokens.add(token);
      }
      for (const row of next.value) {
        const summary = toSummary(row);
        if (keep(summary)) yield summary;
      }
    }
  }

  /**
   * The rows of one instance's history, with large values fetched from blobs and gunzipped.
   * Read through the client's own pipeline (authentication, retries honouring Retry-After), but
   * as plain JSON without OData metadata: parsing it natively costs a fraction of the SDK's
   * typed deserializer, which dominated recording time.
   */
  async historyRows(instanceId: string): Promise<RecordedRows> {
    const partition = escapePartitionKey(instanceId);
    const rows: Record<string, unknown>[] = [];
    const tokens = new Set<string>();
    let next: { partition: string; row?: string } | undefined;
    do {
      const page = await this.guard(this.historyTable, () => this.queryPage(this.historyClient, odata`PartitionKey eq ${partition}`, next));
      rows.push(...page.rows);
      next = page.next;
      if (next) {
        const token = `${next.partition}\u0000${next.row ?? ''}`;
        if (tokens.has(token)) throw new TaskHubAccessError(`${this.historyTable} in storage account ${this.connection.account}: ${REPEATED_CONTINUATION}`);
        tokens.add(token);
      }
      if (rows.length > MAX_HISTORY_ROWS) {
        throw new TaskHubAccessError(
          `${this.historyTable} in storage account ${this.connection.account}: the history of ${instanceId} has more than ${MAX_HISTORY_ROWS} rows; no orchestration the runtime can replay is that long, so the answers are not what the service sends.`,
        );
      }
    } while (next);
    checkCheckpoint(rows, `${this.historyTable} in storage account ${this.connection.account}: the history of ${instanceId}`);
    let blobs = 0;
    const container = this.connection.blobService().getContainerClient(this.container);
    for (const row of rows) {
      for (const key of Object.keys(row)) {
        if (!key.endsWith('BlobName') || typeof row[key] !== 'string' || row[key] === '') continue;
        const blobName = row[key];
        const abortSignal = AbortSignal.any([AbortSignal.timeout(BLOB_TIMEOUT_MS), ...(this.connection.signal ? [this.connection.signal] : [])]);
        const buffer = await this.guard(`${this.container}/${blobName}`, () =>
          container.getBlobClient(blobName).downloadToBuffer(0, undefined, { abortSignal }),
        );
        row[key.slice(0, -'BlobName'.length)] = gunzipSync(buffer).toString('utf8');
        delete row[key];
        blobs += 1;
      }
    }
    return { rows, blobs };
  }

  /** One page of a table query, as the Table service's REST API returns it (odata=nometadata). */
  private async queryPage(
    client: TableClient,
    filter: string,
    from?: { partition: string; row?: string },
  ): Promise<{ rows: Record<string, unknown>[]; next?: { partition: string; row?: string } }> {
    const url = new URL(client.url);
    url.pathname = `${url.pathname.replace(/\/$/, '')}/${client.tableName}()`;
    url.searchParams.set('$filter', filter);
    url.searchParams.set('$top', '1000');
    if (from) {
      url.searchParams.set('NextPartitionKey', from.partition);
      if (from.row !== undefined) url.searchParams.set('NextRowKey', from.row);
    }
    const request = createPipelineRequest({
      url: url.toString(),
      method: 'GET',
      allowInsecureConnection: url.protocol === 'http:',
      headers: createHttpHeaders({ Accept: 'application/json;odata=nometadata', 'x-ms-version': '2019-02-02', DataServiceVersion: '3.0' }),
    });
    const response = await client.pipeline.sendRequest(httpClient(), request);
    if (response.status >= 400) {
      let code: string | undefined;
      try {
        code = (JSON.parse(response.bodyAsText ?? '') as { 'odata.error'?: { code?: string } })['odata.error']?.code;
      } catch {
        code = undefined;
      }
      throw Object.assign(new Error(`HTTP ${response.status}${code ? ` ${code}` : ''}`), { statusCode: response.status, code });
    }
    // The pipeline's tableAnswerPolicy has checked that this is a JSON page with a 'value' list.
    const body = JSON.parse(response.bodyAsText ?? '') as { value: Record<string, unknown>[] };
    const nextPartition = response.headers.get('x-ms-continuation-nextpartitionkey');
    const nextRow = response.headers.get('x-ms-continuation-nextrowkey');
    return { rows: body.value, ...(nextPartition ? { next: { partition: nextPartition, ...(nextRow ? { row: nextRow } : {}) } } : {}) };
  }

  private tableMissing(error: unknown): boolean {
    const code = (error as { code?: string }).code ?? (error as { details?: { errorCode?: string } }).details?.errorCode;
    return code === 'TableNotFound' || /TableNotFound/.test(String((error as Error).message));
  }

  /** Turns errors retrying cannot fix into plain messages naming the table, account and credential. */
  private async guard<T>(resource: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw this.explain(resource, error);
    }
  }

  private explain(resource: string, error: unknown): Error {
    const status = (error as { statusCode?: number }).statusCode;
    const code = (error as { code?: string }).code ?? (error as { details?: { errorCode?: string } }).details?.errorCode ?? '';
    const where = `${resource} in storage account ${this.connection.account} (${this.connection.credentialKind})`;
    if (status === 404 && (code === 'TableNotFound' || code === 'ResourceNotFound' || /TableNotFound/.test(String((error as Error).message)))) {
      return new TaskHubAccessError(
        `${where}: the table does not exist. Is the task hub name right (host.json extensions.durableTask.hubName, or ${option('task-hub')}), and is this the app's durable storage account?`,
      );
    }
    if (status === 404 && (code === 'BlobNotFound' || code === 'ContainerNotFound')) {
      return new TaskHubAccessError(`${where}: the large-message blob is missing (${code}), so this history cannot be read whole.`);
    }
    if (status === 403 || code === 'AuthenticationFailed' || code === 'AuthorizationFailure' || code === 'AuthorizationPermissionMismatch') {
      return new TaskHubAccessError(`${where}: access denied (${code || status}). ${ACCESS_ADVICE[this.connection.credentialKind] ?? ACCESS_ADVICE.identity}`);
    }
    if (status === 401) return new TaskHubAccessError(`${where}: the credential was refused (401). Sign in again or check the token's audience and tenant.`);
    const network = (error as { code?: string }).code;
    if (network === 'ECONNREFUSED' || network === 'ENOTFOUND' || network === 'ETIMEDOUT' || network === 'ECONNRESET' || network === 'REQUEST_SEND_ERROR') {
      return new TaskHubAccessError(`${where}: cannot reach the storage service (${network}) after retrying.`);
    }
    const message = (error as Error).message?.split('\n')[0] || [status && `HTTP ${status}`, code].filter(Boolean).join(' ') || String(error);
    return new TaskHubAccessError(`${where}: ${message}`);
  }
}

/**
 * The provider writes its sentinel row (RowKey "sentinel") in every history batch, with
 * IsCheckpointComplete true once the episode's last batch is written (docs/runtime-rules.md §7).
 * History rows without it were cut short on the way, or caught mid-checkpoint: never judged whole.
 */
function checkCheckpoint(rows: readonly Record<string, unknown>[], what: string): void {
  if (!rows.some((row) => row.RowKey !== 'sentinel')) return;
  const sentinel = rows.find((row) => row.RowKey === 'sentinel');
  if (!sentinel) {
    throw new TaskHubAccessError(
      `${what} came without its sentinel row, which the runtime writes with every checkpoint: the answer may have been cut short, so it is not taken as the whole history. Read it again; if it persists, check what answers for the storage account.`,
    );
  }
  if (sentinel.IsCheckpointComplete === false) {
    throw new TaskHubAccessError(`${what} is being written (its checkpoint is not complete yet): read it again in a moment.`);
  }
}

const ACCESS_ADVICE: Record<string, string> = {
  'account key': 'Check the account key in the connection string.',
  SAS: 'Check the SAS token in the connection string: it must not have expired, and must allow read and list (sp=rl) on the table and blob services (ss=tb) for containers and objects (srt=co).',
  identity: 'Check that the identity has the Storage Table Data Reader and Storage Blob Data Reader roles on the account.',
};

function toSummary(row: TableEntityResult<Record<string, unknown>>): InstanceSummary {
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : v instanceof Date ? v.toISOString() : undefined);
  return {
    instanceId: unescapePartitionKey(String(row.partitionKey)),
    name: str(row.Name) ?? '',
    ...(str(row.Version) ? { version: str(row.Version)! } : {}),
    ...(str(row.ExecutionId) ? { executionId: str(row.ExecutionId)! } : {}),
    runtimeStatus: str(row.RuntimeStatus) ?? 'Unknown',
    ...(str(row.CreatedTime) ? { createdTime: str(row.CreatedTime)! } : {}),
    ...(str(row.LastUpdatedTime) ? { lastUpdatedTime: str(row.LastUpdatedTime)! } : {}),
  };
}

/** A task hub and its storage connection, resolved from app settings the way the host does. */
export function openTaskHub(options: {
  taskHub: string;
  setting?: string;
  env?: NodeJS.ProcessEnv;
  appDir?: string;
  tablePrefix?: string;
  signal?: AbortSignal;
}): {
  hub: AzureTablesTaskHub;
  connection: StorageConnection;
} {
  const connection = resolveConnection({
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.setting ? { setting: options.setting } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.appDir ? { appDir: options.appDir } : {}),
  });
  const hub = new AzureTablesTaskHub(connection, options.taskHub, options.tablePrefix ? { trackingPrefix: options.tablePrefix } : {});
  return { hub, connection };
}
