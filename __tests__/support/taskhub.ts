/**
 * Writes task hub rows exactly as DurableTask.AzureStorage does (AzureTableTrackingStore.cs,
 * docs/runtime-rules.md §7): History rows with RowKey = 16 hex digits, EventType as its name,
 * `_Timestamp`, complex fields as JSON strings, a sentinel; Instances rows; large values moved to
 * gzip blobs. For the tests and the demo only: durable-gate itself never writes to a task hub.
 */
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { EventType, type HistoryEvent } from '../../harness/history/events.js';
import type { StorageConnection } from '../../src/taskhub/connection.js';
import { escapePartitionKey } from '../../src/taskhub/keys.js';

export interface SeedInstance {
  instanceId: string;
  events: HistoryEvent[];
  runtimeStatus?: string;
  createdTime?: Date;
  lastUpdatedTime?: Date;
  executionId?: string;
}

const COMPLEX = new Set(['OrchestrationInstance', 'ParentInstance', 'Tags', 'FailureDetails', 'Correlation']);
const TIMES = new Set(['Timestamp', 'FireAt', 'ScheduledStartTime']);
const LARGE_PROPS = ['Input', 'Result', 'Reason', 'Details'];
const LARGE = 60 * 1024;

export class TaskHubSeeder {
  readonly instances: TableClient;
  readonly history: TableClient;

  constructor(
    private readonly connection: StorageConnection,
    readonly taskHub: string,
  ) {
    this.instances = connection.tableClient(`${taskHub}Instances`);
    this.history = connection.tableClient(`${taskHub}History`);
  }

  async create(): Promise<void> {
    await this.instances.createTable();
    await this.history.createTable();
    await this.connection.blobService().getContainerClient(`${this.taskHub.toLowerCase()}-largemessages`).createIfNotExists();
  }

  async write(instance: SeedInstance): Promise<void> {
    const key = escapePartitionKey(instance.instanceId);
    const started = instance.events.find((e) => e.EventType === EventType.ExecutionStarted);
    const executionId = instance.executionId ?? started?.OrchestrationInstance?.ExecutionId ?? randomBytes(16).toString('hex');
    const actions: TransactionAction[] = [];
    for (let i = 0; i < instance.events.length; i++) {
      const rowKey = i.toString(16).toUpperCase().padStart(16, '0');
      const row: Record<string, unknown> = { partitionKey: key, rowKey, ExecutionId: executionId };
      for (const [field, value] of Object.entries(instance.events[i]!)) {
        if (value === null || value === undefined) continue;
        if (field === 'EventType') row.EventType = EventType[value as number];
        else if (field === 'Timestamp') row._Timestamp = new Date(value as string);
        else if (TIMES.has(field)) row[field] = new Date(value as string);
        else if (field === 'OrchestrationInstance') row[field] = JSON.stringify({ ...value, ExecutionId: executionId });
        else if (COMPLEX.has(field)) row[field] = JSON.stringify(value);
        else if (field === 'OrchestrationStatus' && typeof value === 'number')
          row[field] = ['Running', 'Completed', 'ContinuedAsNew', 'Failed', 'Canceled', 'Terminated', 'Pending', 'Suspended'][value] ?? String(value);
        else row[field] = value;
      }
      for (const prop of LARGE_PROPS) {
        if (typeof row[prop] === 'string' && Buffer.byteLength(row[prop]) > LARGE) {
          const blobName = `${key}/history-${rowKey}-${row.EventType as string}-${randomBytes(4).toString('hex').toUpperCase()}-${prop}.json.gz`;
          const body = gzipSync(Buffer.from(row[prop]));
          await this.connection.blobService().getContainerClient(`${this.taskHub.toLowerCase()}-largemessages`).getBlockBlobClient(blobName).uploadData(body);
          row[prop] = '';
          row[`${prop}BlobName`] = blobName;
        }
      }
      actions.push(['upsert', row as never, 'Replace']);
    }
    actions.push(['upsert', { partitionKey: key, rowKey: 'sentinel', ExecutionId: executionId, IsCheckpointComplete: true }, 'Replace']);
    for (let i = 0; i < actions.length; i += 99) await this.history.submitTransaction(actions.slice(i, i + 99));
    const created = instance.createdTime ?? new Date(started?.Timestamp ?? Date.now());
    await this.instances.upsertEntity(
      {
        partitionKey: key,
        rowKey: '',
        Name: started?.Name ?? '',
        Version: started?.Version ?? '',
        ExecutionId: executionId,
        RuntimeStatus: instance.runtimeStatus ?? 'Running',
        CreatedTime: created,
        LastUpdatedTime: instance.lastUpdatedTime ?? new Date(instance.events.at(-1)?.Timestamp ?? Date.now()),
        // A large input lives in a blob; the Instances row then holds the blob's URL.
        Input: (started?.Input?.length ?? 0) > 30_000 ? `${this.taskHub.toLowerCase()}-largemessages/${key}/input.json.gz` : (started?.Input ?? ''),
        TaskHubName: this.taskHub,
      },
      'Replace',
    );
  }

  /** A durable entity: lives in the Instances table with partition key @name@key, Running forever. */
  async writeEntity(name: string, key: string): Promise<void> {
    await this.instances.upsertEntity(
      {
        partitionKey: `@${name.toLowerCase()}@${key}`,
        rowKey: '',
        Name: `@${name.toLowerCase()}`,
        RuntimeStatus: 'Running',
        CreatedTime: new Date(),
        LastUpdatedTime: new Date(),
        TaskHubName: this.taskHub,
      },
      'Replace',
    );
  }

  async setStatus(instanceId: string, runtimeStatus: string): Promise<void> {
    await this.instances.updateEntity(
      { partitionKey: escapePartitionKey(instanceId), rowKey: '', RuntimeStatus: runtimeStatus, LastUpdatedTime: new Date() },
      'Merge',
    );
  }
}
