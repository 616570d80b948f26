/**
 * The actions a JavaScript orchestrator returns (durable-functions src/actions/ActionType.ts) and
 * how the extension turns them into DurableTask.Core calls (docs/runtime-rules.md §3).
 */
export declare enum ActionType {
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
    ReleaseEntities = 14
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
    lockSet?: {
        name: string;
        key: string;
    }[];
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
export declare const HTTP_ACTIVITY = "BuiltIn::HttpActivity";
export declare function actionTypeName(type: number): string;
/** An entity's id as it travels, "@name@key", the name in lower case (EntityId.GetSchedulerIdFromEntityId). */
export declare function schedulerIdOf(entity: {
    name: string;
    key: string;
}): string;
/** The entity a "@name@key" id names, or undefined. */
export declare function entityOf(schedulerId: string): {
    name: string;
    key: string;
} | undefined;
/** Entity ids travel as "@name@key" (EntityId.GetSchedulerIdFromEntityId). */
export declare function entityNameOf(schedulerId: string | undefined): string | undefined;
/** What the report shows of a replayed action: its kind and the name it schedules. */
/** An action as messages name it: its type and, when it has one, its name ("CallActivity 'Charge'"). */
export declare function callPhrase(action: SdkAction): string;
export declare function describeAction(action: SdkAction): {
    action: string;
    name?: string;
};
