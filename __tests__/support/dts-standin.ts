/**
 * A loopback stand-in for the Durable Task Scheduler's data plane, on @grpc/grpc-js with the same
 * message definitions (src/taskhub/dts-protocol.ts): QueryInstances paged by an opaque continuation
 * token (maxInstanceCount a page), GetInstance, StreamInstanceHistory in chunks; every call must
 * name the task hub and, when the stand-in has a token, carry it as a bearer token. Faults: the
 * next call fails with a gRPC status. Every call is logged with its metadata. Plain text, or TLS
 * with a test certificate (an https endpoint, as the service has).
 */
import * as grpc from '@grpc/grpc-js';
import type { DtsHistoryEvent } from '../../src/taskhub/dts-history.js';
import { sidecarService } from '../../src/taskhub/dts-protocol.js';
import type { Certificate } from './https.js';

export interface StandInInstance {
  instanceId: string;
  name: string;
  status: number;
  createdSeconds: number;
  executionId?: string;
  history: DtsHistoryEvent[];
}

export interface StandInCall {
  method: string;
  taskhub?: string;
  authorization?: string;
  request: Record<string, unknown>;
}

export class SchedulerStandIn {
  readonly calls: StandInCall[] = [];
  private fault: { code: grpc.status; details: string; repeatToken?: boolean } | undefined;
  private constructor(
    private readonly server: grpc.Server,
    readonly port: number,
    readonly instances: StandInInstance[],
    private readonly options: { taskHub: string; tls: boolean; emptyHubs: string[]; token?: string; chunk: number },
  ) {}

  static async start(options: {
    taskHub: string;
    token?: string;
    chunk?: number;
    instances?: StandInInstance[];
    /** Serve TLS with this certificate (an https endpoint, as the service's); plain text without. */
    certificate?: Certificate;
    /** Other task hubs of the scheduler, which exist and hold no instance. */
    emptyHubs?: string[];
    /** Every call waits this long before it is answered (a scheduler in another region). */
    delayMs?: number;
  }): Promise<SchedulerStandIn> {
    const server = new grpc.Server();
    const instances = options.instances ?? [];
    // The handlers reach the stand-in once it exists (it needs the bound port).
    const self: { standIn?: SchedulerStandIn } = {};
    const Service = sidecarService();
    const delayMs = options.delayMs ?? 0;
    const later = (answer: () => void): void => void (delayMs > 0 ? setTimeout(answer, delayMs) : answer());
    server.addService(Service.service, {
      QueryInstances: (call: grpc.ServerUnaryCall<Record<string, unknown>, unknown>, callback: grpc.sendUnaryData<unknown>) =>
        later(() => self.standIn!.query(call, callback)),
      GetInstance: (call: grpc.ServerUnaryCall<Record<string, unknown>, unknown>, callback: grpc.sendUnaryData<unknown>) =>
        later(() => self.standIn!.get(call, callback)),
      StreamInstanceHistory: (call: grpc.ServerWritableStream<Record<string, unknown>, unknown>) => later(() => self.standIn!.stream(call)),
    });
    const port = await new Promise<number>((resolvePromise, reject) =>
      server.bindAsync(
        '127.0.0.1:0',
        options.certificate
          ? grpc.ServerCredentials.createSsl(null, [{ private_key: Buffer.from(options.certificate.key), cert_chain: Buffer.from(options.certificate.cert) }])
          : grpc.ServerCredentials.createInsecure(),
        (error, bound) => (error ? reject(error) : resolvePromise(bound)),
      ),
    );
    self.standIn = new SchedulerStandIn(server, port, instances, {
      taskHub: options.taskHub,
      tls: options.certificate !== undefined,
      emptyHubs: options.emptyHubs ?? [],
      ...(options.token ? { token: options.token } : {}),
      chunk: options.chunk ?? 10,
    });
    return self.standIn;
  }

  get endpoint(): string {
    // TLS names the host the certificate was made for (an IP address as the server name is deprecated).
    return this.options.tls ? `https://localhost:${this.port}` : `http://127.0.0.1:${this.port}`;
  }

  /** The next call fails with this status (or, repeatToken, QueryInstances hands back the token it was given). */
  failNext(code: grpc.status, details: string, repeatToken = false): void {
    this.fault = { code, details, ...(repeatToken ? { repeatToken } : {}) };
  }

  close(): Promise<void> {
    return new Promise((resolvePromise) => this.server.tryShutdown(() => resolvePromise()));
  }

  /** The checks every call passes first: the fault asked for, the task hub, the token. */
  private admit(method: string, call: { metadata: grpc.Metadata; request: Record<string, unknown> }): grpc.ServiceError | undefined {
    const taskhub = call.metadata.get('taskhub')[0]?.toString();
    const authorization = call.metadata.get('authorization')[0]?.toString();
    this.calls.push({ method, request: call.request, ...(taskhub ? { taskhub } : {}), ...(authorization ? { authorization } : {}) });
    const fail = (code: grpc.status, details: string): grpc.ServiceError => Object.assign(new Error(details), { code, details, metadata: new grpc.Metadata() });
    if (this.fault && !this.fault.repeatToken) {
      const { code, details } = this.fault;
      this.fault = undefined;
      return fail(code, details);
    }
    if (taskhub !== this.options.taskHub && !this.options.emptyHubs.includes(taskhub ?? ''))
      return fail(grpc.status.NOT_FOUND, `task hub '${taskhub ?? ''}' not found`);
    if (this.options.token && authorization !== `Bearer ${this.options.token}`) return fail(grpc.status.UNAUTHENTICATED, 'invalid or missing bearer token');
    return undefined;
  }

  /** The instances of the task hub a call names (an empty hub has none). */
  private poolOf(call: { metadata: grpc.Metadata }): StandInInstance[] {
    return call.metadata.get('taskhub')[0]?.toString() === this.options.taskHub ? this.instances : [];
  }

  private state(instance: StandInInstance): Record<string, unknown> {
    return {
      instanceId: instance.instanceId,
      name: instance.name,
      orchestrationStatus: instance.status,
      createdTimestamp: { seconds: String(instance.createdSeconds), nanos: 0 },
      lastUpdatedTimestamp: { seconds: String(instance.createdSeconds + 60), nanos: 0 },
      ...(instance.executionId ? { executionId: { value: instance.executionId } } : {}),
    };
  }

  private query(call: grpc.ServerUnaryCall<Record<string, unknown>, unknown>, callback: grpc.sendUnaryData<unknown>): void {
    const refused = this.admit('QueryInstances', call);
    if (refused) return callback(refused);
    const query = (call.request.query ?? {}) as {
      runtimeStatus?: number[];
      maxInstanceCount?: number;
      continuationToken?: { value?: string };
      createdTimeFrom?: { seconds?: string };
    };
    const statuses = new Set(query.runtimeStatus ?? []);
    const from = query.createdTimeFrom?.seconds ? Number(query.createdTimeFrom.seconds) : undefined;
    const matching = this.poolOf(call).filter((i) => (statuses.size === 0 || statuses.has(i.status)) && (from === undefined || i.createdSeconds >= from));
    const start = query.continuationToken?.value ? Number(Buffer.from(query.continuationToken.value, 'base64').toString()) : 0;
    const size = query.maxInstanceCount && query.maxInstanceCount > 0 ? query.maxInstanceCount : 100;
    const page = matching.slice(start, start + size);
    const more = start + size < matching.length;
    let token = more ? Buffer.from(String(start + size)).toString('base64') : undefined;
    if (this.fault?.repeatToken && query.continuationToken?.value) {
      token = query.continuationToken.value;
      this.fault = undefined;
    }
    callback(null, { orchestrationState: page.map((i) => this.state(i)), ...(token ? { continuationToken: { value: token } } : {}) });
  }

  private get(call: grpc.ServerUnaryCall<Record<string, unknown>, unknown>, callback: grpc.sendUnaryData<unknown>): void {
    const refused = this.admit('GetInstance', call);
    if (refused) return callback(refused);
    const instance = this.poolOf(call).find((i) => i.instanceId === call.request.instanceId);
    callback(null, instance ? { exists: true, orchestrationState: this.state(instance) } : { exists: false });
  }

  private stream(call: grpc.ServerWritableStream<Record<string, unknown>, unknown>): void {
    const refused = this.admit('StreamInstanceHistory', call);
    if (refused) {
      call.emit('error', refused);
      return;
    }
    const instance = this.poolOf(call).find((i) => i.instanceId === call.request.instanceId);
    // Like the service: an instance it does not have streams nothing.
    for (let i = 0; instance && i < instance.history.length; i += this.options.chunk) call.write({ events: instance.history.slice(i, i + this.options.chunk) });
    call.end();
  }
}
