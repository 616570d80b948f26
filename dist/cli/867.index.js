export const id = 867;
export const ids = [867];
export const modules = {

/***/ 8867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SWAP_USAGE: () => (/* binding */ SWAP_USAGE),
  VALIDATE_USAGE: () => (/* binding */ VALIDATE_USAGE),
  openSite: () => (/* binding */ openSite),
  renderSwap: () => (/* binding */ renderSwap),
  slotSource: () => (/* binding */ slotSource),
  swapCommand: () => (/* binding */ swapCommand),
  swapSettings: () => (/* binding */ swapSettings),
  swapWithValidation: () => (/* binding */ swapWithValidation),
  validateCommand: () => (/* binding */ validateCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./harness/app/host.ts
var host = __webpack_require__(6843);
// EXTERNAL MODULE: ./harness/errors.ts
var errors = __webpack_require__(9410);
// EXTERNAL MODULE: ./src/deadline.ts
var src_deadline = __webpack_require__(6683);
// EXTERNAL MODULE: ./src/http.ts
var http = __webpack_require__(6803);
;// CONCATENATED MODULE: ./src/azure/arm.ts


const WEB_API_VERSION = '2024-04-01';
/** The call may or may not have taken effect at Azure's side: check before acting again. */
const OUTCOME_UNKNOWN = 'OutcomeUnknown';
/** Azure Resource Manager (or something in its place) answered with something ARM does not send. */
const INVALID_RESPONSE = 'InvalidResponse';
/** Transport failures that mean the request never reached the service. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** The longest Retry-After honoured: a bigger one is the service's guess, and the caller's budget counts more. */
const MAX_RETRY_AFTER_MS = 60_000;
const ArmError = (0,errors/* brandedError */.fi)('ArmError', class extends errors/* DurableGateError */.B7 {
    status;
    code;
    constructor(message, status, code) {
        super(message);
        this.status = status;
        this.code = code;
    }
});
/** The ARM call was cancelled by the user (SIGINT/SIGTERM, a cancelled workflow). */
const ArmCancelled = (0,errors/* brandedError */.fi)('ArmCancelled', class extends errors/* DurableGateError */.B7 {
    sent;
    accepted;
    constructor(message, 
    /** False when the cancel came before the request was sent: nothing was started. */
    sent = true, 
    /** True when Azure had accepted the operation: it goes on at Azure's side. */
    accepted = false) {
        super(message);
        this.sent = sent;
        this.accepted = accepted;
    }
});
/** An App Service error in either shape, as code and message. */
function armErrorDetail(body) {
    const detail = armErrorBody(body);
    if (detail)
        return detail;
    const text = body.trim().replace(/\s+/g, ' ');
    if (!text)
        return {};
    return { message: text.startsWith('<') ? `an HTML page, not an answer of Azure Resource Manager (it begins '${text.slice(0, 60)}')` : text.slice(0, 300) };
}
/** The error of an ARM or App Service error body ({"error":{code,message}} or {"Code","Message"}); undefined when the body is no such thing. */
function armErrorBody(body) {
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        return undefined;
    }
    if (!isObject(parsed))
        return undefined;
    const error = parsed.error ?? parsed.Error;
    const source = isObject(error) ? error : parsed;
    const code = source.code ?? source.Code;
    const message = source.message ?? source.Message;
    if (typeof code !== 'string' && typeof message !== 'string')
        return undefined;
    return { ...(typeof code === 'string' ? { code } : {}), ...(typeof message === 'string' ? { message } : {}) };
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The JSON body of an answer; undefined for an empty one; a string saying why when it is not JSON. */
function readJson(response) {
    if (!response.body.trim())
        return { value: undefined };
    try {
        return { value: JSON.parse(response.body) };
    }
    catch {
        return { problem: `HTTP ${response.status} with a body that is not JSON (${(0,http/* describeBody */.MP)(response)})` };
    }
}
const CONFLICT = /another operation is in progress/i;
class ArmClient {
    options;
    token;
    constructor(options) {
        this.options = options;
    }
    get sleep() {
        return this.options.sleep ?? http/* sleep */.yy;
    }
    get requestTimeoutMs() {
        return this.options.requestTimeoutMs ?? http/* DEFAULT_TIMEOUT_MS */.t1;
    }
    /**
     * The Authorization header. A cancel while the token is on its way ends the wait at once, with
     * `cancelled` (the request it was for was not sent).
     */
    async authorization(cancelled) {
        if (!this.token || this.token.expiresOnTimestamp - Date.now() < 120_000) {
            const { signal } = this.options;
            const limit = this.options.tokenTimeoutMs ?? 120_000;
            let token;
            try {
                token = await settle(this.options.credential.getToken(this.options.scope, signal ? { abortSignal: signal } : {}), signal, limit);
            }
            catch (error) {
                if (signal?.aborted)
                    throw cancelled();
                throw new ArmError(`could not get a token for Azure Resource Manager: ${(0,errors/* errorMessage */.gJ)(error).split('\n')[0]}`);
            }
            if (token === 'cancelled' || signal?.aborted)
                throw cancelled();
            if (token === 'late')
                throw new ArmError(`could not get a token for Azure Resource Manager: the credential did not answer within ${Math.round(limit / 1000)} s. Check --auth and the login (az account show, or the OIDC set-up).`);
            if (!token)
                throw new ArmError('could not get a token for Azure Resource Manager: the credential returned none.');
            this.token = token;
        }
        return `Bearer ${this.token.token}`;
    }
    url(path, apiVersion = WEB_API_VERSION) {
        const url = /^https?:\/\//i.test(path) ? new URL(path) : new URL(this.options.endpoint.replace(/\/+$/, '') + path);
        if (!url.searchParams.has('api-version'))
            url.searchParams.set('api-version', apiVersion);
        return url;
    }
    /**
     * One call; retried on 429, 5xx and transport failures within the retry budget; 409 conflicts
     * waited out. Non-2xx → ArmError; so is a 2xx whose body is not JSON: an answer counts only when
     * it is one Resource Manager could have sent.
     */
    async request(method, path, body, what = `${method} ${path}`, options = {}) {
        const url = this.url(path);
        const { signal } = this.options;
        const retries = this.options.retries ?? 6;
        const conflictDeadline = Date.now() + (this.options.conflictWaitMs ?? 10 * 60_000);
        const retryDeadline = Date.now() + (this.options.retryBudgetMs ?? 120_000);
        const canRetry = (wait) => attempt < retries && Date.now() + wait <= retryDeadline;
        const notSent = () => new ArmCancelled(`cancelled before ${what} was sent`, false);
        const mustNotRepeat = options.idempotent === false;
        let attempt = 0;
        for (;;) {
            if (signal?.aborted)
                throw notSent();
            const authorization = await this.authorization(notSent);
            if (signal?.aborted)
                throw notSent();
            let response;
            try {
                response = await (0,http/* send */.tN)(url, {
                    method,
                    headers: { authorization, accept: 'application/json' },
                    ...(body !== undefined ? { body: JSON.stringify(body) } : method === 'POST' ? { body: '' } : {}),
                    ...(this.options.ca ? { ca: this.options.ca } : {}),
                    ...(signal ? { signal } : {}),
                    // Each try ends within the budget left (but gets a fair chance even when little is left).
                    timeoutMs: Math.min(this.requestTimeoutMs, Math.max(retryDeadline - Date.now(), 5000)),
                });
            }
            catch (error) {
                const reachedAzure = !(0,http/* neverSent */.vQ)(error) && !NOT_SENT.has(error.code ?? '');
                if (signal?.aborted) {
                    if (!reachedAzure)
                        throw notSent();
                    throw new ArmCancelled(mustNotRepeat ? `cancelled while ${what} was being sent: it may or may not have started at Azure's side` : `cancelled ${what}`);
                }
                const tls = (0,http/* tlsProblem */.hE)(error);
                if (tls)
                    throw new ArmError(`${what}: ${tls}`);
                const failure = error.code || (0,errors/* errorMessage */.gJ)(error);
                if (mustNotRepeat && reachedAzure) {
                    throw new ArmError(`${what}: ${failure} after the request was sent: it may or may not have started at Azure's side.`, undefined, OUTCOME_UNKNOWN);
                }
                if (!canRetry(this.backoff(attempt)))
                    throw new ArmError(`${what}: ${failure} (after ${attempt + 1} attempt(s)). Is ${url.origin} reachable?`);
                this.options.onNotice?.(`${what}: ${failure}; trying again.`);
                await this.sleep(this.backoff(attempt++), signal);
                continue;
            }
            const { status } = response;
            if (status >= 200 && status < 300) {
                const parsed = readJson(response);
                if ('problem' in parsed) {
                    const tail = mustNotRepeat
                        ? " Whether it started at Azure's side is not known: check the app's activity log before acting again."
                        : ' Something other than Resource Manager may have answered (a proxy, a sign-in page): check --arm-endpoint and the network path to it.';
                    throw new ArmError(`${what}: Azure Resource Manager answered ${parsed.problem}.${tail}`, status, mustNotRepeat ? OUTCOME_UNKNOWN : INVALID_RESPONSE);
                }
                return { status, headers: response.headers, body: parsed.value };
            }
            const detail = armErrorDetail(response.body);
            const said = detail.message ?? `HTTP ${status}`;
            const delay = (0,http/* retryAfter */.P9)(response.headers['retry-after']);
            if (status === 409 && CONFLICT.test(said)) {
                if (options.retryConflict && !options.retryConflict(said))
                    throw new ArmError(`${what}: ${said}`, status, 'OperationInProgress');
                if (Date.now() >= conflictDeadline)
                    throw new ArmError(`${what}: the site was still busy with another operation when the time to wait ran out: ${said}`, status, 'OperationInProgress');
                const pause = Math.min(Math.max(delay ?? 15_000, 1000), MAX_RETRY_AFTER_MS, Math.max(conflictDeadline - Date.now(), 1));
                this.options.onNotice?.(`Azure says another operation is in progress on the site; waiting ${Math.round(pause / 1000)} s and trying again. (${said})`);
                await this.sleep(pause, signal);
                continue;
            }
            const pause = Math.min(MAX_RETRY_AFTER_MS, delay ?? this.backoff(attempt));
            if ((status >= 500 || status === 408) && mustNotRepeat) {
                throw new ArmError(`${what}: ${explain(status, detail.code, said)}; it may or may not have started at Azure's side.`, status, OUTCOME_UNKNOWN);
            }
            if ((status === 408 || status === 429 || status >= 500) && canRetry(pause)) {
                if (attempt > 0)
                    this.options.onNotice?.(`${what}: ${said} (HTTP ${status}); trying again in ${Math.round(pause / 1000)} s.`);
                await this.sleep(pause, signal);
                attempt++;
                continue;
            }
            throw new ArmError(`${what}: ${explain(status, detail.code, said)}`, status, detail.code);
        }
    }
    backoff(attempt) {
        return Math.min(30_000, (this.options.retryDelayMs ?? 1000) * 2 ** attempt);
    }
    /**
     * Starts a long-running operation and follows it to its end. Resolves when it succeeded, throws
     * ArmError with the platform's reason when it failed, ArmError with code OUTCOME_UNKNOWN when
     * Azure accepted it and its end could not be learnt, ArmCancelled when the user cancelled (with
     * `accepted` when the operation goes on at Azure's side).
     *
     * Only an answer that proves the end counts: Succeeded (or the Location's final 2xx) for success;
     * status Failed/Canceled, or a 4xx carrying ARM's error for the operation, for failure. Anything
     * else (401, 403, 404, 408, 429 and 5xx that outlast the retries, transport failures, a body ARM
     * does not send) leaves the outcome unknown, said as such: a swap that was carried out must never
     * be reported as failed, or someone runs it again and undoes it.
     */
    async operation(method, path, body, what, options = {}) {
        const started = await this.request(method, path, body, what, { ...options, idempotent: false });
        if (started.status !== 201 && started.status !== 202)
            return;
        const asyncOperation = header(started.headers, 'azure-asyncoperation');
        const location = header(started.headers, 'location');
        const accepted = `Azure accepted it, and it may have completed: check the app's activity log before acting again.`;
        const unknown = (reason, status) => new ArmError(`${what}: ${reason}. ${accepted}`, status, OUTCOME_UNKNOWN);
        if (!asyncOperation && !location) {
            // 201 Created is an end in itself; a 202 without an address to follow says nothing of the end.
            if (started.status === 201)
                return;
            throw unknown('Azure answered HTTP 202 without an Azure-AsyncOperation or Location header to follow it by', 202);
        }
        // The token goes only to Resource Manager itself: an operation URL elsewhere is not followed.
        const endpoint = new URL(this.options.endpoint);
        for (const link of [asyncOperation, location]) {
            if (link && (!URL.canParse(link) || new URL(link).origin !== endpoint.origin)) {
                throw new ArmError(`${what}: Azure accepted it, but its status is at ${link}, not at ${endpoint.origin}: not followed with the token. It may have completed: check the app's activity log for the result before acting again.`, undefined, OUTCOME_UNKNOWN);
            }
        }
        const { signal } = this.options;
        const link = new URL((asyncOperation ?? location));
        const style = asyncOperation ? 'operation status' : 'operation result';
        const retries = this.options.retries ?? 6;
        const deadline = Date.now() + (this.options.operationTimeoutMs ?? 30 * 60_000);
        const began = Date.now();
        const following = () => new ArmCancelled(`stopped following ${what}: Azure accepted it and it goes on at Azure's side. Check the app's activity log before acting again`, true, true);
        let delay = (0,http/* retryAfter */.P9)(started.headers['retry-after']) ?? 5000;
        let noticed = 0;
        /** Polls in a row that said nothing (transport failures, 408, 429, 5xx), and the last of them. */
        let failures = 0;
        let lastProblem;
        for (;;) {
            const left = deadline - Date.now();
            if (left <= 0) {
                throw unknown(`still not finished after ${Math.round((Date.now() - began) / 1000)} s, when the time to follow it ran out${lastProblem ? ` (the last poll: ${lastProblem})` : ''}`);
            }
            await this.sleep(Math.min(Math.max(delay, 1000), MAX_RETRY_AFTER_MS, left), signal);
            if (signal?.aborted)
                throw following();
            if (Date.now() - began - noticed >= 30_000) {
                noticed = Date.now() - began;
                this.options.onNotice?.(`${what}: still running after ${Math.round(noticed / 1000)} s`);
            }
            let response;
            try {
                response = await (0,http/* send */.tN)(link, {
                    headers: { authorization: await this.authorization(following), accept: 'application/json' },
                    ...(this.options.ca ? { ca: this.options.ca } : {}),
                    ...(signal ? { signal } : {}),
                    timeoutMs: Math.min(this.requestTimeoutMs, Math.max(deadline - Date.now(), 1000)),
                });
            }
            catch (error) {
                if (error instanceof ArmCancelled || signal?.aborted)
                    throw following();
                if (error instanceof ArmError)
                    throw unknown(`its ${style} could not be read: ${error.message}`);
                const tls = (0,http/* tlsProblem */.hE)(error);
                if (tls)
                    throw unknown(`its ${style} could not be read: ${tls}`);
                lastProblem = error.code || (0,errors/* errorMessage */.gJ)(error);
                if (++failures > retries)
                    throw unknown(`its ${style} could not be read: ${lastProblem} (${failures} times in a row)`);
                this.options.onNotice?.(`${what}: reading its ${style} failed (${lastProblem}); trying again.`);
                delay = this.backoff(failures - 1);
                continue;
            }
            const { status } = response;
            const said = armErrorDetail(response.body).message;
            if (status === 408 || status === 429 || status >= 500) {
                lastProblem = `HTTP ${status}${said ? `: ${said}` : ''}`;
                if (++failures > retries)
                    throw unknown(`its ${style} could not be read: ${lastProblem} (${failures} times in a row)`, status);
                this.options.onNotice?.(`${what}: reading its ${style} answered ${lastProblem}; trying again.`);
                delay = (0,http/* retryAfter */.P9)(response.headers['retry-after']) ?? this.backoff(failures - 1);
                continue;
            }
            failures = 0;
            lastProblem = undefined;
            if (status === 401 || status === 403 || status === 404) {
                throw unknown(`its ${style} could not be read: ${POLL_REFUSED[status]} (HTTP ${status}${said ? `: ${said}` : ''})`, status);
            }
            const parsed = readJson(response);
            if (asyncOperation) {
                // The status monitor answers 200 with {"status": ...}; anything else does not tell how it ended.
                const value = 'value' in parsed ? parsed.value : undefined;
                if (status < 200 || status >= 300 || !isObject(value) || typeof value.status !== 'string') {
                    const why = 'problem' in parsed
                        ? parsed.problem
                        : status < 200 || status >= 300
                            ? `HTTP ${status} (${said ?? (0,http/* describeBody */.MP)(response)})`
                            : `HTTP ${status} without a status (${(0,http/* describeBody */.MP)(response)})`;
                    throw unknown(`its operation status is not an answer Azure sends: ${why}`, status);
                }
                const state = value.status.toLowerCase();
                if (state === 'succeeded')
                    return;
                if (state === 'failed' || state === 'canceled' || state === 'cancelled') {
                    const detail = armErrorBody(JSON.stringify(value)) ?? {};
                    throw new ArmError(`${what} ${state}: ${detail.message ?? 'no reason given'}${detail.code ? ` (${detail.code})` : ''}`, undefined, detail.code);
                }
            }
            else if (status >= 400 && status < 500) {
                // The Location answers the operation's own error with a 4xx and ARM's error body: that is a failure.
                const detail = armErrorBody(response.body);
                if (!detail)
                    throw unknown(`its operation result is not an answer Azure sends: HTTP ${status} (${(0,http/* describeBody */.MP)(response)})`, status);
                throw new ArmError(`${what} failed: ${detail.message ?? 'no reason given'}${detail.code ? ` (${detail.code})` : ''}`, status, detail.code);
            }
            else if ('problem' in parsed || ![200, 201, 202, 204].includes(status)) {
                throw unknown(`its operation result is not an answer Azure sends: ${'problem' in parsed ? parsed.problem : `HTTP ${status} (${(0,http/* describeBody */.MP)(response)})`}`, status);
            }
            else if (status !== 202) {
                return;
            }
            delay = (0,http/* retryAfter */.P9)(response.headers['retry-after']) ?? delay;
        }
    }
}
/** Why a poll's 401, 403 or 404 says nothing of the operation's end. */
const POLL_REFUSED = {
    401: 'Azure refused the token while it was being followed',
    403: 'the identity may not read the operation',
    404: 'the operation was not found (its record may have expired or moved)',
};
function header(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
}
/** Waits for `work`, but no longer than the signal allows or `limitMs`. */
function settle(work, signal, limitMs) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return resolve('cancelled');
        // Whichever comes first ends the wait, and the others are cleared: a credential that never answers holds nothing open.
        const end = (settle) => (value) => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            settle(value);
        };
        const timer = setTimeout(end(() => resolve('late')), limitMs);
        const onAbort = end(() => resolve('cancelled'));
        signal?.addEventListener('abort', onAbort, { once: true });
        work.then(end(resolve), end(reject));
    });
}
function explain(status, code, message) {
    const tail = code ? ` (${code}, HTTP ${status})` : ` (HTTP ${status})`;
    switch (status) {
        case 401:
            return `Azure refused the token${tail}: ${message} Check --auth and that the login is for the right tenant.`;
        case 403:
            return `not allowed${tail}: ${message} The identity needs a role such as Website Contributor on the app (slot swaps need Microsoft.Web/sites/slots/slotsswap/action).`;
        case 404:
            return `not found${tail}: ${message} Check --subscription, --resource-group, --app-name and --slot.`;
        default:
            return `${message}${tail}`;
    }
}

// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(7194);
;// CONCATENATED MODULE: ./src/azure/credentials.ts



const AUTH_KINDS = ['azure-cli', 'oidc', 'managed-identity', 'default'];
const CLOUDS = {
    azurecloud: { name: 'AzureCloud', arm: 'https://management.azure.com', authority: 'https://login.microsoftonline.com' },
    azurechinacloud: { name: 'AzureChinaCloud', arm: 'https://management.chinacloudapi.cn', authority: 'https://login.chinacloudapi.cn' },
    azureusgovernment: { name: 'AzureUSGovernment', arm: 'https://management.usgovcloudapi.net', authority: 'https://login.microsoftonline.us' },
};
function cloudFor(name) {
    const cloud = CLOUDS[(name ?? 'AzureCloud').toLowerCase()];
    if (!cloud)
        throw new errors/* UsageError */.eb(`Invalid --environment '${name}'. Expected AzureCloud, AzureChinaCloud or AzureUSGovernment (or --arm-endpoint for another cloud).`);
    return cloud;
}
const GITHUB_AUDIENCE = 'api://AzureADTokenExchange';
function parseAuth(text) {
    const auth = (text || 'azure-cli').toLowerCase();
    if (!AUTH_KINDS.includes(auth))
        throw new errors/* UsageError */.eb(`Invalid --auth '${text}'. Expected one of ${AUTH_KINDS.join(', ')}.`);
    return auth;
}

async function createCredential(options) {
    const onSecret = options.onSecret ?? (0,secrets/* secretSink */._f)();
    const made = await makeCredential(options, onSecret);
    return onSecret ? { ...made, credential: (0,secrets/* maskingCredential */.Ai)(made.credential, onSecret) } : made;
}
async function makeCredential(options, onSecret) {
    const auth = parseAuth(options.auth);
    const identity = await __webpack_require__.e(/* import() */ 531).then(__webpack_require__.bind(__webpack_require__, 2531));
    // An authority host set in the environment (sovereign or private clouds, tests) wins over the cloud's.
    const authorityHost = options.env.AZURE_AUTHORITY_HOST || options.cloud.authority;
    // Instance discovery asks the public cloud's login endpoint about the authority: not for other hosts.
    const disableInstanceDiscovery = authorityHost.replace(/\/+$/, '') !== CLOUDS.azurecloud.authority;
    const clientId = options.clientId || options.env.AZURE_CLIENT_ID || undefined;
    const tenantId = options.tenantId || options.env.AZURE_TENANT_ID || undefined;
    switch (auth) {
        case 'azure-cli':
            return { credential: new identity.AzureCliCredential(tenantId ? { tenantId } : {}), describe: 'the Azure CLI login (az login / azure/login)' };
        case 'oidc': {
            if (!clientId || !tenantId) {
                throw new errors/* UsageError */.eb(`--auth oidc needs the app registration's (or managed identity's) client id and the tenant id: --client-id and --tenant-id, or AZURE_CLIENT_ID and AZURE_TENANT_ID.`);
            }
            const requestUrl = options.env.ACTIONS_ID_TOKEN_REQUEST_URL;
            const requestToken = options.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
            if (!requestUrl || !requestToken) {
                throw new errors/* UsageError */.eb("--auth oidc needs GitHub's OIDC token, and this job has none: give the job `permissions: id-token: write` (and run it on GitHub Actions).");
            }
            const credential = new identity.ClientAssertionCredential(tenantId, clientId, () => githubToken(requestUrl, requestToken, GITHUB_AUDIENCE, onSecret), {
                authorityHost,
                disableInstanceDiscovery,
            });
            return { credential, describe: `GitHub OIDC federated with client ${clientId} in tenant ${tenantId}` };
        }
        case 'managed-identity':
            return {
                credential: clientId ? new identity.ManagedIdentityCredential({ clientId }) : new identity.ManagedIdentityCredential(),
                describe: clientId ? `the managed identity with client id ${clientId}` : "the machine's system-assigned managed identity",
            };
        case 'default':
            return {
                credential: new identity.DefaultAzureCredential({
                    authorityHost,
                    disableInstanceDiscovery,
                    ...(clientId ? { managedIdentityClientId: clientId } : {}),
                    ...(tenantId ? { tenantId } : {}),
                }),
                describe: 'DefaultAzureCredential',
            };
    }
}
/** The job's OIDC token for Entra ID, from the runner's token service. */
async function githubToken(requestUrl, requestToken, audience = GITHUB_AUDIENCE, onSecret) {
    onSecret?.(requestToken);
    const url = new URL(requestUrl);
    url.searchParams.set('audience', audience);
    let response;
    try {
        response = await (0,http/* send */.tN)(url, { headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json' } });
    }
    catch (error) {
        throw new errors/* UsageError */.eb(`could not get GitHub's OIDC token from ${url.origin}: ${(0,http/* tlsProblem */.hE)(error) ?? (0,errors/* errorMessage */.gJ)(error)}`);
    }
    if (response.status !== 200) {
        throw new errors/* UsageError */.eb(`GitHub's OIDC token service answered HTTP ${response.status}. Does the job have \`permissions: id-token: write\`?`);
    }
    let value;
    try {
        value = JSON.parse(response.body)?.value;
    }
    catch {
        value = undefined;
    }
    if (typeof value !== 'string' || value === '')
        throw new errors/* UsageError */.eb("GitHub's OIDC token service answered without a token (the answer was not the expected JSON with a value).");
    // Masked before it goes anywhere: the next request (to Entra ID) carries it.
    onSecret?.(value);
    return value;
}

// EXTERNAL MODULE: ./harness/app/host-json.ts
var host_json = __webpack_require__(9362);
;// CONCATENATED MODULE: ./src/azure/discovery.ts

/** The app settings hubName refers to (%Name%). */
function hubSettingNames(config) {
    return [...(config?.hubName ?? '').matchAll(/%([^%]+)%/g)].map((m) => m[1]);
}
/** The hub a slot's code uses: %Setting% references resolved from the slot's settings. */
function resolveHubName(config, settings, siteName) {
    if (!config.hubName)
        return { hub: defaultHubName(settings.WEBSITE_SITE_NAME ?? siteName), explicit: false };
    let missing;
    const hub = config.hubName.replace(/%([^%]+)%/g, (_, name) => {
        const value = settings[name];
        if (value === undefined) {
            missing ??= name;
            return `%${name}%`;
        }
        return value;
    });
    if (missing)
        return {
            hub,
            explicit: true,
            missingSetting: missing,
            problem: `hubName '${config.hubName}' refers to the app setting ${missing}, which this slot does not have`,
        };
    const problem = hubNameProblem(hub);
    return { hub, explicit: true, ...(problem ? { problem } : {}) };
}
/** DurableTaskOptions: the site name with only letters and digits, 't' before a leading digit, 3 to 45 characters. */
function defaultHubName(siteName) {
    let name = [...siteName].filter((c) => /[\p{L}\p{N}]/u.test(c)).join('');
    if (!name)
        return 'DefaultTaskHub';
    if (/^\p{N}/u.test(name))
        name = `t${name}`;
    name = name.slice(0, 45);
    return name.length < 3 ? `${name}Hub` : name;
}
/** AzureStorageOptions.ValidateHubName, said the same way. */
function hubNameProblem(hub) {
    if (/^[A-Za-z][A-Za-z0-9]{2,44}$/.test(hub))
        return undefined;
    return `Task hub name '${hub}' should contain only alphanumeric characters, start with a letter, and have length between 3 and 45.`;
}

;// CONCATENATED MODULE: ./src/azure/site.ts
/**
 * A function app and its deployment slots through ARM (Microsoft.Web; protocol §8). 'production'
 * is the site itself; any other slot name is a slot under it.
 */


const PRODUCTION = 'production';
function isProduction(slot) {
    return slot.toLowerCase() === PRODUCTION;
}
function site_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * An answer that lacks what Resource Manager always sends is an error, never read as "nothing":
 * a settings list without `properties` is not "no settings", a site without them is not a site.
 */
function expectShape(what, expected) {
    return new ArmError(`${what}: Azure Resource Manager answered without ${expected}, so the answer cannot be trusted. Something other than Resource Manager may have answered (a proxy, a sign-in page): check --arm-endpoint and the network path to it, then try again.`, undefined, INVALID_RESPONSE);
}
/** The `properties` object of an answer (a resource, a config list), or an error naming the call. */
function propertiesOf(body, what) {
    if (!site_isObject(body) || !site_isObject(body.properties))
        throw expectShape(what, 'the properties object it always has');
    return body.properties;
}
class WebSite {
    arm;
    ref;
    constructor(arm, ref) {
        this.arm = arm;
        this.ref = ref;
        for (const [option, value] of [
            ['--subscription', ref.subscription],
            ['--resource-group', ref.resourceGroup],
            ['--app-name', ref.name],
        ]) {
            if (!value || /[/?#\s]/.test(value))
                throw new errors/* UsageError */.eb(`Invalid ${option} '${value}'. Expected a name (no slashes or spaces).`);
        }
    }
    get id() {
        return `/subscriptions/${this.ref.subscription}/resourceGroups/${this.ref.resourceGroup}/providers/Microsoft.Web/sites/${this.ref.name}`;
    }
    /** The ARM path of a slot ('production' is the site itself). */
    path(slot, suffix = '') {
        return (isProduction(slot) ? this.id : `${this.id}/slots/${encodeURIComponent(slot)}`) + suffix;
    }
    describe(slot) {
        return isProduction(slot) ? `${this.ref.name} (production)` : `${this.ref.name}/${slot}`;
    }
    /** The slot's resource; a missing app or slot is said plainly. */
    async get(slot, option = '--slot') {
        const what = `reading ${this.describe(slot)}`;
        let body;
        try {
            body = (await this.arm.request('GET', this.path(slot), undefined, what)).body;
        }
        catch (error) {
            if (error instanceof ArmError && error.status === 404) {
                if (isProduction(slot)) {
                    throw new ArmError(`function app '${this.ref.name}' was not found in resource group '${this.ref.resourceGroup}' of subscription ${this.ref.subscription}. Check --app-name, --resource-group and --subscription.`, 404, error.code);
                }
                if ((await this.plan().catch(() => undefined))?.flexConsumption) {
                    throw new ArmError(`'${this.ref.name}' runs on a Flex Consumption plan, which has no deployment slots. Deploy side by side instead (a new task hub name) or use orchestration versioning; durable-gate replay tells which in-flight instances the new code breaks.`, 404, error.code);
                }
                throw new ArmError(`slot '${slot}' of '${this.ref.name}' was not found. Create it (az functionapp deployment slot create) or check ${option}.`, 404, error.code);
            }
            throw error;
        }
        const properties = propertiesOf(body, what);
        for (const name of ['serverFarmId', 'state', 'defaultHostName']) {
            if (properties[name] !== undefined && properties[name] !== null && typeof properties[name] !== 'string')
                throw expectShape(what, `a text ${name}`);
        }
        if (properties.targetSwapSlot !== undefined && properties.targetSwapSlot !== null && typeof properties.targetSwapSlot !== 'string')
            throw expectShape(what, 'a text targetSwapSlot');
        return { properties: properties, ...(site_isObject(body) && typeof body.kind === 'string' ? { kind: body.kind } : {}) };
    }
    async plan() {
        const site = await this.get(PRODUCTION);
        const farm = site.properties?.serverFarmId;
        let sku;
        if (farm) {
            const what = 'reading the App Service plan';
            const body = (await this.arm.request('GET', farm, undefined, what)).body;
            // The plan's sku tells Flex Consumption (no slots) apart: without it, nothing can be told.
            if (!site_isObject(body) ||
                !site_isObject(body.sku) ||
                (body.sku.name !== undefined && typeof body.sku.name !== 'string') ||
                (body.sku.tier !== undefined && typeof body.sku.tier !== 'string')) {
                throw expectShape(what, 'the sku object a plan always has');
            }
            sku = body.sku;
        }
        const flex = /flexconsumption/i.test(sku?.tier ?? '') || /^FC\d/i.test(sku?.name ?? '') || site.properties?.functionAppConfig !== undefined;
        return { ...(sku?.name ? { sku: sku.name } : {}), ...(sku?.tier ? { tier: sku.tier } : {}), flexConsumption: flex };
    }
    async appSettings(slot) {
        const what = `reading the app settings of ${this.describe(slot)}`;
        const response = await this.arm.request('POST', this.path(slot, '/config/appsettings/list'), undefined, what);
        const properties = propertiesOf(response.body, what);
        // Settings are text; anything else is not a list of settings (null, an app setting's absent value, is left out).
        const odd = Object.entries(properties).find(([, value]) => value !== null && typeof value !== 'string');
        if (odd)
            throw expectShape(what, `text values (the setting ${odd[0]} is ${Array.isArray(odd[1]) ? 'a list' : typeof odd[1]})`);
        return Object.fromEntries(Object.entries(properties).filter((e) => typeof e[1] === 'string'));
    }
    /** App setting names marked as deployment slot settings (sticky): they stay with their slot on a swap. */
    async stickySettingNames() {
        const what = 'reading the slot setting names';
        const response = await this.arm.request('GET', `${this.id}/config/slotConfigNames`, undefined, what);
        const names = propertiesOf(response.body, what).appSettingNames;
        if (names === undefined || names === null)
            return [];
        if (!Array.isArray(names) || names.some((name) => typeof name !== 'string'))
            throw expectShape(what, 'appSettingNames as a list of names');
        return names;
    }
    /**
     * Swap `slot` into `target` and follow the operation to its end. A 409 caused by another swap is
     * not waited out and retried: that swap may be this very change (a re-run, a second pipeline),
     * and swapping again would undo it.
     */
    async swap(slot, target, options = {}) {
        // Swapping back right after our own swap may meet it still winding down: that 409 is waited out.
        await this.arm.operation('POST', this.path(slot, '/slotsswap'), { targetSlot: target, preserveVnet: true }, `the swap of ${slot} into ${target}`, options.swappingBack ? {} : { retryConflict: (message) => !/swap/i.test(message) });
    }
    /** The slot a swap with preview (phase one done) will swap `slot` into, if any. */
    async pendingPreview(slot) {
        const target = (await this.get(slot)).properties.targetSwapSlot;
        return target || undefined;
    }
    /** Phase one of a swap with preview: the target's slot settings applied to `slot`, which restarts. */
    async preview(slot, target) {
        await this.arm.operation('POST', this.path(slot, '/applySlotConfig'), { targetSlot: target, preserveVnet: true }, `the swap preview of ${slot} with ${target}`);
    }
    /** Cancels a swap with preview: `slot` gets its own settings back. */
    async reset(slot) {
        await this.arm.operation('POST', this.path(slot, '/resetSlotConfig'), undefined, `resetting the swap preview of ${slot}`);
    }
}

// EXTERNAL MODULE: ./src/taskhub/azure-tables.ts
var azure_tables = __webpack_require__(2645);
// EXTERNAL MODULE: ./src/taskhub/connection.ts
var taskhub_connection = __webpack_require__(1394);
;// CONCATENATED MODULE: ./src/azure/slots.ts





/** Reads the slot's settings and resolves its hub and storage as the extension would. */
async function discoverSlot(options) {
    return bindSettings(options.slot, await options.site.appSettings(options.slot), options);
}
/** The hub and storage a slot's code uses with these settings (also: with the settings it would have after a swap). */
function bindSettings(slot, settings, options) {
    const { config } = options;
    const hub = resolveHubName(config ?? { file: '', connectionName: 'AzureWebJobsStorage', section: '' }, settings, options.site.ref.name);
    const connectionName = config?.trackingStoreConnectionName ?? config?.connectionName ?? 'AzureWebJobsStorage';
    const settingNames = Object.keys(settings).filter((name) => name.toLowerCase() === connectionName.toLowerCase() || name.toLowerCase().startsWith(`${connectionName.toLowerCase()}__`));
    let connection;
    let connectionProblem;
    const vaulted = settingNames.find((name) => /^@Microsoft\.KeyVault\(/i.test(settings[name] ?? ''));
    if (settingNames.length === 0) {
        connectionProblem = `has no setting ${connectionName} (nor ${connectionName}__accountName or ${connectionName}__tableServiceUri)`;
    }
    else if (vaulted) {
        connectionProblem = `keeps ${vaulted} in Key Vault (a @Microsoft.KeyVault(...) reference), which durable-gate cannot read through Resource Manager: use identity-based settings (${connectionName}__accountName, read with your Azure identity), or gate with --task-hub and --connection`;
    }
    else {
        try {
            connection = (0,taskhub_connection/* resolveConnection */.XC)({ setting: connectionName, env: settings, credential: options.credential, origin: `the app settings of slot ${slot}` });
        }
        catch (error) {
            connectionProblem = `cannot use its setting ${connectionName}: ${(0,errors/* errorMessage */.gJ)(error).replace(/\.$/, '')}`;
        }
    }
    return { slot, hub, connectionName, settingNames, settings, ...(connection ? { connection } : {}), ...(connectionProblem ? { connectionProblem } : {}) };
}
/** The app settings a slot has after a swap with `other`: the other slot's, except the sticky ones, which stay. */
function settingsAfterSwap(own, other, sticky) {
    const isSticky = (name) => sticky.has(name.toLowerCase());
    return {
        ...Object.fromEntries(Object.entries(other).filter(([name]) => !isSticky(name))),
        ...Object.fromEntries(Object.entries(own).filter(([name]) => isSticky(name))),
    };
}
/** Where a binding's instances live: storage account and task hub, compared without letter case. */
function place(binding) {
    return binding.connection && !binding.hub.problem ? `${binding.connection.account.toLowerCase()}/${binding.hub.hub.toLowerCase()}` : undefined;
}
function describePlace(binding) {
    return `task hub ${binding.hub.hub}${binding.connection ? ` in storage account ${binding.connection.account}` : ''}`;
}
/** The task hub reader for a discovered slot. */
function openSlotHub(binding, config) {
    if (!binding.connection)
        throw new Error(`slot ${binding.slot} ${binding.connectionProblem ?? 'has no storage connection'}`);
    // The hub comes from the slot's own settings: if it has no tables, the slot's code never ran there.
    return new azure_tables/* AzureTablesTaskHub */.$s(binding.connection, binding.hub.hub, {
        missingIsEmpty: true,
        ...(config?.trackingStoreNamePrefix ? { trackingPrefix: config.trackingStoreNamePrefix } : {}),
    });
}
/**
 * Checks the set-up before a swap. Errors stop a swap; warnings are said and let it go on.
 * The findings and their levels are documented in the README ("validate").
 */
async function validateSlots(options) {
    const { site, slot, target } = options;
    const findings = [];
    const report = { schema: 'durable-gate.validation/v1', app: site.ref.name, slot, target, slots: [], findings, ok: false };
    if (slot.toLowerCase() === target.toLowerCase()) {
        findings.push({
            level: 'error',
            code: 'same-slot',
            message: `--slot and --target are both '${slot}'.`,
            fix: 'Swap the staging slot into production: --slot staging (--target defaults to production).',
        });
        return report;
    }
    const plan = await site.plan();
    report.plan = { ...(plan.sku ? { sku: plan.sku } : {}), ...(plan.tier ? { tier: plan.tier } : {}) };
    if (plan.flexConsumption) {
        findings.push({
            level: 'error',
            code: 'plan-without-slots',
            message: `${site.ref.name} runs on a Flex Consumption plan, which has no deployment slots.`,
            fix: 'Deploy side by side instead: a new task hub name (hubName) for the new version, or orchestration versioning (host.json defaultVersion); durable-gate replay tells which in-flight instances the new code breaks.',
        });
        return report;
    }
    // plan() has read the production site already.
    for (const [name, option] of [
        [slot, '--slot'],
        [target, '--target'],
    ])
        if (!isProduction(name))
            await site.get(name, option);
    let config;
    if (options.appDir) {
        config = (0,host_json/* readHostConfig */.R)(options.appDir);
        report.hostJson = config.file;
    }
    else {
        findings.push({
            level: 'warning',
            code: 'no-host-json',
            message: "host.json was not read (no --app): the task hubs and the storage setting are assumed to be the extension's defaults.",
            fix: 'Pass --app <dir> with the function app folder being deployed.',
        });
    }
    if (config?.otherProvider) {
        findings.push({
            level: 'warning',
            code: 'other-storage-provider',
            message: `host.json selects the ${config.otherProvider} storage provider: the storage checks below assume Azure Storage.`,
            fix: 'Gate through the HTTP management API instead (gate --http-endpoint).',
        });
    }
    const bindings = await Promise.all([slot, target].map((name) => discoverSlot({ site, slot: name, credential: options.credential, ...(config ? { config } : {}) })));
    const sticky = new Set((await site.stickySettingNames()).map((n) => n.toLowerCase()));
    const storageChecks = !config?.otherProvider;
    for (const binding of bindings) {
        const where = site.describe(binding.slot);
        report.slots.push({
            slot: binding.slot,
            taskHub: binding.hub.hub,
            hubExplicit: binding.hub.explicit,
            connection: binding.connectionName,
            ...(binding.connection ? { storage: binding.connection.account } : {}),
        });
        if (binding.connectionProblem && storageChecks) {
            findings.push({
                level: 'error',
                code: 'storage-setting-missing',
                message: `${where} ${binding.connectionProblem}.`,
                fix: `Give each slot its own ${binding.connectionName} setting (a connection string, or ${binding.connectionName}__accountName for identity-based access), not marked as a deployment slot setting.`,
            });
        }
        if (config && !binding.hub.explicit && !isProduction(binding.slot)) {
            findings.push({
                level: 'error',
                code: 'hub-name-implicit',
                message: `host.json has no ${config.section}.hubName: in slot ${binding.slot} the Durable Functions extension refuses to start ("Task Hub name must be specified in host.json when using slots").`,
                fix: `Set ${config.section}.hubName, e.g. "%TaskHubName%" with a different TaskHubName app setting in each slot (not sticky).`,
            });
        }
        const missing = binding.hub.missingSetting;
        if (missing) {
            findings.push({
                level: 'error',
                code: 'hub-setting-missing',
                message: `${where}: ${binding.hub.problem}.`,
                fix: `Add the app setting ${missing} to ${where} (not a deployment slot setting), naming a task hub of its own.`,
            });
        }
        else if (binding.hub.problem) {
            findings.push({
                level: 'error',
                code: 'hub-name-invalid',
                message: `${where}: ${binding.hub.problem.replace(/\.$/, '')}.`,
                fix: 'Use 3 to 45 letters and digits, starting with a letter.',
            });
        }
    }
    const [a, b] = bindings;
    // Each slot's code must keep its hub through the swap: every setting that decides it moves with the code.
    if (storageChecks) {
        const moved = [
            {
                code: 'new',
                before: a,
                after: bindSettings(b.slot, settingsAfterSwap(b.settings, a.settings, sticky), { site, credential: options.credential, ...(config ? { config } : {}) }),
            },
            {
                code: 'old',
                before: b,
                after: bindSettings(a.slot, settingsAfterSwap(a.settings, b.settings, sticky), { site, credential: options.credential, ...(config ? { config } : {}) }),
            },
        ].filter((m) => place(m.before) !== undefined && place(m.before) !== place(m.after));
        if (moved.length) {
            const involved = new Set([...a.settingNames, ...b.settingNames, ...hubSettingNames(config)].map((n) => n.toLowerCase()));
            const stuck = [...new Set([...Object.keys(a.settings), ...Object.keys(b.settings)])].filter((n) => involved.has(n.toLowerCase()) && sticky.has(n.toLowerCase()) && a.settings[n] !== b.settings[n]);
            const m = moved[0];
            findings.push({
                level: 'error',
                code: 'durable-setting-sticky',
                message: `${stuck.length ? stuck.join(', ') : 'A durable setting'} ${stuck.length > 1 ? 'are deployment slot settings' : 'is a deployment slot setting'} (sticky) with different values in the two slots: on a swap ${stuck.length > 1 ? 'they stay' : 'it stays'} with the slot, so the ${m.code} code would move from ${describePlace(m.before)} to ${describePlace(m.after)}${m.code === 'new' ? ", where the old code's instances are running" : ', leaving its in-flight instances behind'}.`,
                fix: `Untick "Deployment slot setting" for ${stuck.length ? stuck.join(', ') : 'the durable storage and hub name settings'} on both slots, so that each slot's task hub moves with its code.`,
            });
        }
        // Without host.json the hubs are only assumed: a shared default hub is not reported as a fact.
        if (config && place(a) !== undefined && place(a) === place(b)) {
            findings.push({
                level: 'error',
                code: 'shared-task-hub',
                message: `${site.describe(a.slot)} and ${site.describe(b.slot)} both use ${describePlace(a)}: old and new code would pick up each other's orchestrations.`,
                fix: 'Give the slots different task hubs: hubName "%TaskHubName%" in host.json with a different TaskHubName value in each slot (not sticky), or a storage account per slot.',
            });
        }
    }
    report.ok = !findings.some((f) => f.level === 'error');
    return report;
}
function renderValidation(report) {
    const lines = [
        `Validated ${report.app}: slot ${report.slot} → ${report.target}${report.plan?.tier ? ` (plan ${report.plan.tier}${report.plan.sku ? ` ${report.plan.sku}` : ''})` : ''}`,
    ];
    for (const s of report.slots)
        lines.push(`  ${s.slot}: task hub ${s.taskHub}${s.hubExplicit ? '' : ' (default)'}, ${s.connection} → ${s.storage ? `storage account ${s.storage}` : 'no storage'}`);
    for (const f of report.findings)
        lines.push(`${f.level === 'error' ? 'error' : 'warning'} [${f.code}]: ${f.message}\n  fix: ${f.fix}`);
    const errors = report.findings.filter((f) => f.level === 'error').length;
    const warnings = report.findings.length - errors;
    lines.push(errors
        ? `${errors} error(s), ${warnings} warning(s): the swap would not be safe; nothing was changed.`
        : `No errors${warnings ? `, ${warnings} warning(s)` : ''}: the slot set-up is fit for a drain-and-swap.`);
    return lines.join('\n') + '\n';
}

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
        default:
            return 1;
    }
}
async function checkHealth(check, signal, onStep, sleep = http/* sleep */.yy) {
    const attempts = [];
    for (let i = 0; i < check.attempts && !signal?.aborted; i++) {
        if (i > 0)
            await sleep(check.intervalMs, signal);
        if (signal?.aborted)
            break;
        try {
            const response = await (0,http/* send */.tN)(new URL(check.url), { timeoutMs: 30_000, ...(check.ca ? { ca: check.ca } : {}), ...(signal ? { signal } : {}) });
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
            if (signal?.aborted)
                break;
            const why = (0,http/* tlsProblem */.hE)(error) ?? (error.code || (0,errors/* errorMessage */.gJ)(error));
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
            if (error instanceof ArmCancelled) {
                interrupted = record;
                record.message = !error.sent
                    ? 'cancelled before it was sent: nothing was started'
                    : error.accepted
                        ? "cancelled while Azure ran it; it goes on at Azure's side"
                        : "cancelled while the request was being sent: it may or may not have started at Azure's side";
                throw error;
            }
            record.message = (0,errors/* errorMessage */.gJ)(error).replace(/\.$/, '');
            if (error instanceof ArmError && error.code === OUTCOME_UNKNOWN)
                unknown = record.message;
            else if (error instanceof ArmError && error.status === 409)
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
                    message: `Whether ${target}'s slot settings were applied to ${slot} is not known: ${unknown}. Nothing was swapped and ${target} was not touched. Check the app's activity log; --action reset undoes a preview whether or not it took effect.`,
                });
            }
            return Object.assign(report, op.succeeded
                ? {
                    outcome: 'previewed',
                    message: `${target}'s slot settings are applied to ${slot}, which restarted with them. Warm it up and check it, then run --action complete to swap, or --action reset to cancel.`,
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
                    message: `Whether the swap preview of ${slot} was reset is not known: ${unknown}. ${target} was not touched. Running --action reset again is safe.`,
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
                    message: `No swap with preview of ${slot} into ${target} is in progress${pending ? ` (${slot} is prepared to swap into ${pending})` : ''}: nothing was swapped. Run --action preview first, or --action swap for a swap in one go.`,
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
                message: `${slot} is swapped into ${target}. No --health-url was given, so ${target}'s health was not checked.`,
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
                message: `${target} is unhealthy after the swap (${last}) and was NOT swapped back (--rollback never). Swap back now with: durable-gate swap --slot ${slot} --target ${target} ${site_} --skip-validation`,
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
        if (error instanceof ArmCancelled) {
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

// EXTERNAL MODULE: ./src/commands/options.ts
var options = __webpack_require__(6052);
// EXTERNAL MODULE: ./src/commands/taskhub.ts + 7 modules
var taskhub = __webpack_require__(5298);
// EXTERNAL MODULE: ./src/commands/azure-options.ts
var azure_options = __webpack_require__(210);
;// CONCATENATED MODULE: ./src/commands/azure.ts
/** `durable-gate validate`, `durable-gate swap` and slot discovery for `gate --slot`: through ARM. */













/** The app through ARM, with the chosen identity. Notices (409 waits, long operations) go to stderr. */
async function openSite(values, io, command, options = {}) {
    const missing = ['app-name', 'resource-group'].filter((name) => !values[name]);
    if (missing.length)
        throw new errors/* UsageError */.eb(`missing ${missing.map((m) => `--${m}`).join(' and ')}: ${command} reaches the app through Azure Resource Manager. Run 'durable-gate ${command} --help'.`);
    const subscription = values.subscription || io.env.AZURE_SUBSCRIPTION_ID;
    if (!subscription)
        throw new errors/* UsageError */.eb(`missing --subscription <id> (or AZURE_SUBSCRIPTION_ID). Run 'durable-gate ${command} --help'.`);
    const cloud = cloudFor(values.environment);
    const endpoint = values['arm-endpoint'] || cloud.arm;
    if (!URL.canParse(endpoint) || !/^https:/i.test(endpoint))
        throw new errors/* UsageError */.eb(`Invalid --arm-endpoint '${endpoint}'. Expected an https URL such as https://management.azure.com.`);
    const identity = await createCredential({
        cloud,
        env: io.env,
        ...(values.auth ? { auth: values.auth } : {}),
        ...(values['client-id'] ? { clientId: values['client-id'] } : {}),
        ...(values['tenant-id'] ? { tenantId: values['tenant-id'] } : {}),
    });
    const arm = new ArmClient({
        endpoint,
        credential: identity.credential,
        scope: `${cloud.arm}/.default`,
        onNotice: (message) => io.stderr.write(`durable-gate: ${message}\n`),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.timeoutMs ? { conflictWaitMs: options.timeoutMs, operationTimeoutMs: options.timeoutMs, retryBudgetMs: options.timeoutMs } : {}),
    });
    return { site: new WebSite(arm, { subscription, resourceGroup: values['resource-group'], name: values['app-name'] }), identity };
}
/** gate --slot: the hub the slot's code uses, discovered from ARM and host.json. */
async function slotSource(values, io, signal, timeoutMs) {
    const slot = values.slot;
    const { site, identity } = await openSite(values, io, 'gate', { ...(signal ? { signal } : {}), ...(timeoutMs ? { timeoutMs } : {}) });
    if (!values.app && !isProduction(slot)) {
        throw new errors/* UsageError */.eb(`gate --slot ${slot} needs --app <dir>: the app folder being deployed, whose host.json names the task hub (in a slot other than production the extension refuses to start without an explicit hubName, so the default cannot be right).`);
    }
    const config = values.app ? (0,host_json/* readHostConfig */.R)((0,external_node_path_.resolve)(io.cwd, values.app)) : undefined;
    if (!config)
        io.stderr.write(`durable-gate: warning: no --app, so host.json was not read: assuming the default storage setting AzureWebJobsStorage and the default hub name.\n`);
    if (config?.otherProvider)
        throw new errors/* UsageError */.eb(`host.json selects the ${config.otherProvider} storage provider; the gate reads Azure Storage task hubs. Use --http-endpoint with the slot's URL instead.`);
    const binding = await discoverSlot({ site, slot, credential: identity.credential, ...(config ? { config } : {}) });
    const where = site.describe(slot);
    if (!binding.connection)
        throw new errors/* UsageError */.eb(`${where} ${binding.connectionProblem}. The gate cannot find the slot's durable storage; check host.json's connection setting and the slot's app settings.`);
    if (binding.hub.problem)
        throw new errors/* UsageError */.eb(`${where}: ${binding.hub.problem}.`);
    const hubFrom = config?.hubName
        ? `host.json hubName ${config.hubName !== binding.hub.hub ? `'${config.hubName}' → ` : ''}${binding.hub.hub}`
        : `${binding.hub.hub} (the default: no hubName in host.json)`;
    io.stderr.write(`durable-gate: discovered ${where}: task hub ${hubFrom}; storage ${binding.connection.describe}; read as ${identity.describe} through ARM.\n`);
    // The whole connection string is masked too, not just its key.
    const raw = binding.settingNames.map((name) => binding.settings[name] ?? '').filter((value) => /AccountKey=|SharedAccessSignature=/i.test(value));
    const hub = openSlotHub(binding, config);
    return { source: hub, hub, secrets: [...binding.connection.secrets, ...raw] };
}
const VALIDATE_USAGE = `Usage: durable-gate validate --slot <slot> --app-name <name> --resource-group <name> [options]

Checks that the slot set-up is fit for a drain-and-swap: the durable storage setting exists on
both slots and is not sticky, the slots do not share a task hub, host.json names the hub
explicitly, and the plan has slots. Changes nothing.

Options:
  --slot <name>           The slot to be swapped (e.g. staging).
  --target <name>         The slot it swaps into (default production).
  --app <dir>             The function app folder being deployed (its host.json is read).
  --format text|json      Report format on stdout (default text).
  --timeout <duration>    Stop after this long (default 5m).
${azure_options/* AZURE_HELP */.k}
  -h, --help              Show this help.

Exit codes: 0 no errors (warnings may be listed); 1 errors found (each says how to fix it);
2 could not check (Azure unreachable, not allowed, app or slot not found, bad options, stopped by
--timeout or a cancel).
`;
const SWAP_USAGE = `Usage: durable-gate swap --slot <slot> --app-name <name> --resource-group <name> [options]

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
${azure_options/* AZURE_HELP */.k}
  -h, --help              Show this help.

Exit codes: 0 the target serves the new version (healthily, when --health-url is given);
1 the swap or the health check failed (the report says whether it was swapped back);
2 could not act: validation errors, Azure unreachable, not allowed, cancelled, bad options.
`;
function format(values) {
    const value = values.format ?? 'text';
    if (value !== 'text' && value !== 'json')
        throw new errors/* UsageError */.eb(`Invalid --format '${value}'. Expected text or json.`);
    return value;
}
function requireSlot(values, command) {
    if (!values.slot)
        throw new errors/* UsageError */.eb(`missing --slot <name>: the slot to ${command === 'swap' ? 'swap' : 'check'} (e.g. staging). Run 'durable-gate ${command} --help'.`);
    return values.slot;
}
async function validateCommand(args, io, signal) {
    const { values } = (0,taskhub.parse)('validate', args, {
        ...azure_options/* AZURE_OPTIONS */.H,
        target: { type: 'string' },
        app: { type: 'string' },
        format: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
        io.stdout.write(VALIDATE_USAGE);
        return 0;
    }
    const slot = requireSlot(values, 'validate');
    const fmt = format(values);
    const timeout = values.timeout ?? '5m';
    const timeoutMs = (0,options/* parseDuration */.E9)('--timeout', timeout);
    const deadline = (0,src_deadline/* withDeadline */.NE)(signal, timeoutMs, `--timeout ${timeout} passed`);
    try {
        const { site, identity } = await openSite(values, io, 'validate', { signal: deadline.signal, timeoutMs });
        const report = await validateSlots({
            site,
            slot,
            target: values.target ?? 'production',
            credential: identity.credential,
            ...(values.app ? { appDir: (0,external_node_path_.resolve)(io.cwd, values.app) } : {}),
        });
        io.stdout.write(fmt === 'json' ? JSON.stringify(report, null, 2) + '\n' : renderValidation(report));
        return report.ok ? 0 : 1;
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
/** Swap options shared by the CLI and the Action: names are the CLI's (the Action's inputs match). */
function swapSettings(get, slot, prefix = '--') {
    const action = (get('action') || 'swap').toLowerCase();
    if (!SWAP_ACTIONS.includes(action))
        throw new errors/* UsageError */.eb(`Invalid ${prefix}action '${action}'. Expected ${SWAP_ACTIONS.join(', ')}.`);
    const rollback = (get('rollback') || 'on-failure').toLowerCase();
    if (rollback !== 'on-failure' && rollback !== 'never')
        throw new errors/* UsageError */.eb(`Invalid ${prefix}rollback '${rollback}'. Expected on-failure or never.`);
    const url = get('health-url');
    if (url && (!URL.canParse(url) || !/^https?:/i.test(url)))
        throw new errors/* UsageError */.eb(`Invalid ${prefix}health-url '${url}'. Expected an http(s) URL, e.g. https://my-app.azurewebsites.net/api/health.`);
    const status = get('health-status') || '200';
    if (!/^[1-5]\d\d$/.test(status))
        throw new errors/* UsageError */.eb(`Invalid ${prefix}health-status '${status}'. Expected an HTTP status code such as 200.`);
    const expect = get('health-expect');
    return {
        slot,
        target: get('target') || 'production',
        action: action,
        rollback,
        timeoutMs: (0,options/* parseDuration */.E9)(`${prefix}timeout`, get('timeout') || '15m'),
        ...(url
            ? {
                health: {
                    url,
                    expectStatus: Number(status),
                    attempts: (0,options/* parseCount */.zq)(`${prefix}health-attempts`, get('health-attempts') || '10'),
                    intervalMs: (0,options/* parseDuration */.E9)(`${prefix}health-interval`, get('health-interval') || '10s'),
                    ...(expect ? { expectText: expect } : {}),
                },
            }
            : {}),
    };
}
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
async function swapCommand(args, io, signal) {
    const { values } = (0,taskhub.parse)('swap', args, {
        ...azure_options/* AZURE_OPTIONS */.H,
        target: { type: 'string' },
        action: { type: 'string' },
        'health-url': { type: 'string' },
        'health-status': { type: 'string' },
        'health-expect': { type: 'string' },
        'health-attempts': { type: 'string' },
        'health-interval': { type: 'string' },
        rollback: { type: 'string' },
        timeout: { type: 'string' },
        app: { type: 'string' },
        'skip-validation': { type: 'boolean' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
        io.stdout.write(SWAP_USAGE);
        return 0;
    }
    const slot = requireSlot(values, 'swap');
    const fmt = format(values);
    const settings = swapSettings((name) => values[name], slot);
    const { site, identity } = await openSite(values, io, 'swap', { timeoutMs: settings.timeoutMs, ...(signal ? { signal } : {}) });
    const result = await swapWithValidation(site, identity, settings, { skipValidation: values['skip-validation'] === true, ...(values.app ? { appDir: (0,external_node_path_.resolve)(io.cwd, values.app) } : {}), ...(signal ? { signal } : {}) }, (line) => io.stderr.write(`durable-gate: ${line}\n`));
    io.stdout.write(fmt === 'json'
        ? JSON.stringify(result, null, 2) + '\n'
        : `${result.validation && !result.validation.ok ? renderValidation(result.validation) : ''}${renderSwap(result)}`);
    return swapExitCode(result);
}
/** Validation (unless skipped; errors stop the swap), then the swap. The same for the CLI and the Action. */
async function swapWithValidation(site, identity, settings, options, onStep) {
    let validation;
    // Validation concerns a swap into the target; a preview reset changes nothing there.
    if (!options.skipValidation && settings.action !== 'reset') {
        validation = await validateSlots({
            site,
            slot: settings.slot,
            target: settings.target,
            credential: identity.credential,
            ...(options.appDir ? { appDir: options.appDir } : {}),
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
                message: `Not swapped: the slot set-up has ${validation.findings.filter((f) => f.level === 'error').length} error(s), each listed with its fix. Nothing was changed. Fix them, or skip the validation (--skip-validation; skip-validation: true in the Action) if you are sure.`,
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
        ...(options.signal ? { signal: options.signal } : {}),
    });
}


/***/ })

};
