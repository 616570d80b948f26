/**
 * The gate as one job for both front ends (CLI and Action): open the source, load the new code
 * when it waits only for what breaks, poll, and end every request and the app's worker when the
 * gate has decided. Nothing outlives the gate's timeout plus its grace.
 */
import { AppLoadError } from '../../harness/errors.js';
import { withDeadline } from '../deadline.js';
import type { HistorySource, InFlightSource } from '../taskhub/azure-tables.js';
import { GATE_GRACE_MS, gateErrorReport, runGate, type GateOptions, type GatePoll, type GateReport } from './gate.js';
import { openJudge } from './selective.js';

/** Where the gate looks: a source of in-flight instances and, for the storage sources, the hub to read histories from. */
export interface GateSource {
  source: InFlightSource;
  hub?: HistorySource;
  secrets: string[];
  /** Ends the source's connection (the scheduler's gRPC channel) once the gate has decided. */
  close?: () => void;
}

export interface GateJob extends Pick<GateOptions, 'statuses' | 'timeoutMs' | 'intervalMs' | 'staleAfterMs' | 'ignoreStale'> {
  /** Opens the source. `signal` ends its requests: a cancel, or the gate's grace after its timeout passed. */
  open: (signal: AbortSignal) => Promise<GateSource>;
  /** Why the work stops when the timeout and its grace have passed, in the front end's words ("--timeout 5m passed"). */
  timeoutReason: string;
  /** wait-for breaking: the folder with the new code, whose replay decides what must finish first. */
  appDir?: string;
  /** A cancel (SIGINT/SIGTERM, a cancelled workflow): the gate says cancelled. */
  signal?: AbortSignal;
  /** The source is open and polling starts. */
  onStart?: (source: GateSource) => void;
  onWarning: (warning: string) => void;
  /** `judged`: the new code judges each poll (wait-for breaking). */
  onPoll: (poll: GatePoll, judged: boolean) => void;
}

export async function runGateJob(job: GateJob): Promise<{ report: GateReport; found: GateSource }> {
  // A backstop a second after the gate's own limit: the gate decides first and says why.
  const work = withDeadline(job.signal, job.timeoutMs + GATE_GRACE_MS + 1000, job.timeoutReason);
  try {
    const found = await job.open(work.signal);
    job.onStart?.(found);
    let app: Awaited<ReturnType<typeof openJudge>> | undefined;
    try {
      app = job.appDir ? await openJudge(found.hub, job.appDir, job.onWarning, { signal: work.signal }) : undefined;
    } catch (error) {
      // The gate fails closed with its report: the new code could not be loaded to judge anything.
      if (!(error instanceof AppLoadError)) throw error;
      return {
        found,
        report: gateErrorReport(
          found.source.describe,
          job.signal?.aborted ? 'cancelled' : 'error',
          `could not load the new code in ${job.appDir}: ${error.message}`,
        ),
      };
    }
    const report = await runGate({
      source: found.source,
      ...(app?.judge ? { judge: app.judge } : {}),
      statuses: job.statuses,
      timeoutMs: job.timeoutMs,
      intervalMs: job.intervalMs,
      graceMs: GATE_GRACE_MS,
      ...(job.staleAfterMs !== undefined ? { staleAfterMs: job.staleAfterMs } : {}),
      ...(job.ignoreStale ? { ignoreStale: true } : {}),
      ...(job.signal ? { signal: job.signal } : {}),
      onPoll: (poll) => job.onPoll(poll, app !== undefined),
    }).finally(() => {
      // The gate has decided: a poll still waiting on the service is abandoned, not left running.
      work.abort('the gate has decided');
      found.close?.();
      return app?.close();
    });
    return { found, report };
  } finally {
    work.clear();
  }
}
