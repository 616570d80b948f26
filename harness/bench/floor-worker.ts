/**
 * The floor's child process (started by harness/bench/floor.ts for scripts/bench.mjs; not part of
 * the library): loads the app as the replay worker does and calls the SDK's own handler on each
 * payload, nothing else.
 */
import { errorMessage } from '../errors.js';
import { loadAppInThisThread, type LoadedApp } from '../app/load.js';

export interface FloorInit {
  appDir: string;
}

/** One history for the floor: its orchestrator's name and its trigger payload as JSON text. */
export interface FloorHistory {
  name: string;
  payload: string;
}

export interface FloorRequest {
  id: number;
  histories: FloorHistory[];
}

export type FloorAnswer =
  { type: 'ready' } | { type: 'load-error'; message: string } | { type: 'done'; id: number; seconds: number } | { type: 'crash'; id: number; message: string };

/** The SDK's own handler on each payload, timed from the first to the last. */
async function floor(app: LoadedApp, histories: FloorHistory[]): Promise<number> {
  const handlers = new Map<string, (payload: unknown) => Promise<unknown>>();
  const started = process.hrtime.bigint();
  for (const history of histories) {
    let handler = handlers.get(history.name);
    if (!handler) {
      handler = app.bareHandler(history.name);
      if (!handler) continue;
      handlers.set(history.name, handler);
    }
    try {
      await handler(JSON.parse(history.payload));
    } catch {
      // A throwing orchestrator costs the same in the floor as in the harness.
    }
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function send(answer: FloorAnswer): void {
  process.send!(answer);
}

async function main(init: FloorInit): Promise<void> {
  let app: LoadedApp;
  try {
    app = await loadAppInThisThread(init.appDir);
  } catch (error) {
    process.send!({ type: 'load-error', message: errorMessage(error) } satisfies FloorAnswer, () => process.exit(1));
    return;
  }
  process.on('message', (request: FloorRequest) => {
    floor(app, request.histories).then(
      (seconds) => send({ type: 'done', id: request.id, seconds }),
      (error: unknown) => send({ type: 'crash', id: request.id, message: errorMessage(error) }),
    );
  });
  // The bench closed the channel: nothing more will be asked.
  process.once('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}

if (typeof process.send === 'function' && process.argv[2] !== undefined) void main(JSON.parse(process.argv[2]) as FloorInit);
