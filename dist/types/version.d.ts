/** durable-gate's version: kept in step with package.json by a test (__tests__/cli.test.ts). */
export declare const VERSION = "0.1.0";
