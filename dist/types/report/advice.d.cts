import type { DurableHostConfig } from '../app/host-json.cjs';
import { type AnyReport } from '../replay/result.cjs';
export interface AdviceOption {
    option: 'drain' | 'side-by-side' | 'versioned-name' | 'orchestration-versioning' | 'keep-orchestrator';
    title: string;
    detail: string;
    snippet?: string;
}
export interface Advice {
    /** Orchestrators with broken instances, and how many. */
    broken: {
        orchestrator: string;
        instances: number;
    }[];
    options: AdviceOption[];
}
export interface VersionBump {
    required: true;
    /** The version the new code starts instances with (host.json defaultVersion, or the version file). */
    newVersion?: string;
    from: string;
    /** Versions the broken instances were started with ('' when none). */
    recorded: string[];
    ok: boolean;
    message: string;
}
/** Next name in a series: OrderHub → OrderHubV2, OrderHubV2 → OrderHubV3. */
export declare function nextName(name: string): string;
/** a moved up a minor or major version over b ('' or unparsable b counts as below any version). */
export declare function movedUp(a: string, b: string): boolean;
/** context.df.version came with durable-functions 3.2.0 (DurableOrchestrationContext.version). */
export declare const DF_VERSION_SINCE = "3.2.0";
/** The app the advice is for: its durable-functions decides whether context.df.version exists. */
export interface AdvisedApp {
    durableFunctionsVersion?: string;
}
/** version is floor or later (a version that does not parse counts as later). */
export declare function atLeast(version: string, floor: string): boolean;
export declare function adviseOn(report: AnyReport, host: DurableHostConfig | undefined, appShown: string, app?: AdvisedApp): Advice | undefined;
/** The version a version file names: a JSON file's "version" (package.json), or the file's text. */
export declare function readVersionFile(path: string): string;
export declare function checkVersionBump(report: AnyReport, newVersion: string | undefined, from: string): VersionBump | undefined;
export declare function renderAdvice(advice: Advice): string[];
