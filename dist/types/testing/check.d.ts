import { type ReplayJob, type StreamedReport } from '../replay/run.js';
export interface CheckJob extends Omit<ReplayJob, 'histories' | 'items'> {
    /** The old code: the built app the scenarios run on. */
    base: string;
    /** Scenario files, modules, folders or globs. */
    scenarios: string[];
    /** Recorded histories: each point they passed through is checked too. */
    histories: string[];
    /** Told after each scenario ran on the old code (its label, and its name when it has one), with how many histories it gave. */
    onScenario?: (label: string, histories: number) => void;
}
export declare const NO_SCENARIO: string;
export declare function runCheckStreamed(job: CheckJob): Promise<StreamedReport & {
    generated: number;
}>;
