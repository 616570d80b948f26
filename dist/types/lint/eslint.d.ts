import type * as E from 'estree';
import { type RuleId } from './rules.js';
/** The part of ESLint's rule context the plugin uses (ESLint 9 and 10). */
interface RuleContext {
    filename: string;
    sourceCode: {
        text: string;
        ast: E.Program;
        getAllComments(): E.Comment[];
    };
    report(descriptor: {
        node: unknown;
        message: string;
        fix?: (fixer: {
            replaceTextRange(range: [number, number], text: string): unknown;
        }) => unknown;
    }): void;
}
interface RuleModule {
    meta: {
        type: 'problem' | 'suggestion';
        docs: {
            description: string;
            recommended: boolean;
            url: string;
        };
        fixable?: 'code';
        schema: [];
    };
    create(context: RuleContext): Record<string, (node: unknown) => void>;
}
interface DurableGatePlugin {
    meta: {
        name: string;
        version: string;
        namespace: string;
    };
    rules: Record<RuleId, RuleModule>;
    configs: {
        /** Errors and warnings on; the two informational rules (guard-replay-logging, computed-names) off. */
        recommended: {
            name: string;
            plugins: Record<string, DurableGatePlugin>;
            rules: Record<string, 'error' | 'warn' | 'off'>;
        };
        /** Every rule, the informational ones as warnings. */
        all: {
            name: string;
            plugins: Record<string, DurableGatePlugin>;
            rules: Record<string, 'error' | 'warn' | 'off'>;
        };
    };
}
declare const plugin: DurableGatePlugin;
export default plugin;
