/** The help of each command: what it does, its options with their defaults, its exit codes. */

export const USAGE = `Usage: durable-gate <command> [options]

Commands:
  replay    Replay recorded orchestration histories against new orchestrator code
  check     Run scenarios on the old code and replay what they wrote against the new code
  lint      Find what replay cannot see in orchestrator code: the clock, randomness, I/O
  record    Export the histories of in-flight instances from a task hub
  gate      Wait until nothing is in flight in a task hub (or the one bound to a slot)
  validate  Check that a function app's slots are set up for a drain-and-swap
  swap      Swap a slot into production, check its health, swap back if unhealthy

Options:
  -h, --help     Show this help.
  -v, --version  Show the version.

Run 'durable-gate <command> --help' for the options of a command.
Exit codes: 0 all good, 1 the check found a problem, 2 the tool could not do its job.
`;

export const REPLAY_USAGE = `Usage: durable-gate replay --app <dir> --histories <path>... [options]

Replays each history through the new code with the app's own durable-functions SDK and judges
it by the rules the Durable Task runtime applies. Verdicts: ok, nondeterministic, failed, error.

Options:
  --app <dir>            The function app folder with the new code (holds host.json and package.json).
                         TypeScript apps must be built first.
  --histories <path>     History files, folders (every *.json below) or globs. Repeat, or list several.
  --format <format>      Report format on stdout: text (default), json, junit (JUnit XML for CI test
                         reports) or sarif (SARIF 2.1.0, uploadable to GitHub code scanning).
  --quiet                Text format: leave out the line of each history that is ok; what broke,
                         the advice and the totals stay. For runs over thousands of histories.
  --allow-stale-build    Replay the app's built JavaScript even when its sources changed after it was
                         built. Without it such an app is refused (exit 2): the replay would judge
                         the code as it was before those changes.
  --fail-on-input-drift  A call the new code makes at its recorded step with another input than the
                         history recorded fails that history (the runtime carries on; by default
                         it is a warning on an ok result).
  --perturb              Run each history that replays ok once more with the wall clock moved,
                         other random numbers and ids, and the environment variables it read
                         changed, and compare everything the two runs schedule: code that depends
                         on them is nondeterministic, with the source and the line that read it.
                         About twice the time. See docs/lint.md, "Perturbed replay".
  --output <file>        Also write the report to this file, in the format its name says: .json,
                         .xml (JUnit), .sarif, text otherwise. Refuses to overwrite an existing file
                         unless --force.
  --force                Allow --output to overwrite an existing file.
  --require-version-bump When something breaks, also require host.json
                         extensions.durableTask.defaultVersion (or --version-file) to be a minor or
                         major version above the versions the broken instances were started with.
  --version-file <file>  Where the version is: a JSON file's "version" (package.json) or a text file.
  --timeout <duration>   Stop after this long (default 30m): histories not replayed by then are
                         reported as not checked (exit 2). Durations: 90s, 30m, 2h.
  --history-timeout <duration>
                         How long one history may run (default 30s): an orchestrator that loops
                         or waits for ever is stopped and reported as failed for that history only.
                         Loading the app may take 60 s.
  --history-memory <MB>  The heap one replay may use (default 2048): an orchestrator that allocates
                         without bound is stopped there and reported as failed for that history.
  --finished <how>       Histories of finished instances (Completed, Failed, Terminated): runtime
                         (default) judges them as the runtime does, which never replays them: ok,
                         with what the new code does on their path as a warning; judge replays them
                         as if still in flight (pull-request checks over recorded samples).
  --schema <schema>      The replay schema the host advertises: auto (default: V4 when a history
                         holds a lock request, else V3), V3 (extension bundles up to the Durable
                         extension 3.12) or V4 (3.13 and later; context.df.lock needs it).
  --no-color             Plain text even on a terminal.
  -h, --help             Show this help.

Exit codes: 0 every history replays cleanly; 1 the new code breaks at least one instance
(nondeterministic or failed); 2 nothing could be checked, bad options, some histories could not
be read, or the run was cancelled or timed out before every history was replayed (1 wins over 2).
`;

export const CHECK_USAGE = `Usage: durable-gate check --base <old app dir> --app <new app dir> --scenarios <path>... [options]

Checks version N+1 against version N with no production access: runs each scenario on the old
code with the local Durable runtime (its own durable-functions SDK, activities from the scenario
or the app), keeps the history at every point an instance waits, and replays each against the new
code, reported as replay reports.

Options:
  --base <dir>           The function app folder with the old code, built (in a pull request: the
                         base branch checked out beside the head, and built).
  --app <dir>            The function app folder with the new code, built.
  --scenarios <path>     Scenario files (*.json), modules (*.js, *.mjs, *.cjs), folders or globs.
                         See docs/testing.md, "Scenarios".
  --histories <path>     Recorded histories too: each point they passed through is checked.
  Every other option of replay: --format, --output, --quiet, --fail-on-input-drift, --perturb,
  --allow-stale-build (both apps), --timeout, --history-timeout, --schema, ...

Exit codes: as replay's: 0 every point replays cleanly; 1 the new code breaks one; 2 a scenario
could not run on the old code, bad options, or nothing could be checked.
`;

const AZURE_HELP = `Azure:
  --app-name <name>       The function app (site) name.
  --resource-group <name> Its resource group.
  --subscription <id>     Its subscription (default: AZURE_SUBSCRIPTION_ID).
  --auth <kind>           azure-cli (default: the login az or azure/login left), oidc (GitHub's OIDC
                          token for --client-id in --tenant-id; the job needs id-token: write),
                          managed-identity (self-hosted runners), default (DefaultAzureCredential).
  --client-id <id>        oidc: the app registration or managed identity (default AZURE_CLIENT_ID);
                          managed-identity: a user-assigned identity.
  --tenant-id <id>        The tenant (default AZURE_TENANT_ID).
  --environment <cloud>   AzureCloud (default), AzureChinaCloud or AzureUSGovernment.
  --arm-endpoint <url>    Another Resource Manager endpoint (Azure Stack, private clouds).`;

const CONNECTION_HELP = `  --task-hub <name>      The task hub (host.json extensions.durableTask.hubName). With --app, read
                         from its host.json as func start does: %Setting% resolved from the
                         environment, then local.settings.json; no hubName: WEBSITE_SITE_NAME or
                         TestHubName.
  --connection <name>    The app setting with the storage connection (default: the one --app's
                         host.json names, else AzureWebJobsStorage, or for the Durable Task
                         Scheduler DURABLE_TASK_SCHEDULER_CONNECTION_STRING): an environment variable holding
                         a connection string (UseDevelopmentStorage=true for Azurite), or
                         identity-based settings <name>__accountName, <name>__tableServiceUri,
                         <name>__credential=managedidentity, <name>__clientId.
  --app <dir>            The function app folder: its host.json names the hub and the connection
                         setting, its local.settings.json Values are read (the environment wins).
                         When host.json sets storageProvider.type azureManaged, the Durable Task
                         Scheduler is read (its connection string's Authentication signs in).
  --table-prefix <name>  The tables' prefix when the tracking store is shared (default: the task hub).`;

export const RECORD_USAGE = `Usage: durable-gate record --task-hub <name> --out <dir> [options]
       durable-gate record --app <dir> --out <dir> [options]

Exports the histories of in-flight instances, one durable-gate history file per instance.

Options:
${CONNECTION_HELP}
  --out <dir>            Where the files go (created if missing). Another instance's file is never
                         replaced; the same instance's file is updated.
  --status <list>        Statuses to record (default Pending,Running,Suspended,ContinuedAsNew).
  --orchestrator <name>  Only instances of this orchestrator (repeatable, or A,B; any letter case).
  --instance <id>        Only this instance (repeatable).
  --created-after <time> Only instances created at or after this time (ISO 8601).
  --limit <n>            At most n instances.
  --redact <path>        Replace a payload value before writing (repeatable): $.customer.email,
                         input:$.card, result:$.token, $..email, $.items[*].sku. Redacting a value the
                         orchestrator branches on can change what replay finds: redact personal
                         data, not the values the code decides on.
  --keep-per-orchestrator <n>
                         After recording, keep only the n most recently recorded files per
                         orchestrator in --out (a folder kept for pull-request checks).
  --max-age <duration>   After recording, remove files in --out recorded longer ago than this (7d).
  --timeout <duration>   Stop after this long (default 30m): instances not recorded by then are
                         listed. Files are written whole or not at all.
  -h, --help             Show this help.

Exit codes: 0 recorded; 1 some instances could not be recorded whole (they are listed); 2 could not
read the task hub, bad options, or stopped by --timeout or a cancel (what was not recorded is listed).
`;

export const GATE_USAGE = `Usage: durable-gate gate --task-hub <name> [options]
       durable-gate gate --app <dir> [options]
       durable-gate gate --slot <slot> --app <dir> --app-name <name> --resource-group <name> [options]

Waits until nothing is in flight in the task hub (Azure Storage, or the Durable Task Scheduler when
--app's host.json names it), or the timeout passes. With --slot, the task hub and its storage or
scheduler are discovered from the slot's app settings (through Azure Resource Manager) and the
app's host.json: no storage secret is needed; the scheduler is read as --auth signs in.

Options:
${CONNECTION_HELP}
  --timeout <duration>   How long to wait (default 30m). Durations: 90s, 30m, 2h, 1h30m.
  --interval <duration>  Time between polls (default 15s).
  --status <list>        Statuses that block (default Pending,Running,Suspended,ContinuedAsNew:
                         suspended instances resume on the new code).
  --http-endpoint <url>  Instead of the task hub, ask the app's Durable Functions HTTP API (for
                         backends durable-gate does not read: MSSQL, Netherite). The
                         durabletask_extension system key is read from
                         the environment variable named by --http-key-env (default
                         DURABLE_GATE_SYSTEM_KEY).
  --http-key-env <name>  The environment variable holding that system key.
  --wait-for <what>      all (default): wait for every instance in flight. breaking: replay the
                         in-flight histories against the new code (--app, built) at each poll and
                         wait only for the instances it breaks or cannot check; the others go on
                         running on the new code. One more poll confirms before the gate passes.
  --stale-after <dur>    Mark instances not updated for this long as possibly stuck.
  --ignore-stale         Let possibly stuck instances pass (needs --stale-after; the report says so).
  --format text|json     Report format on stdout (default text).
  --slot <name>          Discover the hub bound to this slot (e.g. staging); --app gives host.json.
${AZURE_HELP}
  -h, --help             Show this help.

Exit codes: 0 drained; 1 timed out (what blocks is listed); 2 could not query the task hub,
cancelled (SIGINT/SIGTERM), or bad options. The gate fails closed.
`;

export const VALIDATE_USAGE = `Usage: durable-gate validate --slot <slot> --app-name <name> --resource-group <name> [options]

Checks that the slot set-up is fit for a drain-and-swap: the durable storage setting exists on
both slots and is not sticky, the slots do not share a task hub, host.json names the hub
explicitly, and the plan has slots; on the Durable Task Scheduler, also that each slot's task hub
exists and that durable-gate's sign-in may read it. Changes nothing.

Options:
  --slot <name>           The slot to be swapped (e.g. staging).
  --target <name>         The slot it swaps into (default production).
  --app <dir>             The function app folder being deployed (its host.json is read).
  --format text|json      Report format on stdout (default text).
  --timeout <duration>    Stop after this long (default 5m).
${AZURE_HELP}
  -h, --help              Show this help.

Exit codes: 0 no errors (warnings may be listed); 1 errors found (each says how to fix it);
2 could not check (Azure unreachable, not allowed, app or slot not found, bad options, stopped by
--timeout or a cancel).
`;

export const SWAP_USAGE = `Usage: durable-gate swap --slot <slot> --app-name <name> --resource-group <name> [options]

Validates the set-up, swaps the slot into the target through Azure Resource Manager, follows the
operation to its end, checks the target's health and swaps back when it is unhealthy.

Options:
  --slot <name>           The slot holding the new version (e.g. staging).
  --target <name>         The slot to swap into (default production).
  --action <action>       swap (default); preview (apply the target's slot settings to the slot:
                          phase one of a swap with preview); complete (finish a previewed swap);
                          reset (cancel a preview).
  --health-url <url>      After the swap, GET this URL on the target until it answers healthily.
  --health-status <code>  The healthy status (default 200).
  --health-expect <text>  The healthy body must contain this text (e.g. the commit deployed).
  --health-attempts <n>   Attempts before the target counts as unhealthy (default 10).
  --health-interval <dur> Time between attempts (default 10s).
  --rollback <when>       on-failure (default: swap back when the health check fails) or never.
  --timeout <duration>    How long to wait for busy sites and for each operation (default 15m).
  --app <dir>             The function app folder being deployed (its host.json is validated).
  --skip-validation       Swap without validating the slot set-up.
  --format text|json      Report format on stdout (default text).
${AZURE_HELP}
  -h, --help              Show this help.

Exit codes: 0 the target serves the new version (healthily, when --health-url is given);
1 the swap or the health check failed (the report says whether it was swapped back);
2 could not act: validation errors, Azure unreachable, not allowed, cancelled, bad options.
`;

export const LINT_USAGE = `Usage: durable-gate lint --app <dir> [options]

Checks the orchestrators of a function app (TypeScript or JavaScript, programming model v4 or
function.json) and every function they call, across files, for code that replay cannot judge:
the wall clock, randomness and ids, waits without a durable timer, await and Promises, I/O, the
environment, module state, unguarded logging, endless loops without continueAsNew, and calls by
names the app does not register. Rules and examples: docs/lint.md.

Options:
  --app <dir>         The function app folder (holds host.json). Its sources are read (for
                      TypeScript, not the build), node_modules and tsconfig's outDir left out.
  --format <format>   text (default), json, sarif (SARIF 2.1.0 for GitHub code scanning) or
                      github (workflow commands: annotations on the pull request's lines).
  --rules <rule>      Only these rules (repeat, or separate with commas). Default: all.
  --fail-on <level>   The lowest severity that fails the run: error (default), warning or note.
  --output <file>     Also write the report to this file: .json, .sarif, text otherwise. Refuses to
                      overwrite an existing file unless --force.
  --force             Allow --output to overwrite an existing file.
  --no-color          No colours in the text format.

A comment disables a rule on a line, with the reason after --:
  // durable-gate-disable-next-line no-wall-clock -- only logged, never decides anything
(ESLint's own eslint-disable comments naming durable-gate/<rule> count too.)

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 the lint could not do
its job (no such folder, no orchestrator found, a source file that does not parse).
`;
