import { type AnyReport } from '../replay/result.cjs';
export interface SarifOptions {
    /** Paths are made relative to this folder (the repository root, %SRCROOT%). */
    cwd: string;
    /** durable-gate's version (src/version.ts). */
    version: string;
}
export declare function renderSarif(report: AnyReport, options: SarifOptions): string;
