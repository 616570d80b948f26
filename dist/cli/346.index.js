export const id = 346;
export const ids = [346];
export const modules = {

/***/ 2346:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  swapCommand: () => (/* binding */ swapCommand),
  validateCommand: () => (/* binding */ validateCommand)
});

// EXTERNAL MODULE: ./src/azure/slots.ts
var slots = __webpack_require__(1906);
// EXTERNAL MODULE: ./harness/errors.ts
var errors = __webpack_require__(9410);
// EXTERNAL MODULE: ./src/http.ts
var src_http = __webpack_require__(6803);
// EXTERNAL MODULE: ./src/http/client.ts
var client = __webpack_require__(3329);
// EXTERNAL MODULE: ./src/azure/arm.ts
var arm = __webpack_require__(1201);
// EXTERNAL MODULE: ./src/option-names.ts
var option_names = __webpack_require__(1635);
;// CONCATENATED MODULE: ./src/azure/swap.ts
/**
 * The swap: staging into production through ARM, followed to its end, production's health checked
 * afterwards, and swapped back when the health check fails (--rollback on-failure). A cancelled
 * run starts no operation after the cancel, and says so; an operation already started at Azure's
 * side is said to go on. An operation whose end could not be learnt is 'unknown', never 'failed':
 * a swap reported as failed gets run again, and a second swap undoes the first.
 */





const SWAP_ACTIONS = ['swap', 'preview', 'complete', 'reset'];
function swapExitCode(report) {
    switch (report.outcome) {
        case 'swapped':
        case 'previewed':
        case 'reset':
            return 0;
        case 'cancelled':
        case 'invalid':
        case 'busy':
        case 'nothing-to-complete':
            return 2;
        case 'swap-failed':
        case 'unhealthy-rolled-back':
        case 'unhealthy-not-rolled-back':
        case 'rollback-failed':
        case 'unknown':
            return 1;
    }
}
/**
 * Production's health, through the one HTTP client. Each attempt is one exchange (30 s at most): the
 * check's own attempts, `intervalMs` apart, are its retries, and each one is reported as it ends.
 */
async function checkHealth(check, signal, onStep, sleep = src_http/* sleep */.yy) {
    const attempts = [];
    const http = new client/* HttpClient */.Qq({ timeoutMs: 30_000, retry: { retries: 0 }, sleep, ...(check.ca ? { ca: check.ca } : {}), ...(signal ? { signal } : {}) });
    for (let i = 0; i < check.attempts && !signal?.aborted; i++) {
        if (i > 0)
            await http.wait(check.intervalMs);
        if (signal?.aborted)
            break;
        try {
            const { response } = await http.request(new URL(check.url));
            const ok = response.status === check.expectStatus && (check.expectText === undefined || response.body.includes(check.expectText));
            const why = response.status !== check.expectStatus
                ? `HTTP ${response.status}, expected ${check.expectStatus}`
                : ok
                    ? `HTTP ${response.status}`
                    : `HTTP ${response.status} but the body lacks '${check.expectText}'`;
            attempts.push({ status: response.status, ok, ...(ok ? {} : { error: why }) });
            onStep?.(`health ${i + 1}/${check.attempts}: ${why}${ok ? ', healthy' : ''}`);
            if (ok)
                return { healthy: true, attempts };
        }
        catch (error) {
            if (signal?.aborted || (error instanceof client/* HttpFailure */.HR && error.cancelled))
                break;
            const why = error instanceof client/* HttpFailure */.HR ? (error.tls ?? `${error.code} (${error.message})`) : (0,errors/* errorMessage */.gJ)(error);
            attempts.push({ ok: false, error: why });
            onStep?.(`health ${i + 1}/${check.attempts}: ${why}`);
        }
    }
    return { healthy: false, attempts };
}
async function runSwap(options) {
    const { site, slot, target, action, signal } = options;
    const report = {
        schema: 'durable-gate.swap-report/v1',
        app: site.ref.name,
        slot,
        target,
        action,
        outcome: 'cancelled',
        rolledBack: false,
        operations: [],
        ...(options.validation ? { validation: options.validation } : {}),
        message: '',
    };
    const step = options.onStep ?? (() => undefined);
    const cancelled = (message) => Object.assign(report, { outcome: 'cancelled', message });
    if (signal?.aborted)
        return cancelled('Cancelled before anything was changed: no swap was started.');
    /** Set when an operation could not start because the site was busy (409). */
    let busy;
    /** Set when an operation was sent and its outcome is not known. */
    let unknown;
    /** The operation a cancel interrupted, if it came during one. */
    let interrupted;
    const site_ = `--app-name ${site.ref.name} --resource-group ${site.ref.resourceGroup} --subscription ${site.ref.subscription}`;
    /** One ARM operation, timed and recorded; false when it failed. Cancellation propagates. */
    const operate = async (operation, from, to, run) => {
        const started = Date.now();
        step(`${operation}: ${from} → ${to} started`);
        const record = { operation, from, to, succeeded: false, seconds: 0 };
        report.operations.push(record);
        try {
            await run();
            record.succeeded = true;
        }
        catch (error) {
            record.seconds = Math.round((Date.now() - started) / 100) / 10;
            if (error instanceof arm/* ArmCancelled */.AN) {
                interrupted = record;
                record.message = !error.sent
                    ? 'cancelled before it was sent: nothing was started'
                    : error.accepted
                        ? "cancelled while Azure ran it; it goes on at Azure's side"
                        : "cancelled while the request was being sent: it may or may not have started at Azure's side";
                throw error;
            }
            record.message = (0,errors/* errorMessage */.gJ)(error).replace(/\.$/, '');
            if (error instanceof arm/* ArmError */.dW && error.code === arm/* OUTCOME_UNKNOWN */.A8)
                unknown = record.message;
            else if (error instanceof arm/* ArmError */.dW && error.status === 409)
                busy = record.message;
        }
        record.seconds = Math.round((Date.now() - started) / 100) / 10;
        step(`${operation}: ${record.succeeded ? `done in ${record.seconds} s` : `failed: ${record.message}`}`);
        return record;
    };
    try {
        if (action === 'preview') {
            const op = await operate('preview', slot, target, () => site.preview(slot, target));
            if (!op.succeeded && unknown) {
                return Object.assign(report, {
                    outcome: 'unknown',
                    message: `Whether ${target}'s slot settings were applied to ${slot} is not known: ${unknown}. Nothing was swapped and ${target} was not touched. Check the app's activity log; ${(0,option_names/* option */.u)('action')} reset undoes a preview whether or not it took effect.`,
                });
            }
            return Object.assign(report, op.succeeded
                ? {
                    outcome: 'previewed',
                    message: `${target}'s slot settings are applied to ${slot}, which restarted with them. Warm it up and check it, then run ${(0,option_names/* option */.u)('action')} complete to swap, or ${(0,option_names/* option */.u)('action')} reset to cancel.`,
                }
                : { outcome: 'swap-failed', message: `The swap preview failed: ${op.message}. Nothing was swapped.` });
        }
        if (action === 'reset') {
            if (!(await site.pendingPreview(slot))) {
                return Object.assign(report, {
                    outcome: 'reset',
                    message: `No swap preview was in progress on ${slot}: nothing to reset, nothing was changed.`,
                });
            }
            const op = await operate('reset', slot, target, () => site.reset(slot));
            if (!op.succeeded && unknown) {
                return Object.assign(report, {
                    outcome: 'unknown',
                    message: `Whether the swap preview of ${slot} was reset is not known: ${unknown}. ${target} was not touched. Running ${(0,option_names/* option */.u)('action')} reset again is safe.`,
                });
            }
            return Object.assign(report, op.succeeded
                ? { outcome: 'reset', message: `The swap preview is cancelled: ${slot} has its own settings again. Production was not touched.` }
                : { outcome: 'swap-failed', message: `Resetting the swap preview failed: ${op.message}.` });
        }
        if (action === 'complete') {
            const pending = await site.pendingPreview(slot);
            if (pending?.toLowerCase() !== target.toLowerCase()) {
                return Object.assign(report, {
                    outcome: 'nothing-to-complete',
                    message: `No swap with preview of ${slot} into ${target} is in progress${pending ? ` (${slot} is prepared to swap into ${pending})` : ''}: nothing was swapped. Run ${(0,option_names/* option */.u)('action')} preview first, or ${(0,option_names/* option */.u)('action')} swap for a swap in one go.`,
                });
            }
        }
        const swap = await operate('swap', slot, target, () => site.swap(slot, target));
        if (!swap.succeeded && unknown) {
            return Object.assign(report, {
                outcome: 'unknown',
                message: `Whether ${slot} was swapped into ${target} is not known: ${unknown}. Do not run the swap again before checking which version ${target} runs (its health endpoint, the app's activity log, or az functionapp deployment slot list): a second swap would undo the first.`,
            });
        }
        if (!swap.succeeded && busy) {
            return Object.assign(report, {
                outcome: 'busy',
                message: `Nothing was swapped: ${busy}. If another swap of this site is running (a re-run or a second pipeline), let it finish and check which version ${target} runs before swapping again.`,
            });
        }
        if (!swap.succeeded) {
            return Object.assign(report, {
                outcome: 'swap-failed',
                message: `${capitalize(swap.message ?? `the swap of ${slot} into ${target} failed`)}. App Service restores both slots when a swap fails; ${target} still runs the previous version. Fix the cause and run the swap again.`,
            });
        }
        if (!options.health) {
            return Object.assign(report, {
                outcome: 'swapped',
                message: `${slot} is swapped into ${target}. No ${(0,option_names/* option */.u)('health-url')} was given, so ${target}'s health was not checked.`,
            });
        }
        step(`checking ${options.health.url} (expect HTTP ${options.health.expectStatus}${options.health.expectText ? ` with '${options.health.expectText}'` : ''}, ${options.health.attempts} attempt(s) ${Math.round(options.health.intervalMs / 1000)} s apart)`);
        report.health = await checkHealth(options.health, signal, step, options.sleep);
        if (report.health.healthy)
            return Object.assign(report, { outcome: 'swapped', message: `${slot} is swapped into ${target}, and ${target} answers healthily.` });
        if (signal?.aborted)
            return cancelled(`Cancelled during the health check, after the swap: ${target} runs the new version and its health is unknown. Nothing was swapped back. Check ${options.health.url} and swap back by hand if needed.`);
        const last = report.health.attempts.at(-1)?.error ?? 'no answer';
        if (options.rollback === 'never') {
            return Object.assign(report, {
                outcome: 'unhealthy-not-rolled-back',
                message: `${target} is unhealthy after the swap (${last}) and was NOT swapped back (${(0,option_names/* option */.u)('rollback')} never). Swap back now with: durable-gate swap --slot ${slot} --target ${target} ${site_} --skip-validation`,
            });
        }
        const back = await operate('swap back', slot, target, () => site.swap(slot, target, { swappingBack: true }));
        if (!back.succeeded && unknown) {
            return Object.assign(report, {
                outcome: 'unknown',
                message: `${target} was unhealthy after the swap (${last}), and whether swapping it back worked is not known: ${unknown}. Check which version ${target} runs (its health endpoint, the app's activity log, or az functionapp deployment slot list) before swapping by hand: a second swap back would undo the first.`,
            });
        }
        if (!back.succeeded) {
            return Object.assign(report, {
                outcome: 'rollback-failed',
                message: `${target} is unhealthy after the swap (${last}), and swapping back failed: ${back.message}. ${target} is serving the new, unhealthy version: swap back by hand now (az functionapp deployment slot swap --name ${site.ref.name} --resource-group ${site.ref.resourceGroup} --subscription ${site.ref.subscription} --slot ${slot} --target-slot ${target}, or the portal).`,
            });
        }
        report.rolledBack = true;
        // The previous version is checked for its status only: an expected text names the new one.
        const { url, expectStatus, intervalMs, ca } = options.health;
        report.healthAfterRollback = await checkHealth({ url, expectStatus, intervalMs, attempts: Math.min(3, options.health.attempts), ...(ca ? { ca } : {}) }, signal, step, options.sleep);
        return Object.assign(report, {
            outcome: 'unhealthy-rolled-back',
            message: `${target} was unhealthy after the swap (${last}), so it was swapped back: ${target} runs the previous version again${report.healthAfterRollback.healthy ? ' and answers healthily' : `, but does not answer healthily either (${report.healthAfterRollback.attempts.at(-1)?.error ?? 'no answer'}); look at it now`}. The new version is in ${slot}.`,
        });
    }
    catch (error) {
        if (error instanceof arm/* ArmCancelled */.AN) {
            const swapped = report.operations.some((o) => o.succeeded && o.operation === 'swap');
            if (interrupted && error.accepted)
                return cancelled(`Cancelled while Azure ran the ${interrupted.operation}: ${error.message}.`);
            if (interrupted && error.sent) {
                return cancelled(`Cancelled while the ${interrupted.operation} request was being sent: whether Azure started it is not known. Do not swap again before checking which version ${target} runs (its health endpoint, the app's activity log, or az functionapp deployment slot list): a second swap would undo the first.`);
            }
            if (swapped) {
                return cancelled(`Cancelled (${error.message}) after the swap: ${target} runs the new version, and nothing was swapped back. Check ${target} and swap back by hand if needed: durable-gate swap --slot ${slot} --target ${target} ${site_} --skip-validation`);
            }
            return cancelled(`Cancelled (${error.message}): nothing was swapped.`);
        }
        throw error;
    }
}
function capitalize(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/commands/input.ts
var commands_input = __webpack_require__(4378);
// EXTERNAL MODULE: ./src/commands/options.ts
var options = __webpack_require__(6052);
// EXTERNAL MODULE: ./src/commands/site.ts + 1 modules
var commands_site = __webpack_require__(6107);
;// CONCATENATED MODULE: ./src/commands/swap.ts
/**
 * `swap`: its settings, parsed once from either front end, and the job: validate the set-up, swap
 * the slot into the target through Azure Resource Manager, check the target's health and swap
 * back when it is unhealthy.
 */








const SWAP_OPTIONS = {
    ...commands_site.AZURE_OPTIONS,
    slot: 'text',
    target: 'text',
    action: 'text',
    'health-url': 'text',
    'health-status': 'text',
    'health-expect': 'text',
    'health-attempts': 'text',
    'health-interval': 'text',
    rollback: 'text',
    timeout: 'text',
    app: 'text',
    'skip-validation': 'flag',
    format: 'text',
};
function readSwapSettings(given, env) {
    const input = (0,commands_input/* declaredInput */.B)('swap', SWAP_OPTIONS, given);
    const slot = input.text('slot');
    if (!slot)
        throw new errors/* UsageError */.eb(`missing ${input.label('slot')}: the slot holding the new version (e.g. staging).`);
    const action = (input.text('action') ?? 'swap').toLowerCase();
    if (!SWAP_ACTIONS.includes(action))
        throw new errors/* UsageError */.eb(`Invalid ${input.label('action')} '${action}'. Expected ${SWAP_ACTIONS.join(', ')}.`);
    const rollback = (input.text('rollback') ?? 'on-failure').toLowerCase();
    if (rollback !== 'on-failure' && rollback !== 'never')
        throw new errors/* UsageError */.eb(`Invalid ${input.label('rollback')} '${rollback}'. Expected on-failure or never.`);
    const url = input.text('health-url');
    if (url && (!URL.canParse(url) || !/^https?:/i.test(url)))
        throw new errors/* UsageError */.eb(`Invalid ${input.label('health-url')} '${url}'. Expected an http(s) URL, e.g. https://my-app.azurewebsites.net/api/health.`);
    const status = input.text('health-status') ?? '200';
    if (!/^[1-5]\d\d$/.test(status))
        throw new errors/* UsageError */.eb(`Invalid ${input.label('health-status')} '${status}'. Expected an HTTP status code such as 200.`);
    const expect = input.text('health-expect');
    const app = input.text('app');
    return {
        azure: (0,commands_site.readAzureSettings)(input, env, 'swap'),
        slot,
        target: input.text('target') ?? 'production',
        action: action,
        rollback,
        timeoutMs: (0,options/* parseDuration */.E9)(input.label('timeout'), input.text('timeout') ?? '15m'),
        ...(url
            ? {
                health: {
                    url,
                    expectStatus: Number(status),
                    attempts: (0,options/* parseCount */.zq)(input.label('health-attempts'), input.text('health-attempts') ?? '10'),
                    intervalMs: (0,options/* parseDuration */.E9)(input.label('health-interval'), input.text('health-interval') ?? '10s'),
                    ...(expect ? { expectText: expect } : {}),
                },
            }
            : {}),
        skipValidation: input.flag('skip-validation'),
        ...(app ? { app } : {}),
        format: (0,options/* parseFormat */.Xc)(input.label('format'), input.text('format')),
    };
}
/** Validation (unless skipped; errors stop the swap: nothing is changed), then the swap. */
async function runSwapCommand(settings, services, events = {}) {
    const { site, identity } = await (0,commands_site.openSite)(settings.azure, services, events, {
        timeoutMs: settings.timeoutMs,
        ...(services.signal ? { signal: services.signal } : {}),
    });
    const onStep = (line) => events.onStep?.(line);
    let validation;
    // Validation concerns a swap into the target; a preview reset changes nothing there.
    if (!settings.skipValidation && settings.action !== 'reset') {
        validation = await (0,slots/* validateSlots */.uW)({
            site,
            slot: settings.slot,
            target: settings.target,
            credential: identity.credential,
            identity: identity.describe,
            ...(services.signal ? { signal: services.signal } : {}),
            ...(settings.app ? { appDir: (0,external_node_path_.resolve)(services.cwd, settings.app) } : {}),
        });
        for (const finding of validation.findings)
            onStep(`${finding.level}: ${finding.message}`);
        if (!validation.ok) {
            return {
                schema: 'durable-gate.swap-report/v1',
                app: site.ref.name,
                slot: settings.slot,
                target: settings.target,
                action: settings.action,
                outcome: 'invalid',
                rolledBack: false,
                operations: [],
                validation,
                message: `Not swapped: the slot set-up has ${validation.findings.filter((f) => f.level === 'error').length} error(s), each listed with its fix. Nothing was changed. Fix them, or skip the validation (${(0,option_names/* option */.u)('skip-validation')}) if you are sure.`,
            };
        }
    }
    return runSwap({
        site,
        slot: settings.slot,
        target: settings.target,
        action: settings.action,
        rollback: settings.rollback,
        onStep,
        ...(settings.health ? { health: settings.health } : {}),
        ...(validation ? { validation } : {}),
        ...(services.signal ? { signal: services.signal } : {}),
    });
}
/** The report as text: each operation, the health checks, then the message. */
function renderSwap(report) {
    const lines = [];
    for (const op of report.operations)
        lines.push(`${op.operation} ${op.from} → ${op.to}: ${op.succeeded ? `succeeded in ${op.seconds} s` : `failed after ${op.seconds} s: ${op.message}`}`);
    if (report.health)
        lines.push(`health after the swap: ${report.health.healthy ? 'healthy' : 'unhealthy'} (${report.health.attempts.length} attempt(s); last: ${report.health.attempts.at(-1)?.error ?? `HTTP ${report.health.attempts.at(-1)?.status}`})`);
    if (report.healthAfterRollback)
        lines.push(`health after swapping back: ${report.healthAfterRollback.healthy ? 'healthy' : 'unhealthy'}`);
    lines.push(report.message);
    return lines.join('\n') + '\n';
}

// EXTERNAL MODULE: ./harness/app/host.ts
var host = __webpack_require__(6843);
// EXTERNAL MODULE: ./src/deadline.ts
var src_deadline = __webpack_require__(6683);
;// CONCATENATED MODULE: ./src/commands/validate.ts
/**
 * `validate`: its settings, parsed once from either front end, and the job: check that the slot
 * set-up is fit for a drain-and-swap. It changes nothing.
 */








const VALIDATE_OPTIONS = { ...commands_site.AZURE_OPTIONS, slot: 'text', target: 'text', app: 'text', format: 'text', timeout: 'text' };
function readValidateSettings(given, env) {
    const input = (0,commands_input/* declaredInput */.B)('validate', VALIDATE_OPTIONS, given);
    const slot = input.text('slot');
    if (!slot)
        throw new errors/* UsageError */.eb(`missing ${input.label('slot')}: the slot to check (e.g. staging).`);
    const app = input.text('app');
    const timeoutText = input.text('timeout') ?? '5m';
    return {
        azure: (0,commands_site.readAzureSettings)(input, env, 'validate'),
        slot,
        target: input.text('target') ?? 'production',
        ...(app ? { app } : {}),
        format: (0,options/* parseFormat */.Xc)(input.label('format'), input.text('format')),
        timeoutMs: (0,options/* parseDuration */.E9)(input.label('timeout'), timeoutText),
        timeoutReason: input.passed('timeout', timeoutText),
    };
}
/** The findings, each with its fix. Stopped by the timeout or a cancel, it throws: nothing was validated. */
async function runValidate(settings, services, events = {}) {
    const deadline = (0,src_deadline/* withDeadline */.NE)(services.signal, settings.timeoutMs, settings.timeoutReason);
    try {
        const { site, identity } = await (0,commands_site.openSite)(settings.azure, services, events, { signal: deadline.signal, timeoutMs: settings.timeoutMs });
        return await (0,slots/* validateSlots */.uW)({
            site,
            slot: settings.slot,
            target: settings.target,
            credential: identity.credential,
            identity: identity.describe,
            signal: deadline.signal,
            ...(settings.app ? { appDir: (0,external_node_path_.resolve)(services.cwd, settings.app) } : {}),
        });
    }
    catch (error) {
        if (!deadline.signal.aborted)
            throw error;
        throw new errors/* DurableGateError */.B7(`validate stopped (${(0,host/* stopReason */.PJ)(deadline.signal)}) before the checks were done: nothing was validated. It changes nothing, so it is safe to run again.`);
    }
    finally {
        deadline.clear();
    }
}

// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/usage.ts
var usage = __webpack_require__(7485);
;// CONCATENATED MODULE: ./src/cli/azure.ts
/** `durable-gate validate` and `durable-gate swap` on the command line: flags in, lines and the report out, the exit code. */






async function validateCommand(args, io, signal) {
    const { values, input } = (0,cli_args/* parseCommandArgs */.Qx)('validate', args, VALIDATE_OPTIONS);
    if (values.help) {
        io.stdout.write(usage/* VALIDATE_USAGE */.xt);
        return 0;
    }
    const settings = (0,cli_args/* withHelpHint */.dn)('validate', () => readValidateSettings(input, io.env));
    const report = await runValidate(settings, { cwd: io.cwd, env: io.env, ...(signal ? { signal } : {}) }, { onNotice: (0,cli_args/* say */.cv)(io), onWarning: (0,cli_args/* say */.cv)(io, 'warning: ') });
    io.stdout.write(settings.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : (0,slots/* renderValidation */.kQ)(report));
    return report.ok ? 0 : 1;
}
async function swapCommand(args, io, signal) {
    const { values, input } = (0,cli_args/* parseCommandArgs */.Qx)('swap', args, SWAP_OPTIONS);
    if (values.help) {
        io.stdout.write(usage/* SWAP_USAGE */.MO);
        return 0;
    }
    const settings = (0,cli_args/* withHelpHint */.dn)('swap', () => readSwapSettings(input, io.env));
    const report = await runSwapCommand(settings, { cwd: io.cwd, env: io.env, ...(signal ? { signal } : {}) }, { onNotice: (0,cli_args/* say */.cv)(io), onWarning: (0,cli_args/* say */.cv)(io, 'warning: '), onStep: (0,cli_args/* say */.cv)(io) });
    io.stdout.write(settings.format === 'json'
        ? JSON.stringify(report, null, 2) + '\n'
        : `${report.validation && !report.validation.ok ? (0,slots/* renderValidation */.kQ)(report.validation) : ''}${renderSwap(report)}`);
    return swapExitCode(report);
}


/***/ })

};
