/**
 * `durable-gate/testing`: a local Durable runtime for tests. Run an app's orchestrators with their
 * own durable-functions SDK, complete what they schedule, and read the histories production would
 * write (docs/testing.md).
 *
 *   const runtime = await LocalRuntime.create({ app: '.', activities: { ReserveItem: (item) => ({ reserved: item.qty }) } });
 *   const order = await runtime.start('ProcessOrder', { input, instanceId: 'order-1' });
 *   await runtime.run();
 *   expect(order.output).toEqual({ status: 'shipped', ... });
 *   await runtime.close();
 */
export { LocalRuntime, LocalRuntimeError, TestInstance, type ActivityCall, type ActivityMock, type EntityMock, type HttpAnswer, type HttpRequestInfo, type InstanceStatus, type LocalRuntimeOptions, type SubOrchestrationMock, } from './runtime.js';
export type { Answer, Answers, Scenario } from './scenario.js';
export type { HistoryEvent, HistoryFile } from '../history/events.js';
