/** What every Action command leaves for the steps after it: report files in RUNNER_TEMP and the job summary. */
import * as core from '@actions/core';
import { join } from 'node:path';
import { errorMessage } from '../../harness/errors.js';
import { writeWhole } from '../../harness/report/write.js';
import { workspace } from './input.js';

/** Writes the report as JSON, whole, to RUNNER_TEMP (the workspace outside a runner); returns its path. */
export async function writeReportFile(name: string, report: unknown): Promise<string> {
  const path = join(process.env.RUNNER_TEMP || workspace(), name);
  await writeWhole(path, JSON.stringify(report, null, 2) + '\n');
  return path;
}

/** The job summary: a summary that cannot be written is a warning, never the step's failure. */
export async function writeSummary(summary: typeof core.summary): Promise<void> {
  await summary.write().catch((error: unknown) => core.warning(`Could not write the job summary: ${errorMessage(error)}`));
}
