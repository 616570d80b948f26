/**
 * The actions a JavaScript orchestrator returns (durable-functions src/actions/ActionType.ts) and
 * how the extension turns them into DurableTask.Core calls (docs/runtime-rules.md §3).
 */

export enum ActionType {
  CallActivity = 0,
  CallActivityWithRetry = 1,
  CallSubOrchestrator = 2,
  CallSubOrchestratorWithRetry = 3,
  ContinueAsNew = 4,
  CreateTimer = 5,
  WaitForExternalEvent = 6,
  CallEntity = 7,
  CallHttp = 8,
  SignalEntity = 9,
  ScheduledSignalEntity = 10,
  WhenAny = 11,
  WhenAll = 12,
  LockEntities = 13,
  ReleaseEntities = 14,
}

/** An action object as the SDK returns it (camelCase, see the SDK's actions/*.ts). */
export interface SdkAction {
  actionType: ActionType;
  functionName?: string;
  input?: unknown;
  instanceId?: string;
  operation?: string;
  externalEventName?: string;
  fireAt?: string | Date;
  isCanceled?: boolean;
  retryOptions?: SdkRetryOptions;
  compoundActions?: SdkAction[];
  httpRequest?: unknown;
  /** LockEntities: the entities to lock, sorted, as { name, key }. */
  lockSet?: { name: string; key: string }[];
  lockRequestId?: string;
}

export interface SdkRetryOptions {
  firstRetryIntervalInMilliseconds: number;
  maxNumberOfAttempts: number;
  backoffCoefficient?: number;
  maxRetryIntervalInMilliseconds?: number;
  retryTimeoutInMilliseconds?: number;
}

/** The built-in activity the extension runs for callHttp (HttpOptions.HttpTaskActivityReservedName). */
export const HTTP_ACTIVITY = 'BuiltIn::HttpActivity';

export function actionTypeName(type: number): string {
  return ActionType[type] ?? `action type ${type}`;
}

/** An entity's id as it travels, "@name@key", the name in lower case (EntityId.GetSchedulerIdFromEntityId). */
export function schedulerIdOf(entity: { name: string; key: string }): string {
  return `@${entity.name.toLowerCase()}@${entity.key}`;
}

/** The entity a "@name@key" id names, or undefined. */
export function entityOf(schedulerId: string): { name: string; key: string } | undefined {
  const end = schedulerId.startsWith('@') ? schedulerId.indexOf('@', 1) : -1;
  return end < 0 ? undefined : { name: schedulerId.slice(1, end), key: schedulerId.slice(end + 1) };
}

/** Entity ids travel as "@name@key" (EntityId.GetSchedulerIdFromEntityId). */
export function entityNameOf(schedulerId: string | undefined): string | undefined {
  if (!schedulerId || !schedulerId.startsWith('@')) return undefined;
  const end = schedulerId.indexOf('@', 1);
  return end < 0 ? schedulerId.slice(1) : schedulerId.slice(1, end);
}

/** What the report shows of a replayed action: its kind and the name it schedules. */
/** An action as messages name it: its type and, when it has one, its name ("CallActivity 'Charge'"). */
export function callPhrase(action: SdkAction): string {
  const { action: kind, name } = describeAction(action);
  return name ? `${kind} '${name}'` : kind;
}

export function describeAction(action: SdkAction): { action: string; name?: string } {
  const type = actionTypeName(action.actionType);
  switch (action.actionType) {
    case ActionType.CallActivity:
    case ActionType.CallActivityWithRetry:
    case ActionType.CallSubOrchestrator:
    case ActionType.CallSubOrchestratorWithRetry:
      return { action: type, ...(action.functionName ? { name: action.functionName } : {}) };
    case ActionType.CallHttp:
      return { action: type, name: HTTP_ACTIVITY };
    case ActionType.CallEntity:
    case ActionType.SignalEntity:
    case ActionType.ScheduledSignalEntity:
      return { action: type, name: `${action.instanceId ?? '?'} ${action.operation ?? ''}`.trim() };
    case ActionType.WaitForExternalEvent:
      return { action: type, ...(action.externalEventName ? { name: action.externalEventName } : {}) };
    case ActionType.ContinueAsNew:
    case ActionType.CreateTimer:
    case ActionType.WhenAny:
    case ActionType.WhenAll:
    case ActionType.LockEntities:
    case ActionType.ReleaseEntities:
      return { action: type };
    default:
      return { action: type };
  }
}
