/** Every error class is declared with brandedError: instanceof holds across copies of the library. */
import { describe, expect, test } from '@jest/globals';
import { DurableGateError, HistoryError } from '../harness/errors.js';
import { ArmCancelled, ArmError } from '../src/azure/arm.js';
import { TaskHubAccessError } from '../src/taskhub/azure-tables.js';
import { ServiceAnswerError } from '../src/taskhub/connection.js';
import { HttpApiError } from '../src/taskhub/http-api.js';

const BRAND = Symbol.for('durable-gate.error');

describe('error classes of the deployment side', () => {
  const cases: [string, new (...args: never[]) => Error, () => Error][] = [
    ['ArmError', ArmError, () => new ArmError('refused', 403, 'AuthorizationFailed')],
    ['ArmCancelled', ArmCancelled, () => new ArmCancelled('cancelled', false)],
    ['TaskHubAccessError', TaskHubAccessError, () => new TaskHubAccessError('denied')],
    ['ServiceAnswerError', ServiceAnswerError, () => new ServiceAnswerError('odd')],
    ['HttpApiError', HttpApiError, () => new HttpApiError('odd')],
  ];
  test.each(cases)('%s: its name, its base, and an instance from another copy (its brand) are recognised', (name, cls, make) => {
    const error = make();
    expect(error.name).toBe(name);
    expect(error).toBeInstanceOf(cls);
    expect(error).toBeInstanceOf(DurableGateError);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(HistoryError);
    expect(String(error)).toBe(`${name}: ${error.message}`);
    const fromAnotherCopy = Object.assign(new Error('x'), { [BRAND]: ['DurableGateError', name] });
    expect(fromAnotherCopy).toBeInstanceOf(cls);
    expect(new Error('plain')).not.toBeInstanceOf(cls);
  });

  test('fields set by the constructor are kept; sibling classes stay apart', () => {
    const error = new ArmError('refused', 403, 'AuthorizationFailed');
    expect([error.status, error.code]).toEqual([403, 'AuthorizationFailed']);
    expect(new ArmCancelled('x', false).sent).toBe(false);
    expect(new ArmCancelled('x')).not.toBeInstanceOf(ArmError);
    expect(error).not.toBeInstanceOf(ArmCancelled);
  });
});
