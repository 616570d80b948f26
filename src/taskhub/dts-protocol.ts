/**
 * The part of the Durable Task Scheduler's gRPC contract durable-gate reads (service
 * TaskHubSidecarService of microsoft/durabletask-protobuf protos/orchestrator_service.proto): the
 * messages of QueryInstances, StreamInstanceHistory and GetInstance and the history events, with
 * the field numbers the wire uses. Written as protobuf text and parsed at run time with
 * protobufjs (no file to ship beside the bundle); the well-known types come with protobufjs.
 */
import * as grpc from '@grpc/grpc-js';
import { fromJSON } from '@grpc/proto-loader';
import * as protobufModule from 'protobufjs';

// protobufjs is CommonJS: Node's ES module loader sees its exports under default, the bundler at the top.
const protobuf = 'Root' in protobufModule ? protobufModule : (protobufModule as unknown as { default: typeof protobufModule }).default;

export const DTS_PROTOCOL = `
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
export const DECODE_OPTIONS = { keepCase: true, longs: String, enums: Number, defaults: false, oneofs: true } as const;

/** The service's constructor (a client class), built once from the definitions above. */
export function sidecarService(): grpc.ServiceClientConstructor {
  const root = new protobuf.Root();
  for (const file of ['google/protobuf/timestamp.proto', 'google/protobuf/wrappers.proto']) {
    const common = protobuf.common.get(file);
    if (common?.nested) root.addJSON(common.nested);
  }
  protobuf.parse(DTS_PROTOCOL, root, { keepCase: true });
  root.resolveAll();
  const definition = fromJSON(root.toJSON(), DECODE_OPTIONS);
  return grpc.loadPackageDefinition(definition).TaskHubSidecarService as grpc.ServiceClientConstructor;
}
