export const id = 670;
export const ids = [670];
export const modules = {

/***/ 7670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SchedulerError: () => (/* binding */ SchedulerError),
  openSchedulerHub: () => (/* binding */ openSchedulerHub)
});

// UNUSED EXPORTS: SchedulerTaskHub

// EXTERNAL MODULE: ./node_modules/@grpc/grpc-js/build/src/index.js
var src = __webpack_require__(3033);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: ./harness/errors.ts
var errors = __webpack_require__(9410);
// EXTERNAL MODULE: ./src/taskhub/dts-connection.ts
var dts_connection = __webpack_require__(4926);
// EXTERNAL MODULE: ./harness/history/events.ts
var events = __webpack_require__(961);
;// CONCATENATED MODULE: ./src/taskhub/dts-history.ts
/**
 * A Durable Task Scheduler history (protobuf HistoryEvents from StreamInstanceHistory, as
 * @grpc/proto-loader decodes them with keepCase, oneofs and longs as strings) turned into the
 * DurableTask.Core events the history file holds, as the scheduler's .NET client converts them
 * (microsoft/durabletask-dotnet src/Shared/Grpc/ProtoUtils.cs ConvertHistoryEvent; entity events
 * in src/Shared/Grpc/EntityConversions.cs, back to the EventSent/EventRaised JSON durable-functions
 * reads). docs/durable-task-scheduler.md lists the points where the two forms differ.
 */

/** A failure the history cannot be read past. */
class DtsHistoryError extends Error {
}
/** A Timestamp as the runtime writes times: ISO 8601 in UTC with seven fraction digits (100 ns ticks). */
function isoTime(time) {
    if (!time || time.seconds === undefined)
        return null;
    const seconds = Number(time.seconds);
    const nanos = time.nanos ?? 0;
    // The events of an episode share their second: its text is made once.
    if (seconds !== lastSecond) {
        lastSecond = seconds;
        lastSecondText = new Date(seconds * 1000).toISOString().slice(0, 19);
    }
    return `${lastSecondText}.${String(Math.floor(nanos / 100)).padStart(7, '0')}Z`;
}
let lastSecond = Number.NaN;
let lastSecondText = '';
const dts_history_text = (wrapped) => (wrapped && typeof wrapped.value === 'string' ? wrapped.value : null);
function failure(details) {
    if (!details)
        return null;
    return {
        ErrorType: details.errorType ?? '',
        ErrorMessage: details.errorMessage ?? '',
        StackTrace: dts_history_text(details.stackTrace),
        InnerFailure: failure(details.innerFailure),
        IsNonRetriable: details.isNonRetriable === true,
    };
}
/** The scheduler keeps a failure's details only: Reason and Details (what durable-functions reads) come from them. */
function failed(details) {
    return { Reason: details?.errorMessage ?? null, Details: dts_history_text(details?.stackTrace), FailureDetails: failure(details) };
}
function instance(value) {
    return value ? { InstanceId: value.instanceId ?? '', ExecutionId: dts_history_text(value.executionId) } : null;
}
/** "@name@key" as the entity's id in the legacy JSON ({ name, key }). */
function entityId(schedulerId) {
    const match = /^@([^@]*)@(.*)$/.exec(schedulerId);
    return match ? { name: match[1], key: match[2] } : { name: schedulerId, key: '' };
}
/** One event; entity cases become the EventSent/EventRaised the extension's older form writes. */
function fromDtsEvent(event, state = {}) {
    const kind = event.eventType;
    if (!kind)
        throw new DtsHistoryError(`event ${event.eventId ?? '?'} has no event type`);
    const body = (event[kind] ?? {});
    const head = { EventId: typeof event.eventId === 'number' ? event.eventId : -1, Timestamp: isoTime(event.timestamp) ?? '' };
    const str = (key) => (typeof body[key] === 'string' ? body[key] : '');
    const wrapped = (key) => dts_history_text(body[key]);
    const num = (key) => (typeof body[key] === 'number' ? body[key] : Number(body[key] ?? 0));
    const make = (type, fields) => ({ ...head, EventType: type, ...fields });
    switch (kind) {
        case 'executionStarted': {
            const started = body;
            state.instanceId = started.orchestrationInstance?.instanceId;
            state.executionId = dts_history_text(started.orchestrationInstance?.executionId);
            const parent = started.parentInstance;
            return make(events/* EventType */.Bx.ExecutionStarted, {
                Name: str('name'),
                Version: wrapped('version'),
                Input: wrapped('input'),
                OrchestrationInstance: instance(started.orchestrationInstance),
                // DurableTask.Core spells the parent's field TaskScheduleId.
                ParentInstance: parent
                    ? {
                        Name: dts_history_text(parent.name),
                        Version: dts_history_text(parent.version),
                        OrchestrationInstance: instance(parent.orchestrationInstance),
                        TaskScheduleId: parent.taskScheduledId ?? 0,
                    }
                    : null,
                ScheduledStartTime: isoTime(body.scheduledStartTimestamp),
            });
        }
        case 'executionCompleted':
            return make(events/* EventType */.Bx.ExecutionCompleted, {
                OrchestrationStatus: num('orchestrationStatus'),
                Result: wrapped('result'),
                FailureDetails: failure(body.failureDetails),
            });
        case 'executionTerminated':
            return make(events/* EventType */.Bx.ExecutionTerminated, { Input: wrapped('input') });
        case 'taskScheduled':
            return make(events/* EventType */.Bx.TaskScheduled, { Name: str('name'), Version: wrapped('version'), Input: wrapped('input') });
        case 'taskCompleted':
            return make(events/* EventType */.Bx.TaskCompleted, { TaskScheduledId: num('taskScheduledId'), Result: wrapped('result') });
        case 'taskFailed':
            return make(events/* EventType */.Bx.TaskFailed, { TaskScheduledId: num('taskScheduledId'), ...failed(body.failureDetails) });
        case 'subOrchestrationInstanceCreated':
            return make(events/* EventType */.Bx.SubOrchestrationInstanceCreated, {
                InstanceId: str('instanceId'),
                Name: str('name'),
                Version: wrapped('version'),
                Input: wrapped('input'),
            });
        case 'subOrchestrationInstanceCompleted':
            return make(events/* EventType */.Bx.SubOrchestrationInstanceCompleted, { TaskScheduledId: num('taskScheduledId'), Result: wrapped('result') });
        case 'subOrchestrationInstanceFailed':
            return make(events/* EventType */.Bx.SubOrchestrationInstanceFailed, { TaskScheduledId: num('taskScheduledId'), ...failed(body.failureDetails) });
        case 'timerCreated':
            return make(events/* EventType */.Bx.TimerCreated, { FireAt: isoTime(body.fireAt) });
        case 'timerFired':
            // ProtoUtils gives TimerFired the id -1, as DurableTask.Core's TimerFiredEvent has.
            return { ...make(events/* EventType */.Bx.TimerFired, { FireAt: isoTime(body.fireAt), TimerId: num('timerId') }), EventId: -1 };
        case 'orchestratorStarted':
            return make(events/* EventType */.Bx.OrchestratorStarted, {});
        case 'orchestratorCompleted':
            return make(events/* EventType */.Bx.OrchestratorCompleted, {});
        case 'eventSent':
            return make(events/* EventType */.Bx.EventSent, { InstanceId: str('instanceId'), Name: str('name'), Input: wrapped('input') });
        case 'eventRaised':
            return make(events/* EventType */.Bx.EventRaised, { Name: str('name'), Input: wrapped('input') });
        case 'genericEvent':
            return make(events/* EventType */.Bx.GenericEvent, { Data: wrapped('data') });
        case 'continueAsNew':
            // ContinueAsNewEvent derives from ExecutionCompletedEvent: the new input is its Result.
            return make(events/* EventType */.Bx.ContinueAsNew, { Result: wrapped('input'), OrchestrationStatus: 2 });
        case 'executionSuspended':
            return make(events/* EventType */.Bx.ExecutionSuspended, { Reason: wrapped('input') });
        case 'executionResumed':
            return make(events/* EventType */.Bx.ExecutionResumed, { Reason: wrapped('input') });
        case 'executionRewound':
            return make(events/* EventType */.Bx.ExecutionRewound, { Reason: wrapped('reason') });
        case 'entityOperationSignaled':
        case 'entityOperationCalled': {
            const signal = kind === 'entityOperationSignaled';
            const scheduled = isoTime(body.scheduledTime);
            // RequestMessage.input and ResponseMessage.result are JSON text inside the JSON (EntityConversions.cs): durable-functions parses them.
            const input = wrapped('input');
            const request = {
                op: str('operation'),
                ...(signal ? { signal: true } : {}),
                ...(input !== null ? { input } : {}),
                id: str('requestId'),
                ...(signal
                    ? {}
                    : { parent: wrapped('parentInstanceId') ?? state.instanceId ?? null, parentExecution: wrapped('parentExecutionId') ?? state.executionId ?? null }),
                ...(scheduled ? { due: scheduled } : {}),
            };
            return make(events/* EventType */.Bx.EventSent, {
                InstanceId: wrapped('targetInstanceId') ?? '',
                Name: scheduled ? `op@${scheduled}` : 'op',
                Input: JSON.stringify(request),
            });
        }
        case 'entityOperationCompleted':
            return make(events/* EventType */.Bx.EventRaised, { Name: str('requestId'), Input: JSON.stringify({ result: wrapped('output') }) });
        case 'entityOperationFailed': {
            const details = body.failureDetails;
            return make(events/* EventType */.Bx.EventRaised, {
                Name: str('requestId'),
                Input: JSON.stringify({ result: details?.errorMessage ?? null, exceptionType: details?.errorType ?? null, failureDetails: failure(details) }),
            });
        }
        case 'entityLockRequested': {
            const lockSet = Array.isArray(body.lockSet) ? body.lockSet : [];
            const position = num('position');
            return make(events/* EventType */.Bx.EventSent, {
                InstanceId: lockSet[position] ?? '',
                Name: 'op',
                Input: JSON.stringify({
                    op: null,
                    id: str('criticalSectionId'),
                    parent: wrapped('parentInstanceId') ?? state.instanceId ?? null,
                    lockset: lockSet.map(entityId),
                    pos: position,
                }),
            });
        }
        case 'entityLockGranted':
            return make(events/* EventType */.Bx.EventRaised, { Name: str('criticalSectionId'), Input: JSON.stringify({ result: 'Lock Acquisition Completed' }) });
        case 'entityUnlockSent':
            return make(events/* EventType */.Bx.EventSent, {
                InstanceId: wrapped('targetInstanceId') ?? '',
                Name: 'release',
                Input: JSON.stringify({ parent: wrapped('parentInstanceId') ?? state.instanceId ?? null, id: str('criticalSectionId') }),
            });
        case 'historyState':
            return make(events/* EventType */.Bx.HistoryState, {});
        default:
            throw new DtsHistoryError(`event ${head.EventId} has the event type ${kind}, which this version of durable-gate does not know: update durable-gate, or record this instance again later.`);
    }
}
/** A whole history, in order (the chunks of StreamInstanceHistory concatenated). */
function fromDtsHistory(events) {
    const state = {};
    return events.map((event) => fromDtsEvent(event, state));
}

// EXTERNAL MODULE: ./node_modules/@grpc/proto-loader/build/src/index.js
var build_src = __webpack_require__(8462);
// EXTERNAL MODULE: ./node_modules/protobufjs/index.js
var protobufjs = __webpack_require__(3928);
var protobufjs_default = /*#__PURE__*/__webpack_require__.n(protobufjs);
;// CONCATENATED MODULE: ./src/taskhub/dts-protocol.ts
/**
 * The part of the Durable Task Scheduler's gRPC contract durable-gate reads (service
 * TaskHubSidecarService of microsoft/durabletask-protobuf protos/orchestrator_service.proto): the
 * messages of QueryInstances, StreamInstanceHistory and GetInstance and the history events, with
 * the field numbers the wire uses. Written as protobuf text and parsed at run time with
 * protobufjs (no file to ship beside the bundle); the well-known types come with protobufjs.
 */



// protobufjs is CommonJS: Node's ES module loader sees its exports under default, the bundler at the top.
const protobuf = "Root" in protobufjs ? protobufjs : (protobufjs_default());
const DTS_PROTOCOL = `
syntax = "proto3";
import "google/protobuf/timestamp.proto";
import "google/protobuf/wrappers.proto";

message OrchestrationInstance { string instanceId = 1; google.protobuf.StringValue executionId = 2; }
message TaskFailureDetails {
  string errorType = 1; string errorMessage = 2; google.protobuf.StringValue stackTrace = 3;
  TaskFailureDetails innerFailure = 4; bool isNonRetriable = 5;
}
enum OrchestrationStatus {
  ORCHESTRATION_STATUS_RUNNING = 0; ORCHESTRATION_STATUS_COMPLETED = 1; ORCHESTRATION_STATUS_CONTINUED_AS_NEW = 2;
  ORCHESTRATION_STATUS_FAILED = 3; ORCHESTRATION_STATUS_CANCELED = 4; ORCHESTRATION_STATUS_TERMINATED = 5;
  ORCHESTRATION_STATUS_PENDING = 6; ORCHESTRATION_STATUS_SUSPENDED = 7;
}
message ParentInstanceInfo {
  int32 taskScheduledId = 1; google.protobuf.StringValue name = 2; google.protobuf.StringValue version = 3;
  OrchestrationInstance orchestrationInstance = 4;
}
message ExecutionStartedEvent {
  string name = 1; google.protobuf.StringValue version = 2; google.protobuf.StringValue input = 3;
  OrchestrationInstance orchestrationInstance = 4; ParentInstanceInfo parentInstance = 5;
  google.protobuf.Timestamp scheduledStartTimestamp = 6;
}
message ExecutionCompletedEvent { OrchestrationStatus orchestrationStatus = 1; google.protobuf.StringValue result = 2; TaskFailureDetails failureDetails = 3; }
message ExecutionTerminatedEvent { google.protobuf.StringValue input = 1; bool recurse = 2; }
message TaskScheduledEvent { string name = 1; google.protobuf.StringValue version = 2; google.protobuf.StringValue input = 3; }
message TaskCompletedEvent { int32 taskScheduledId = 1; google.protobuf.StringValue result = 2; }
message TaskFailedEvent { int32 taskScheduledId = 1; TaskFailureDetails failureDetails = 2; }
message SubOrchestrationInstanceCreatedEvent { string instanceId = 1; string name = 2; google.protobuf.StringValue version = 3; google.protobuf.StringValue input = 4; }
message SubOrchestrationInstanceCompletedEvent { int32 taskScheduledId = 1; google.protobuf.StringValue result = 2; }
message SubOrchestrationInstanceFailedEvent { int32 taskScheduledId = 1; TaskFailureDetails failureDetails = 2; }
message TimerCreatedEvent { google.protobuf.Timestamp fireAt = 1; }
message TimerFiredEvent { google.protobuf.Timestamp fireAt = 1; int32 timerId = 2; }
message OrchestratorStartedEvent {}
message OrchestratorCompletedEvent {}
message EventSentEvent { string instanceId = 1; string name = 2; google.protobuf.StringValue input = 3; }
message EventRaisedEvent { string name = 1; google.protobuf.StringValue input = 2; }
message GenericEvent { google.protobuf.StringValue data = 1; }
message HistoryStateEvent {}
message ContinueAsNewEvent { google.protobuf.StringValue input = 1; }
message ExecutionSuspendedEvent { google.protobuf.StringValue input = 1; }
message ExecutionResumedEvent { google.protobuf.StringValue input = 1; }
message EntityOperationSignaledEvent {
  string requestId = 1; string operation = 2; google.protobuf.Timestamp scheduledTime = 3;
  google.protobuf.StringValue input = 4; google.protobuf.StringValue targetInstanceId = 5;
}
message EntityOperationCalledEvent {
  string requestId = 1; string operation = 2; google.protobuf.Timestamp scheduledTime = 3; google.protobuf.StringValue input = 4;
  google.protobuf.StringValue parentInstanceId = 5; google.protobuf.StringValue parentExecutionId = 6; google.protobuf.StringValue targetInstanceId = 7;
}
message EntityLockRequestedEvent { string criticalSectionId = 1; repeated string lockSet = 2; int32 position = 3; google.protobuf.StringValue parentInstanceId = 4; }
message EntityOperationCompletedEvent { string requestId = 1; google.protobuf.StringValue output = 2; }
message EntityOperationFailedEvent { string requestId = 1; TaskFailureDetails failureDetails = 2; }
message EntityUnlockSentEvent { string criticalSectionId = 1; google.protobuf.StringValue parentInstanceId = 2; google.protobuf.StringValue targetInstanceId = 3; }
message EntityLockGrantedEvent { string criticalSectionId = 1; }
message ExecutionRewoundEvent { google.protobuf.StringValue reason = 1; }
message HistoryEvent {
  int32 eventId = 1;
  google.protobuf.Timestamp timestamp = 2;
  oneof eventType {
    ExecutionStartedEvent executionStarted = 3; ExecutionCompletedEvent executionCompleted = 4; ExecutionTerminatedEvent executionTerminated = 5;
    TaskScheduledEvent taskScheduled = 6; TaskCompletedEvent taskCompleted = 7; TaskFailedEvent taskFailed = 8;
    SubOrchestrationInstanceCreatedEvent subOrchestrationInstanceCreated = 9; SubOrchestrationInstanceCompletedEvent subOrchestrationInstanceCompleted = 10;
    SubOrchestrationInstanceFailedEvent subOrchestrationInstanceFailed = 11; TimerCreatedEvent timerCreated = 12; TimerFiredEvent timerFired = 13;
    OrchestratorStartedEvent orchestratorStarted = 14; OrchestratorCompletedEvent orchestratorCompleted = 15; EventSentEvent eventSent = 16;
    EventRaisedEvent eventRaised = 17; GenericEvent genericEvent = 18; HistoryStateEvent historyState = 19; ContinueAsNewEvent continueAsNew = 20;
    ExecutionSuspendedEvent executionSuspended = 21; ExecutionResumedEvent executionResumed = 22;
    EntityOperationSignaledEvent entityOperationSignaled = 23; EntityOperationCalledEvent entityOperationCalled = 24;
    EntityOperationCompletedEvent entityOperationCompleted = 25; EntityOperationFailedEvent entityOperationFailed = 26;
    EntityLockRequestedEvent entityLockRequested = 27; EntityLockGrantedEvent entityLockGranted = 28; EntityUnlockSentEvent entityUnlockSent = 29;
    ExecutionRewoundEvent executionRewound = 30;
  }
}
message OrchestrationState {
  string instanceId = 1; string name = 2; google.protobuf.StringValue version = 3; OrchestrationStatus orchestrationStatus = 4;
  google.protobuf.Timestamp scheduledStartTimestamp = 5; google.protobuf.Timestamp createdTimestamp = 6; google.protobuf.Timestamp lastUpdatedTimestamp = 7;
  google.protobuf.StringValue input = 8; google.protobuf.StringValue output = 9; google.protobuf.StringValue customStatus = 10;
  TaskFailureDetails failureDetails = 11; google.protobuf.StringValue executionId = 12; google.protobuf.Timestamp completedTimestamp = 13;
  google.protobuf.StringValue parentInstanceId = 14;
}
message GetInstanceRequest { string instanceId = 1; bool getInputsAndOutputs = 2; }
message GetInstanceResponse { bool exists = 1; OrchestrationState orchestrationState = 2; }
message InstanceQuery {
  repeated OrchestrationStatus runtimeStatus = 1; google.protobuf.Timestamp createdTimeFrom = 2; google.protobuf.Timestamp createdTimeTo = 3;
  repeated google.protobuf.StringValue taskHubNames = 4; int32 maxInstanceCount = 5; google.protobuf.StringValue continuationToken = 6;
  google.protobuf.StringValue instanceIdPrefix = 7; bool fetchInputsAndOutputs = 8;
}
message QueryInstancesRequest { InstanceQuery query = 1; }
message QueryInstancesResponse { repeated OrchestrationState orchestrationState = 1; google.protobuf.StringValue continuationToken = 2; }
message StreamInstanceHistoryRequest { string instanceId = 1; google.protobuf.StringValue executionId = 2; bool forWorkItemProcessing = 3; }
message HistoryChunk { repeated HistoryEvent events = 1; }

service TaskHubSidecarService {
  rpc GetInstance(GetInstanceRequest) returns (GetInstanceResponse);
  rpc QueryInstances(QueryInstancesRequest) returns (QueryInstancesResponse);
  rpc StreamInstanceHistory(StreamInstanceHistoryRequest) returns (stream HistoryChunk);
}
`;
/** How messages decode: field names as written, 64-bit numbers as strings, enums as numbers, the oneof's case named. */
const DECODE_OPTIONS = { keepCase: true, longs: String, enums: Number, defaults: false, oneofs: true };
/** The service's constructor (a client class), built once from the definitions above. */
function sidecarService() {
    const root = new protobuf.Root();
    for (const file of ['google/protobuf/timestamp.proto', 'google/protobuf/wrappers.proto']) {
        const common = protobuf.common.get(file);
        if (common?.nested)
            root.addJSON(common.nested);
    }
    protobuf.parse(DTS_PROTOCOL, root, { keepCase: true });
    root.resolveAll();
    const definition = (0,build_src/* fromJSON */.rS)(root.toJSON(), DECODE_OPTIONS);
    return src/* loadPackageDefinition */.ex(definition).TaskHubSidecarService;
}

;// CONCATENATED MODULE: ./src/taskhub/dts.ts
/**
 * A Durable Task Scheduler task hub, read over its gRPC data plane (docs/durable-task-scheduler.md):
 * instances in flight by status (QueryInstances, paged by continuation token) and an instance's
 * history (StreamInstanceHistory, its chunks in order), converted to the history file's events
 * (dts-history.ts). Every call carries the task hub and, unless the connection says
 * Authentication=None, a bearer token; a call the service refuses is an error that says why,
 * never an empty answer.
 */






/** The scheduler refused or could not answer a call: says which call, which hub, and what to do. */
const SchedulerError = (0,errors/* brandedError */.fi)('SchedulerError', class extends errors/* DurableGateError */.B7 {
    /** The gRPC status the scheduler answered with (PERMISSION_DENIED, NOT_FOUND, ...), when it answered. */
    status;
});
/** The runtime statuses by name, as the service numbers them (DurableTask.Core's numbers). */
const STATUS_NUMBERS = {
    Running: 0,
    Completed: 1,
    ContinuedAsNew: 2,
    Failed: 3,
    Canceled: 4,
    Terminated: 5,
    Pending: 6,
    Suspended: 7,
};
const STATUS_NAMES = Object.fromEntries(Object.entries(STATUS_NUMBERS).map(([name, n]) => [n, name]));
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
class SchedulerTaskHub {
    options;
    describe;
    client;
    constructor(options) {
        this.options = options;
        const { endpoint } = options.connection;
        const port = endpoint.port || (endpoint.protocol === 'https:' ? '443' : '80');
        const credentials = endpoint.protocol === 'https:' ? src/* credentials */.z3.createSsl() : src/* credentials */.z3.createInsecure();
        const Service = sidecarService();
        this.client = new Service(`${endpoint.hostname}:${port}`, credentials, {
            'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
        });
        this.describe = `task hub ${options.taskHub} on the Durable Task Scheduler at ${endpoint.host}`;
        // Each call in flight (16 histories read at once) listens for the stop: no limit to warn at.
        if (options.signal)
            (0,external_node_events_.setMaxListeners)(0, options.signal);
    }
    close() {
        this.client.close();
    }
    /** Who signs in, as messages say it. */
    get signIn() {
        return this.options.signIn ?? `the identity the connection string's Authentication=${this.options.connection.authentication} signs in as`;
    }
    get taskHub() {
        return this.options.taskHub;
    }
    /** Where histories come from, for messages. */
    get historyTable() {
        return `the scheduler at ${this.options.connection.endpoint.host}, task hub ${this.options.taskHub}`;
    }
    /** For record: the history's events (none when the scheduler has none: record says what that means). */
    async historyRows(instanceId) {
        return { rows: fromDtsHistory(await this.stream(instanceId)), blobs: 0 };
    }
    /** Ends `call` when the run is stopped; returns what to call once the call is over. */
    cancelOnStop(call) {
        const stop = () => call.cancel();
        this.options.signal?.addEventListener('abort', stop, { once: true });
        return () => this.options.signal?.removeEventListener('abort', stop);
    }
    async metadata() {
        const metadata = new src/* Metadata */.OS();
        metadata.set('taskhub', this.options.taskHub);
        metadata.set('x-user-agent', 'durable-gate');
        if (this.options.connection.authentication !== 'none') {
            if (!this.options.token)
                throw new SchedulerError(`no credential to sign in to the ${this.describe} (Authentication=${this.options.connection.authentication}).`);
            metadata.set('authorization', `Bearer ${await this.options.token()}`);
        }
        return metadata;
    }
    callOptions() {
        return { deadline: Date.now() + (this.options.callTimeoutMs ?? 30_000) };
    }
    unary(name, request) {
        return this.metadata().then((metadata) => new Promise((resolvePromise, reject) => {
            let done = () => undefined;
            const call = this.client[name].call(this.client, request, metadata, this.callOptions(), (error, response) => {
                done();
                if (error)
                    reject(this.explain(name, error));
                else
                    resolvePromise(response);
            });
            done = this.cancelOnStop(call);
        }));
    }
    /** A refusal said for the person on call: which call, which hub, what to check. */
    explain(call, error) {
        const explained = this.said(call, error);
        explained.status = src/* status */.h5[error.code];
        return explained;
    }
    said(call, error) {
        const where = this.describe;
        const { code } = error;
        // gRPC's details can run over lines and end in empty notes ("Resolution note: "): one line, trimmed.
        const details = (error.details ?? '')
            .replace(/\s+/g, ' ')
            .replace(/\s*Resolution note:\s*$/, '')
            .trim();
        const refused = code === src/* status */.h5.PERMISSION_DENIED || code === src/* status */.h5.UNAUTHENTICATED;
        if (refused && this.options.connection.authentication === 'none')
            return new SchedulerError(`${call} on the ${where} was refused (${src/* status */.h5[code]}: ${details}): the call carried no token, as the connection string's Authentication=None says (the local emulator's setting). Give it an Authentication that signs in (DefaultAzure, ManagedIdentity, WorkloadIdentity, ...).`);
        if (code === src/* status */.h5.PERMISSION_DENIED)
            return new SchedulerError(`${call} on the ${where} was refused (PERMISSION_DENIED: ${details}): ${this.signIn} may not read it. Grant it the role Durable Task Data Reader on the task hub or the scheduler; if it has the role, check that the task hub exists.`);
        if (code === src/* status */.h5.UNAUTHENTICATED)
            return new SchedulerError(`${call} on the ${where} was refused (UNAUTHENTICATED: ${details}): the token of ${this.signIn} was not accepted. Check that it signs in to the scheduler's tenant.`);
        if (code === src/* status */.h5.UNAVAILABLE)
            return new SchedulerError(`${call} on the ${where} failed: the scheduler did not answer (UNAVAILABLE: ${details}). Check the endpoint and the network.`);
        if (code === src/* status */.h5.DEADLINE_EXCEEDED)
            return new SchedulerError(`${call} on the ${where} took longer than ${Math.round((this.options.callTimeoutMs ?? 30_000) / 1000)} s (DEADLINE_EXCEEDED); nothing was read.`);
        if (code === src/* status */.h5.CANCELLED)
            return new SchedulerError(`${call} on the ${where} was stopped${this.options.signal?.aborted ? ` (${String(this.options.signal.reason ?? 'cancelled')})` : ''}.`);
        if (code === src/* status */.h5.NOT_FOUND)
            return new SchedulerError(`${call} on the ${where}: not found (${details}). Is the task hub name right?`);
        return new SchedulerError(`${call} on the ${where} failed (${src/* status */.h5[code] ?? code}: ${details}).`);
    }
    async *instances(query) {
        const statuses = query.statuses.map((name) => {
            const number = STATUS_NUMBERS[name];
            if (number === undefined)
                throw new SchedulerError(`the status ${name} is not one the scheduler knows (${Object.keys(STATUS_NUMBERS).join(', ')}).`);
            return number;
        });
        const names = query.names ? new Set(query.names.map((n) => n.toLowerCase())) : undefined;
        const ids = query.instanceIds ? new Set(query.instanceIds) : undefined;
        const seenTokens = new Set();
        let continuationToken;
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
            const page = await this.unary('QueryInstances', request);
            for (const state of page.orchestrationState ?? []) {
                const summary = toSummary(state);
                // Entities are instances named "@name@key": never orchestrations in flight (as Azure Storage's query leaves them out).
                if (summary.instanceId.startsWith('@'))
                    continue;
                if (names && !names.has(summary.name.toLowerCase()))
                    continue;
                if (ids && !ids.has(summary.instanceId))
                    continue;
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
    async instance(instanceId) {
        const answer = await this.unary('GetInstance', { instanceId, getInputsAndOutputs: false });
        return answer.exists && answer.orchestrationState ? toSummary(answer.orchestrationState) : undefined;
    }
    /** An instance's history, whole (every chunk, in order), as the history file's events; an error when the scheduler has none. */
    async history(instanceId, executionId) {
        const events = await this.stream(instanceId, executionId);
        if (events.length === 0)
            throw new SchedulerError(`StreamInstanceHistory of ${instanceId} on the ${this.describe} returned no events: the instance may have been purged since it was listed.`);
        return fromDtsHistory(events);
    }
    /** StreamInstanceHistory's chunks, concatenated in order (none for an instance the scheduler does not have). */
    async stream(instanceId, executionId) {
        const metadata = await this.metadata();
        const request = { instanceId, forWorkItemProcessing: false, ...(executionId ? { executionId: { value: executionId } } : {}) };
        const events = [];
        await new Promise((resolvePromise, reject) => {
            const stream = this.client.StreamInstanceHistory(request, metadata, this.callOptions());
            const done = this.cancelOnStop(stream);
            stream.on('data', (chunk) => events.push(...(chunk.events ?? [])));
            stream.on('error', (error) => {
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
function timestamp(date) {
    const ms = date.getTime();
    return { seconds: String(Math.floor(ms / 1000)), nanos: (((ms % 1000) + 1000) % 1000) * 1_000_000 };
}
function toSummary(state) {
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
function openSchedulerHub(options) {
    const { connection, credential } = options;
    const token = connection.authentication === 'none' ? undefined : (0,dts_connection/* schedulerToken */.Pw)(connection, { env: options.env, ...(credential ? { credential } : {}) });
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


/***/ })

};
