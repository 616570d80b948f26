/**
 * Loopback stand-ins for the identity services that the real @azure/identity 4.13 credentials talk to, so
 * a test can obtain an ARM token through ClientAssertionCredential / ClientSecretCredential (Microsoft
 * Entra ID + GitHub's OIDC token service), AzureCliCredential (a stub `az` on PATH) and
 * ManagedIdentityCredential (App Service's IDENTITY_ENDPOINT protocol) without leaving 127.0.0.1.
 *
 * What a credential needs to use them (all verified against @azure/identity 4.13.0 / msal-node 3.8.10):
 * - Entra: `{ authorityHost: entra.url, disableInstanceDiscovery: true }` (or AZURE_AUTHORITY_HOST=entra.url).
 *   Without disableInstanceDiscovery MSAL first GETs https://login.microsoftonline.com/common/discovery/instance
 *   (hard-coded, whatever the authority host) and, when that fails, getToken rejects with
 *   CredentialUnavailableError "endpoints_resolution_error: Endpoints cannot be resolved" without ever
 *   contacting the fake (an untrusted certificate on the fake gives that same error).
 * - GitHub OIDC: ACTIONS_ID_TOKEN_REQUEST_URL = oidc.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN = requestToken.
 * - az: installFakeAz(dir), then put dir first on PATH (in jest use prependPath: child_process sees the real
 *   process.env, not jest's sandbox copy).
 * - Managed identity: IDENTITY_ENDPOINT = mi.endpoint, IDENTITY_HEADER = header (see `mi.env`), set before the
 *   first ManagedIdentityCredential is built. MSAL keeps the source/endpoint it first picks and its token cache
 *   in statics for the life of the module instance (a jest test file): one MI fake per test file.
 * TLS: https fakes use the test certificate; trust it with NODE_EXTRA_CA_CERTS in a child process, or in-process
 * with `{ httpClient: trustingHttpClient(certificate) }` on the credential's options. The OIDC and MI fakes
 * can also serve plain http (certificate null).
 * guardNetwork() makes any non-loopback connection fail fast and records it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { runInThisContext } from 'node:vm';
import { createDefaultHttpClient, type HttpClient, type PipelineRequest } from '@azure/core-rest-pipeline';
import type { Certificate } from './https.js';

// ---------------------------------------------------------------------------------------------------------
// A small loopback server (http or https) that reads each request's body before handing it on.

export interface FakeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Served {
  url: string;
  log: FakeRequest[];
  close(): Promise<void>;
}
type Send = (status: number, body: unknown, headers?: Record<string, string>) => void;

async function serve(certificate: Certificate | null, handler: (request: FakeRequest, url: URL, send: Send) => void): Promise<Served> {
  const log: FakeRequest[] = [];
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const request: FakeRequest = {
        method: req.method ?? 'GET',
        path: `${url.pathname}${url.search}`,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      log.push(request);
      const send: Send = (status, body, headers = {}) => {
        const text = typeof body === 'string' ? body : JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
        res.end(text);
      };
      try {
        handler(request, url, send);
      } catch (error) {
        send(500, { error: 'fake_failure', error_description: String(error) });
      }
    });
  };
  const server: Server = certificate ? createHttpsServer({ cert: certificate.cert, key: certificate.key }, listener) : createHttpServer(listener);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${certificate ? 'https' : 'http'}://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// JWTs

const base64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

/** A JWT-shaped string: RS256/JWT header, the payload, and random bytes as the "signature" (never verified). */
export function fakeJwt(payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT', kid: 'fake-key' }): string {
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${base64url(randomBytes(256))}`;
}

/** Header and payload of a JWT-shaped string, or undefined when it is not one. The signature is not checked. */
export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0] ?? '', 'base64url').toString('utf8')) as unknown;
    const payload = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as unknown;
    if (!header || typeof header !== 'object' || !payload || typeof payload !== 'object') return undefined;
    return { header: header as Record<string, unknown>, payload: payload as Record<string, unknown> };
  } catch {
    return undefined;
  }
}

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
export const AZURE_AD_TOKEN_EXCHANGE = 'api://AzureADTokenExchange';

/** The claims GitHub puts in a job's OIDC token (deployment to the `production` environment of owner/repo). */
export function githubIdTokenClaims(audience: string = AZURE_AD_TOKEN_EXCHANGE, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    jti: randomUUID(),
    sub: 'repo:owner/repo:environment:production',
    aud: audience,
    ref: 'refs/heads/main',
    sha: 'b6c1ae2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b',
    repository: 'owner/repo',
    repository_owner: 'owner',
    run_id: '1234567890',
    run_number: '42',
    run_attempt: '1',
    actor: 'octocat',
    workflow: 'deploy',
    event_name: 'push',
    ref_type: 'branch',
    environment: 'production',
    job_workflow_ref: 'owner/repo/.github/workflows/deploy.yml@refs/heads/main',
    runner_environment: 'github-hosted',
    iss: GITHUB_ISSUER,
    nbf: now - 5,
    iat: now,
    exp: now + 300,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Microsoft Entra ID (login.microsoftonline.com) for MSAL node's client credentials flow

export interface EntraFakeOptions {
  tenantId: string;
  clientId: string;
  /** The access token handed out on success. */
  token: string;
  /** When set, any other client_assertion is refused (AADSTS700213). */
  expectedAssertion?: string;
  /** When set, any other client_secret is refused (AADSTS7000215); unset accepts any secret. */
  expectedSecret?: string;
  /** expires_in of the issued token, seconds (default 3599). */
  expiresIn?: number;
}

export interface EntraTokenRequest {
  /** The tenant segment of the token URL. */
  tenant: string;
  /** The parsed application/x-www-form-urlencoded body (grant_type, client_id, scope, client_assertion...). */
  form: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The status the fake answered with. */
  status: number;
}

export interface EntraFake {
  /** The authority host: pass as `authorityHost` (or AZURE_AUTHORITY_HOST), with `disableInstanceDiscovery: true`. */
  url: string;
  /** Every request (discovery included). */
  log: FakeRequest[];
  /** Token endpoint requests, successful or not. */
  requests: EntraTokenRequest[];
  close(): Promise<void>;
}

function entraError(status: number, error: string, code: number, description: string): { status: number; body: Record<string, unknown> } {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

function openIdConfiguration(url: string, tenant: string): Record<string, unknown> {
  const base = `${url}/${tenant}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${url}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'cloud_instance_name',
      'cloud_instance_host_name',
      'cloud_graph_host_name',
      'msgraph_host',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'acr',
      'nonce',
      'preferred_username',
      'name',
      'tid',
      'ver',
      'at_hash',
      'c_hash',
      'email',
    ],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

export async function startEntraFake(certificate: Certificate, options: EntraFakeOptions): Promise<EntraFake> {
  const requests: EntraTokenRequest[] = [];
  const sameId = (a: string | undefined, b: string): boolean => (a ?? '').toLowerCase() === b.toLowerCase();

  const tokenResponse = (tenant: string, form: Record<string, string>): { status: number; body: Record<string, unknown> } => {
    if (form['grant_type'] !== 'client_credentials') {
      return entraError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${form['grant_type'] ?? ''}'.`);
    }
    if (!sameId(tenant, options.tenantId) || !sameId(form['client_id'], options.clientId)) {
      return entraError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${form['client_id'] ?? ''}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      );
    }
    const assertion = form['client_assertion'];
    const secret = form['client_secret'];
    if (assertion !== undefined) {
      if (form['client_assertion_type'] !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
        return entraError(400, 'invalid_request', 50027, `Invalid client_assertion_type '${form['client_assertion_type'] ?? ''}'.`);
      }
      const jwt = decodeJwt(assertion);
      if (!jwt) return entraError(400, 'invalid_request', 50027, 'JWT token is invalid or malformed.');
      const exp = jwt.payload['exp'];
      if (typeof exp === 'number' && exp * 1000 < Date.now()) {
        return entraError(
          400,
          'invalid_client',
          700024,
          `Client assertion is not within its valid time range. Current time: ${new Date().toISOString()}, expiry time of assertion ${new Date(exp * 1000).toISOString()}.`,
        );
      }
      if (options.expectedAssertion !== undefined && assertion !== options.expectedAssertion) {
        return entraError(
          400,
          'invalid_client',
          700213,
          `No matching federated identity record found for presented assertion subject '${typeof jwt.payload['sub'] === 'string' ? jwt.payload['sub'] : ''}'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation`,
        );
      }
    } else if (secret !== undefined) {
      if (options.expectedSecret !== undefined && secret !== options.expectedSecret) {
        return entraError(
          401,
          'invalid_client',
          7000215,
          `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${options.clientId}'.`,
        );
      }
    } else {
      return entraError(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }
    const scope = form['scope'];
    if (!scope) return entraError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'scope'.");
    if (!scope.split(' ').every((s) => s.endsWith('/.default'))) {
      return entraError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    }
    const expiresIn = options.expiresIn ?? 3599;
    return { status: 200, body: { token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: options.token } };
  };

  const served = await serve(certificate, (request, url, send) => {
    const segments = url.pathname.split('/').filter(Boolean);
    const tenant = decodeURIComponent(segments[0] ?? '');
    const rest = segments.slice(1).join('/');
    if (request.method === 'GET' && (rest === 'v2.0/.well-known/openid-configuration' || rest === '.well-known/openid-configuration')) {
      send(200, openIdConfiguration(served.url, tenant));
    } else if (request.method === 'GET' && tenant === 'common' && rest === 'discovery/instance') {
      // MSAL never asks the authority host for this (it asks login.microsoftonline.com); answered for completeness.
      const host = new URL(served.url).host;
      send(200, {
        tenant_discovery_endpoint: `${served.url}/common/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      });
    } else if (request.method === 'GET' && rest === 'discovery/v2.0/keys') {
      send(200, { keys: [] });
    } else if (request.method === 'POST' && rest === 'oauth2/v2.0/token') {
      const form = Object.fromEntries(new URLSearchParams(request.body));
      const { status, body } = tokenResponse(tenant, form);
      requests.push({ tenant, form, headers: request.headers, status });
      send(status, body);
    } else {
      send(404, entraError(404, 'invalid_request', 90010, `The request is not supported: ${request.method} ${url.pathname}.`).body);
    }
  });
  return { url: served.url, log: served.log, requests, close: served.close };
}

// ---------------------------------------------------------------------------------------------------------
// GitHub Actions' OIDC token service (ACTIONS_ID_TOKEN_REQUEST_URL / ACTIONS_ID_TOKEN_REQUEST_TOKEN)

export interface GitHubOidcFakeOptions {
  /** The job's ACTIONS_ID_TOKEN_REQUEST_TOKEN: the bearer token the service accepts. */
  requestToken: string;
  /** The ID token handed out; a function gets the audience asked for. Default: fakeJwt(githubIdTokenClaims(audience)). */
  idToken?: string | ((audience: string | undefined) => string);
}

export interface GitHubOidcFake {
  url: string;
  /** The value for ACTIONS_ID_TOKEN_REQUEST_URL; like the real one it already carries `?api-version=2.0`. */
  requestUrl: string;
  log: FakeRequest[];
  /** The `audience` query parameter of each accepted request (undefined when none was given). */
  audiences: (string | undefined)[];
  /** The ID tokens handed out, in order. */
  issued: string[];
  close(): Promise<void>;
}

const ID_TOKEN_PATH = '/_apis/distributedtask/hubs/build/plans/p/jobs/j/idtoken';

/** `certificate` null serves plain http (@actions/core accepts it), handy in-process where NODE_EXTRA_CA_CERTS can't apply. */
export async function startGitHubOidcFake(certificate: Certificate | null, options: GitHubOidcFakeOptions): Promise<GitHubOidcFake> {
  const audiences: (string | undefined)[] = [];
  const issued: string[] = [];
  const served = await serve(certificate, (request, url, send) => {
    if (url.pathname !== ID_TOKEN_PATH) {
      send(404, {
        $id: '1',
        message: `Page not found: ${url.pathname}`,
        typeName: 'System.Web.Http.HttpResponseException',
        typeKey: 'HttpResponseException',
        errorCode: 0,
        eventId: 0,
      });
      return;
    }
    if (request.headers.authorization !== `Bearer ${options.requestToken}`) {
      send(401, {
        $id: '1',
        innerException: null,
        message: 'TF400813: The user is not authorized to access this resource.',
        typeName: 'Microsoft.TeamFoundation.Framework.Server.UnauthorizedRequestException',
        typeKey: 'UnauthorizedRequestException',
        errorCode: 0,
        eventId: 3000,
      });
      return;
    }
    if (request.method !== 'GET') {
      send(405, { message: `The requested resource does not support http method '${request.method}'.` });
      return;
    }
    if (!url.searchParams.get('api-version')) {
      send(400, {
        $id: '1',
        message: 'No api-version was supplied for the "GET" request.',
        typeName: 'Microsoft.VisualStudio.Services.WebApi.VssVersionNotSpecifiedException',
        typeKey: 'VssVersionNotSpecifiedException',
        errorCode: 0,
        eventId: 3000,
      });
      return;
    }
    const audience = url.searchParams.get('audience') ?? undefined;
    audiences.push(audience);
    const idToken =
      typeof options.idToken === 'function'
        ? options.idToken(audience)
        : (options.idToken ?? fakeJwt(githubIdTokenClaims(audience ?? 'https://github.com/owner')));
    issued.push(idToken);
    send(200, { count: idToken.length, value: idToken });
  });
  return { url: served.url, requestUrl: `${served.url}${ID_TOKEN_PATH}?api-version=2.0`, log: served.log, audiences, issued, close: served.close };
}

// ---------------------------------------------------------------------------------------------------------
// Azure CLI stub

export interface FakeAzOptions {
  /** accessToken printed by `az account get-access-token`. */
  token: string;
  /** Expiry (default: an hour from install). Printed as expires_on (epoch seconds) and expiresOn (local time). */
  expiresOn?: Date;
  /** Subscription id printed (default 00000000-0000-0000-0000-00000000000a). */
  subscription?: string;
  /** Tenant printed when no --tenant is given (default 00000000-0000-0000-0000-00000000000b). */
  tenant?: string;
  /** Omit expires_on, as az < 2.54 did, so the credential must parse expiresOn. */
  legacy?: boolean;
  /** When set, this text goes to stderr and az exits 1 (see AZ_LOGIN_REQUIRED). */
  fail?: string;
}

/** What az prints when nobody is logged in; AzureCliCredential maps it to its "Please run 'az login'" error. */
export const AZ_LOGIN_REQUIRED = "ERROR: Please run 'az login' to setup account.";

const shellQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
/** az prints expiresOn as a naive local time: "2024-05-01 13:45:10.000000". */
const azLocalTime = (date: Date): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}000`;

/**
 * Writes an executable `az` into `dir` (prepend `dir` to PATH). It answers
 * `az account get-access-token [--output json] (--resource R | --scope S) [--tenant T] [--subscription S]`
 * like the real CLI and appends each invocation's arguments, tab-separated, as one line of `dir/az.log`.
 */
export function installFakeAz(dir: string, options: FakeAzOptions): { path: string; logPath: string } {
  const directory = resolve(dir);
  mkdirSync(directory, { recursive: true });
  const path = join(directory, 'az');
  const logPath = join(directory, 'az.log');
  const expiresOn = options.expiresOn ?? new Date(Date.now() + 3600_000);
  const body = (tenant: string): string =>
    JSON.stringify(
      {
        accessToken: options.token,
        expiresOn: azLocalTime(expiresOn),
        ...(options.legacy ? {} : { expires_on: Math.floor(expiresOn.getTime() / 1000) }),
        subscription: options.subscription ?? '00000000-0000-0000-0000-00000000000a',
        tenant,
        tokenType: 'Bearer',
      },
      null,
      2,
    );
  const tenantMarker = '@@TENANT@@';
  const [before, after] = body(tenantMarker).split(JSON.stringify(tenantMarker)) as [string, string];
  const script = `#!/bin/sh
# Stand-in for the Azure CLI, written by __tests__/support/identity-fakes.ts
{ for arg in "$@"; do printf '%s\\t' "$arg"; done; printf '\\n'; } >> ${shellQuote(logPath)}
${
  options.fail !== undefined
    ? `printf '%s\\n' ${shellQuote(options.fail)} >&2
exit 1`
    : `if [ "$1" != account ] || [ "$2" != get-access-token ]; then
  printf "ERROR: '%s' is misspelled or not recognized by the system.\\n" "$*" >&2
  exit 2
fi
tenant=${shellQuote(options.tenant ?? '00000000-0000-0000-0000-00000000000b')}
while [ $# -gt 0 ]; do
  case "$1" in
    --tenant|-t) tenant="$2"; shift ;;
    --resource|--scope|--subscription|--output|-o) shift ;;
  esac
  shift
done
printf '%s' ${shellQuote(before)}
printf '"%s"' "$tenant"
printf '%s\\n' ${shellQuote(after)}`
}
`;
  writeFileSync(path, script);
  chmodSync(path, 0o755);
  return { path, logPath };
}

/** The invocations recorded by the stub az, one argument list each. */
export function readAzLog(logPath: string): string[][] {
  if (!existsSync(logPath)) return [];
  return readFileSync(logPath, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.replace(/\t$/, '').split('\t'));
}

// ---------------------------------------------------------------------------------------------------------
// Managed identity, App Service flavour (IDENTITY_ENDPOINT + IDENTITY_HEADER, api-version 2019-08-01)

export interface ManagedIdentityFakeOptions {
  /** The IDENTITY_HEADER secret, expected back in X-IDENTITY-HEADER. */
  header: string;
  token: string;
  /** Default: an hour from each request. */
  expiresOn?: Date;
  /** client_id echoed in responses (App Service includes the identity's client id). */
  clientId?: string;
}

export interface ManagedIdentityTokenRequest {
  resource: string | undefined;
  apiVersion: string | undefined;
  /** Query parameters naming a user-assigned identity: client_id, mi_res_id, object_id. */
  identity: Record<string, string>;
  status: number;
}

export interface ManagedIdentityFake {
  url: string;
  /** The value for IDENTITY_ENDPOINT. */
  endpoint: string;
  /** IDENTITY_ENDPOINT and IDENTITY_HEADER, ready to assign into process.env or a child's env. */
  env: { IDENTITY_ENDPOINT: string; IDENTITY_HEADER: string };
  log: FakeRequest[];
  requests: ManagedIdentityTokenRequest[];
  close(): Promise<void>;
}

/** `certificate` null serves plain http, as App Service's local endpoint does; https works too (MSAL allows both). */
export async function startManagedIdentityFake(certificate: Certificate | null, options: ManagedIdentityFakeOptions): Promise<ManagedIdentityFake> {
  const requests: ManagedIdentityTokenRequest[] = [];
  const served = await serve(certificate, (request, url, send) => {
    const fail = (status: number, message: string): void => send(status, { statusCode: status, message, correlationId: randomUUID() });
    if (url.pathname !== '/msi/token') {
      fail(404, `No route for ${url.pathname}.`);
      return;
    }
    const resource = url.searchParams.get('resource') ?? undefined;
    const apiVersion = url.searchParams.get('api-version') ?? undefined;
    const identity: Record<string, string> = {};
    for (const key of ['client_id', 'mi_res_id', 'object_id', 'principal_id']) {
      const value = url.searchParams.get(key);
      if (value !== null) identity[key] = value;
    }
    const record = (status: number): void => void requests.push({ resource, apiVersion, identity, status });
    if (request.headers['x-identity-header'] !== options.header) {
      record(401);
      fail(401, 'The X-IDENTITY-HEADER header is missing or does not match IDENTITY_HEADER.');
    } else if (request.method !== 'GET') {
      record(405);
      fail(405, `Method ${request.method} is not allowed.`);
    } else if (apiVersion !== '2019-08-01') {
      record(400);
      fail(400, `Unsupported api-version '${apiVersion ?? ''}'; this endpoint speaks 2019-08-01.`);
    } else if (!resource) {
      record(400);
      fail(400, "The 'resource' query parameter is required.");
    } else {
      record(200);
      const expiresOn = options.expiresOn ?? new Date(Date.now() + 3600_000);
      send(200, {
        access_token: options.token,
        expires_on: String(Math.floor(expiresOn.getTime() / 1000)),
        resource,
        token_type: 'Bearer',
        client_id: options.clientId ?? identity['client_id'] ?? '00000000-0000-0000-0000-00000000000c',
      });
    }
  });
  const endpoint = `${served.url}/msi/token`;
  return { url: served.url, endpoint, env: { IDENTITY_ENDPOINT: endpoint, IDENTITY_HEADER: options.header }, log: served.log, requests, close: served.close };
}

// ---------------------------------------------------------------------------------------------------------
// In-process helpers

/**
 * The real process.env. Under jest, `process.env` in a test (and in modules it loads) is a sandbox copy:
 * node's own child_process (and so AzureCliCredential's `exec('az ...')`) never sees changes made to it.
 */
export function realProcessEnv(): NodeJS.ProcessEnv {
  return (runInThisContext('process') as NodeJS.Process).env;
}

/** Puts `dir` first on PATH, in both the (jest sandbox) process.env and the real one; returns an undo. */
export function prependPath(dir: string): () => void {
  const envs = [...new Set([process.env, realProcessEnv()])];
  const before = envs.map((env) => env['PATH']);
  for (const env of envs) env['PATH'] = [resolve(dir), env['PATH']].filter(Boolean).join(delimiter);
  return () =>
    envs.forEach((env, i) => {
      const value = before[i];
      if (value === undefined) delete env['PATH'];
      else env['PATH'] = value;
    });
}

/**
 * An HttpClient for a credential's `httpClient` option that trusts `certificate` (on top of nothing else:
 * `ca` replaces the default CAs for these requests), so credentials can talk to the fakes inside the jest
 * process, where NODE_EXTRA_CA_CERTS cannot be set after start. Works for ManagedIdentityCredential too,
 * which drops `additionalPolicies`.
 */
export function trustingHttpClient(certificate: Certificate): HttpClient {
  const inner = createDefaultHttpClient();
  const tlsSettings = { ca: certificate.cert }; // one object: the pipeline caches its https.Agent by identity
  return {
    sendRequest: (request: PipelineRequest) => {
      request.tlsSettings = tlsSettings;
      return inner.sendRequest(request);
    },
  };
}

export interface NetworkGuard {
  /** `host:port` of every blocked attempt. */
  blocked: string[];
  restore(): void;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

/**
 * Makes every TCP connection to anything but loopback fail (ENETUNREACH, before any DNS lookup) and
 * records it. Patches net.Socket.prototype.connect, which http, https, tls and undici all end up in.
 */
export function guardNetwork(): NetworkGuard {
  const blocked: string[] = [];
  const original = net.Socket.prototype.connect;
  const guarded = function (this: net.Socket, ...args: unknown[]): net.Socket {
    const first = args[0];
    // net.connect passes [options, callback] as one pre-normalised array.
    const options: unknown = Array.isArray(first) ? first[0] : first;
    let host: string | undefined;
    let port: unknown;
    let path: unknown;
    if (options !== null && typeof options === 'object') {
      const o = options as { host?: unknown; port?: unknown; path?: unknown };
      host = typeof o.host === 'string' ? o.host : undefined;
      port = o.port;
      path = o.path;
    } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
      port = first;
      host = typeof args[1] === 'string' ? args[1] : undefined;
    } else if (typeof first === 'string') {
      path = first;
    }
    if (path === undefined || path === null) {
      const target = (host ?? 'localhost').replace(/^\[|\]$/g, '');
      if (!LOOPBACK.has(target)) {
        blocked.push(`${target}:${String(port)}`);
        const error = Object.assign(new Error(`network guard: connection to ${target}:${String(port)} blocked (tests stay on loopback)`), {
          code: 'ENETUNREACH',
        });
        process.nextTick(() => this.destroy(error));
        return this;
      }
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  };
  net.Socket.prototype.connect = guarded;
  return {
    blocked,
    restore: () => {
      if (net.Socket.prototype.connect === (guarded as typeof original)) net.Socket.prototype.connect = original;
    },
  };
}
