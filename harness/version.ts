/** durable-gate's version: kept in step with package.json by a test (__tests__/cli.test.ts). */
export const VERSION = '0.1.0';
