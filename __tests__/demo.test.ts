/**
 * The README's Quick start: `npm run demo` (Azurite) and `npm run demo -- --scheduler` (the Durable
 * Task Scheduler stand-in) each record the example's in-flight instances, catch the breaking change
 * on replay, and pass the gate once the instances it breaks have finished.
 */
import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { repoRoot } from './helpers/apps.js';
import { runNode } from './helpers/spawn.js';

const demo = join(repoRoot, 'scripts', 'demo.mjs');

describe('npm run demo', () => {
  test.each([
    ['Azure Storage (Azurite)', [], 'reading task hub OrderHub (AzureWebJobsStorage: storage account devstoreaccount1', 'Done: Azurite stopped.'],
    [
      'the Durable Task Scheduler (stand-in)',
      ['--scheduler'],
      'reading task hub orders on the Durable Task Scheduler at 127.0.0.1',
      'Done: the scheduler stand-in stopped.',
    ],
  ])(
    'on %s: record, replay catches the change, the gate passes',
    async (_backend, args, reading, done) => {
      const env = { ...process.env };
      delete env.AzureWebJobsStorage;
      delete env.DURABLE_TASK_SCHEDULER_CONNECTION_STRING;
      const run = await runNode([demo, ...args], env);
      expect(run.stdout + run.stderr).toContain(reading);
      expect(run.stdout).toContain('Recorded 7 of 7 instance(s)');
      expect(run.stdout).toContain('7 histories: 3 ok, 4 nondeterministic, 0 failed, 0 could not be checked');
      expect(run.stdout).toContain('Nothing in flight that the new code breaks');
      expect(run.stdout).toContain(done);
      expect(run.code).toBe(0);
    },
    120_000,
  );
});
