/**
 * A Durable Task Scheduler task hub, read over its gRPC data plane (docs/durable-task-scheduler.md):
 * instances in flight by status (QueryInstances, paged by continuation token) and an instance's
 * history (StreamInstanceHistory, its chunks in order), converted to the history file's events
 * (dts-history.ts). Every call carries the task hub and, unless the connection says
 * Authentication=None, a bearer token; a call the service refuses is an error that says why,
 * never an empty answer.
 */
import * as grpc from '@grpc/grpc-js';
import { setMaxListeners } from 'node:events';
import { brandedError, DurableGateError } from '../../harness/errors.js';
import type { HistoryEvent } from '../../harness/history/events.js';
import type { InFlightSource, InstanceQuery, InstanceSummary, RecordedRows } from './azure-tables.js';
import type { TokenCredential } from '@azure/core-auth';
import { schedulerToken, type DtsConnection } from './dts-connection.js';
import { fromDtsHistory, isoTime, type DtsHistoryEvent } from './dts-history.js';
import { sidecarService } from './dts-protocol.js';

/** The scheduler refused or could not answer a call: says which call, which hub, and what to do. */
export const SchedulerError = brandedError(
  'SchedulerError',
  class extends DurableGateError {
    /** The gRPC status the scheduler answered with (PERMISSION_DENIED, NOT_FOUND, ...), when it answered. */
    status?: string;
  },
);
export type SchedulerError = InstanceType<typeof SchedulerError>;

/** The runtime statuses by name, as the service numbers them (DurableTask.Core's numbers). */
const STATUS_NUMBERS: Record<string, number> = {
  Running: 0,
  Completed: 1,
  ContinuedAsNew: 2,
  Failed: 3,
  Canceled: 4,
  Terminated: 5,
  Pending: 6,
  Suspended: 7,
};
const STATUS_NAMES = Object.fromEntries(Object.entries(STATUS_NUMBERS).map(([name, n]) => [n, name])) as Record<number, string>;

type Wrapped = { value?: string } | null | undefined;

interface DecodedState {
  instanceId?: string;
  name?: string;
  version?: Wrapped;
  orchestrationStatus?: number;
  createdTimestamp?: { seconds?: string; nanos?: number } | null;
  lastUpdatedTimestamp?: { seconds?: string; nanos?: number } | null;
  executionId?: Wrapped;
}

type Unary<Req, Res> = (
  request: Req,
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: (error: grpc.ServiceError | null, response?: Res) => void,
) => grpc.ClientUnaryCall;

interface SidecarClient extends grpc.Client {
  QueryInstances: Unary<object, { orchestrationState?: DecodedState[]; continuationToken?: Wrapped }>;
  GetInstance: Unary<object, { exists?: boolean; orchestrationState?: DecodedState }>;
  StreamInstanceHistory(request: object, metadata: grpc.Metadata, options: grpc.CallOptions): grpc.ClientReadableStream<{ events?: DtsHistoryEvent[] }>;
}

export interface SchedulerOptions {
  connection: DtsConnection;
  taskHub: string;
  /** A bearer token for https://durabletask.io/.default; not asked for with Authentication=None. */
  token?: () => Promise<string>;
  /** Who signs in, for messages ("<signIn> may not read it"); default: the connection string's Authentication. */
  signIn?: string;
  /** How long one call may take. Default 30 s. */
  callTimeoutMs?: number;
  /** Ends every call in progress (a cancel, a deadline). */
  signal?: AbortSignal;
  /** Instances per page asked of QueryInstances. Default 500. */
  pageSize?: number;
}

const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export class SchedulerTaskHub implements InFlightSource {
  readonly describe: string;
  private readonly client: SidecarClient;

  constructor(private readonly options: SchedulerOptions) {
    const { endpoint } = options.connection;
    const port = endpoint.port || (endpoint.protocol === 'https:' ? '443' : '80');
    const credentials = endpoint.protocol === 'https:' ? grpc.credentials.createSsl() : grpc.credentials.createInsecure();
    const Service = sidecarService();
    this.client = new Service(`${endpoint.hostname}:${port}`, credentials, {
      'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
    }) as unknown as SidecarClient;
    this.describe = `task hub ${options.taskHub} on the Durable Task Scheduler at ${endpoint.host}`;
    // Each call in flight (16 histories read at once) listens for the stop: no limit to warn at.
    if (options.signal) setMaxListeners(0, options.signal);
  }

  close(): void {
    this.client.close();
  }

  /** Who signs in, as messages say it. */
  private get signIn(): string {
    return this.options.signIn ?? `the identity the connection string's Authentication=${this.options.connection.authentication} signs in as`;
  }

  get taskHub(): string {
    return this.options.taskHub;
  }

  /** Where histories come from, for messages. */
  get historyTable(): string {
    return `the scheduler at ${this.options.connection.endpoint.host}, task hub ${this.options.taskHub}`;
  }

  /** For record: the history's events (none when the scheduler has none: record says what that means). */
  async historyRows(instanceId: string): Promise<RecordedRows> {
    return { rows: fromDtsHistory(await this.stream(instanceId)) as unknown as Record<string, unknown>[], blobs: 0 };
  }

  /** Ends `call` when the run is stopped; returns what to call once the call is over. */
  private cancelOnStop(call: { cancel(): void }): () => void {
    const stop = (): void => call.cancel();
    this.options.signal?.addEventListener('abort', stop, { once: true });
    return () => this.options.signal?.removeEventListener('abort', stop);
  }

  private async metadata(): Promise<grpc.Metadata> {
    const metadata = new grpc.Metadata();
    metadata.set('taskhub', this.options.taskHub);
    metadata.set('x-user-agent', 'durable-gate');
    if (this.options.connection.authentication !== 'none') {
      if (!this.options.token)
        throw new SchedulerError(`no credential to sign in to the ${this.describe} (Authentication=${this.options.connection.authentication}).`);
      metadata.set('authorization', `Bearer ${await this.options.token()}`);
    }
    return metadata;
  }

  private callOptions(): grpc.CallOptions {
    return { deadline: Date.now() + (this.options.callTimeoutMs ?? 30_000) };
  }

  private unary<Res>(name: 'QueryInstances' | 'GetInstance', request: object): Promise<Res> {
    return this.metadata().then(
      (metadata) =>
        new Promise<Res>((resolvePromise, reject) => {
          let done = (): void => undefined;
          const call = (this.client[name] as Unary<object, Res>).call(this.client, request, metadata, this.callOptions(), (error, response) => {
            done();
            if (error) reject(this.explain(name, error));
            else resolvePromise(response as Res);
          });
          done = this.cancelOnStop(call);
        }),
    );
  }

  /** A refusal said for the person on call: which call, which hub, what to check. */
  private explain(call: string, error: grpc.ServiceError): SchedulerError {
    const explained = this.said(call, error);
    explained.status = grpc.status[error.code];
    return explained;
  }

  private said(call: string, error: grpc.ServiceError): SchedulerError {
    const where = this.describe;
    const { code } = error;
    // gRPC's details can run over lines and end in empty notes ("Resolution note: "): one line, trimmed.
    const details = (error.details ?? '')
      .replace(/\s+/g, ' ')
      .replace(/\s*Resolution note:\s*$/, '')
      .trim();
    const refused = code === grpc.status.PERMISSION_DENIED || code === grpc.status.UNAUTHENTICATED;
    if (refused && this.options.connection.authentication === 'none')
      return new SchedulerError(
        `${call} on the ${where} was refused (${grpc.status[code]}: ${details}): the call carried no token, as the connection string's Authentication=None says (the local emulator's setting). Give it an Authentication that signs in (DefaultAzure, ManagedIdentity, WorkloadIdentity, ...).`,
      );
    if (code === grpc.status.PERMISSION_DENIED)
      return new SchedulerError(
        `${call} on the ${where} was refused (PERMISSION_DENIED: ${details}): ${this.signIn} may not read it. Grant it the role Durable Task Data Reader on the task hub or the scheduler; if it has the role, check that the task hub exists.`,
      );
    if (code === grpc.status.UNAUTHENTICATED)
      return new SchedulerError(
        `${call} on the ${where} was refused (UNAUTHENTICATED: ${details}): the token of ${this.signIn} was not accepted. Check that it signs in to the scheduler's tenant.`,
      );
    if (code === grpc.status.UNAVAILABLE)
      return new SchedulerError(`${call} on the ${where} failed: the scheduler did not answer (UNAVAILABLE: ${details}). Check the endpoint and the network.`);
    if (code === grpc.status.DEADLINE_EXCEEDED)
      return new SchedulerError(
        `${call} on the ${where} took longer than ${Math.round((this.options.callTimeoutMs ?? 30_000) / 1000)} s (DEADLINE_EXCEEDED); nothing was read.`,
      );
    if (code === grpc.status.CANCELLED)
      return new SchedulerError(
        `${call} on the ${where} was stopped${this.options.signal?.aborted ? ` (${String(this.options.signal.reason ?? 'cancelled')})` : ''}.`,
      );
    if (code === grpc.status.NOT_FOUND) return new SchedulerError(`${call} on the ${where}: not found (${details}). Is the task hub name right?`);
    return new SchedulerError(`${call} on the ${where} failed (${grpc.status[code] ?? code}: ${details}).`);
  }

  async *instances(query: InstanceQuery): AsyncGenerator<InstanceSummary> {
    const statuses = query.statuses.map((name) => {
      const number = STATUS_NUMBERS[name];
      if (number === undefined) throw new SchedulerError(`the status ${name} is not one the scheduler knows (${Object.keys(STATUS_NUMBERS).join(', ')}).`);
      return number;
    });
    const names = query.names ? new Set(query.names.map((n) => n.toLowerCase())) : undefined;
    const ids = query.instanceIds ? new Set(query.instanceIds) : undefined;
    const seenTokens = new Set<string>();
    let continuationToken: string | undefined;
    do {
      const request = {
        query: {
          runtimeStatus: statuses,
          maxInstanceCount: query.pageSize ?? this.options.pageSize ?? 500,
          fetchInputsAndOutputs: false,
          ...(query.createdAfter ? { createdTimeFrom: timestamp(query.createdAfter) } : {}),
          ...(continuationToken ? { continuationToken: { value: continuationToken } } : {}),
        },
      };
      const page = await this.unary<{ orchestrationState?: DecodedState[]; continuationToken?: Wrapped }>('QueryInstances', request);
      for (const state of page.orchestrationState ?? []) {
        const summary = toSummary(state);
        // Entities are instances named "@name@key": never orchestrations in flight (as Azure Storage's query leaves them out).
        if (summary.instanceId.startsWith('@')) continue;
        if (names && !names.has(summary.name.toLowerCase())) continue;
        if (ids && !ids.has(summary.instanceId)) continue;
        yield summary;
      }
      continuationToken = page.continuationToken?.value || undefined;
      // A token handed back twice would page for ever: the answer cannot be trusted as whole.
      if (continuationToken !== undefined) {
        if (seenTokens.has(continuationToken))
          throw new SchedulerError(`QueryInstances on the ${this.describe} returned the same continuation token twice; the list is incomplete.`);
        seenTokens.add(continuationToken);
      }
    } while (continuationToken !== undefined);
  }

  /** One instance's status (GetInstance), or undefined when the scheduler does not have it. */
  async instance(instanceId: string): Promise<InstanceSummary | undefined> {
    const answer = await this.unary<{ exists?: boolean; orchestrationState?: DecodedState }>('GetInstance', { instanceId, getInputsAndOutputs: false });
    return answer.exists && answer.orchestrationState ? toSummary(answer.orchestrationState) : undefined;
  }

  /** An instance's history, whole (every chunk, in order), as the history file's events; an error when the scheduler has none. */
  async history(instanceId: string, executionId?: string): Promise<HistoryEvent[]> {
    const events = await this.stream(instanceId, executionId);
    if (events.length === 0)
      throw new SchedulerError(
        `StreamInstanceHistory of ${instanceId} on the ${this.describe} returned no events: the instance may have been purged since it was listed.`,
      );
    return fromDtsHistory(events);
  }

  /** StreamInstanceHistory's chunks, concatenated in order (none for an instance the scheduler does not have). */
  private async stream(instanceId: string, executionId?: string): Promise<DtsHistoryEvent[]> {
    const metadata = await this.metadata();
    const request = { instanceId, forWorkItemProcessing: false, ...(executionId ? { executionId: { value: executionId } } : {}) };
    const events: DtsHistoryEvent[] = [];
    await new Promise<void>((resolvePromise, reject) => {
      const stream = this.client.StreamInstanceHistory(request, metadata, this.callOptions());
      const done = this.cancelOnStop(stream);
      stream.on('data', (chunk: { events?: DtsHistoryEvent[] }) => events.push(...(chunk.events ?? [])));
      stream.on('error', (error: grpc.ServiceError) => {
        done();
        reject(this.explain(`StreamInstanceHistory of ${instanceId}`, error));
      });
      stream.on('end', () => {
        done();
        resolvePromise();
      });
    });
    return events;
  }
}

function timestamp(date: Date): { seconds: string; nanos: number } {
  const ms = date.getTime();
  return { seconds: String(Math.floor(ms / 1000)), nanos: (((ms % 1000) + 1000) % 1000) * 1_000_000 };
}

function toSummary(state: DecodedState): InstanceSummary {
  const created = isoTime(state.createdTimestamp);
  const updated = isoTime(state.lastUpdatedTimestamp);
  return {
    instanceId: state.instanceId ?? '',
    name: state.name ?? '',
    runtimeStatus: STATUS_NAMES[state.orchestrationStatus ?? 0] ?? String(state.orchestrationStatus),
    ...(state.version?.value ? { version: state.version.value } : {}),
    ...(state.executionId?.value ? { executionId: state.executionId.value } : {}),
    ...(created ? { createdTime: created } : {}),
    ...(updated ? { lastUpdatedTime: updated } : {}),
  };
}

/**
 * A scheduler task hub and its sign-in: the credential given (gate --slot and validate read with
 * durable-gate's own sign-in, `identity` naming it), else the one the connection string's
 * Authentication names; no token with Authentication=None.
 */
export function openSchedulerHub(options: {
  connection: DtsConnection;
  taskHub: string;
  env: NodeJS.ProcessEnv;
  credential?: TokenCredential;
  identity?: string;
  signal?: AbortSignal;
  callTimeoutMs?: number;
}): SchedulerTaskHub {
  const { connection, credential } = options;
  const token = connection.authentication === 'none' ? undefined : schedulerToken(connection, { env: options.env, ...(credential ? { credential } : {}) });
  return new SchedulerTaskHub({
    connection,
    taskHub: options.taskHub,
    ...(token ? { token } : {}),
    ...(credential
      ? { signIn: `durable-gate's own sign-in (${options.identity ?? 'the --auth identity'}; the app's identity in the connection string is not used)` }
      : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.callTimeoutMs ? { callTimeoutMs: options.callTimeoutMs } : {}),
  });
}
