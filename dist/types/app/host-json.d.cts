export interface DurableHostConfig {
    /** The host.json file read, for messages. */
    file: string;
    /** hubName as written (may hold %Setting% references); undefined when absent. */
    hubName?: string;
    /** The app setting naming the storage connection. */
    connectionName: string;
    /** host.json names the connection setting (else `connectionName` is the provider's default). */
    connectionNamed?: boolean;
    /** Where the tracking store (Instances, History) lives when it is not the main connection. */
    trackingStoreConnectionName?: string;
    trackingStoreNamePrefix?: string;
    /** storageProvider.type when it is neither Azure Storage nor the Durable Task Scheduler (mssql, netherite). */
    otherProvider?: string;
    /**
     * storageProvider.type azureManaged (in any case, as the extension compares it): the Durable
     * Task Scheduler, whose connection string is in the setting `connectionName` names
     * (DURABLE_TASK_SCHEDULER_CONNECTION_STRING by default).
     */
    durableTaskScheduler?: boolean;
    /** The path of the durable settings in host.json, for messages. */
    section: string;
    /** Orchestration versioning: the version new instances get (extensions.durableTask.defaultVersion). */
    defaultVersion?: string;
    /** extensions.durableTask.storeInputsInOrchestrationHistory: TaskScheduled and SubOrchestrationInstanceCreated keep their inputs. */
    storeInputs?: boolean;
}
/** The Durable Task Scheduler's default connection setting (AzureManagedScalabilityProviderFactory.DefaultConnectionNameConstant). */
export declare const DTS_CONNECTION_SETTING = "DURABLE_TASK_SCHEDULER_CONNECTION_STRING";
/** Reads the durable settings of an app's host.json. Comments and trailing commas are tolerated, as the host does. */
export declare function readHostConfig(appDir: string): DurableHostConfig;
/** JSON with // and /* comments and trailing commas, as host.json may be written. */
export declare function stripJsonComments(input: string): string;
