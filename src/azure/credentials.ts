/**
 * Who durable-gate is to Azure Resource Manager (and to storage, for identity-based connections):
 * - azure-cli (default): the account `az login` or the azure/login action left behind;
 * - oidc: the GitHub job's OIDC token exchanged with Entra ID for the given client and tenant
 *   (a federated credential on the app registration or managed identity; the job needs
 *   `permissions: id-token: write`);
 * - managed-identity: the identity of the machine (self-hosted runners, Azure VMs);
 * - default: DefaultAzureCredential's chain.
 * @azure/identity loads only when a command needs Azure.
 * Every token obtained (GitHub's OIDC token, the Entra ID tokens for Resource Manager and storage)
 * is handed to `onSecret` before it is used, so that the Action masks it in the log.
 */
import type { TokenCredential } from '@azure/core-auth';
import { UsageError, errorMessage } from '../../harness/errors.js';
import { HttpClient, HttpFailure, retryableStatus } from '../http/client.js';
import { maskingCredential, secretSink } from '../secrets.js';
import { option } from '../option-names.js';

export const AUTH_KINDS = ['azure-cli', 'oidc', 'managed-identity', 'default'] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];

export interface Cloud {
  name: string;
  arm: string;
  authority: string;
}

export const CLOUDS: Record<string, Cloud> = {
  azurecloud: { name: 'AzureCloud', arm: 'https://management.azure.com', authority: 'https://login.microsoftonline.com' },
  azurechinacloud: { name: 'AzureChinaCloud', arm: 'https://management.chinacloudapi.cn', authority: 'https://login.chinacloudapi.cn' },
  azureusgovernment: { name: 'AzureUSGovernment', arm: 'https://management.usgovcloudapi.net', authority: 'https://login.microsoftonline.us' },
};

export function cloudFor(name: string | undefined): Cloud {
  const cloud = CLOUDS[(name ?? 'AzureCloud').toLowerCase()];
  if (!cloud)
    throw new UsageError(
      `Invalid ${option('environment')} '${name}'. Expected AzureCloud, AzureChinaCloud or AzureUSGovernment (or ${option('arm-endpoint')} for another cloud).`,
    );
  return cloud;
}

export interface CredentialOptions {
  auth?: string;
  cloud: Cloud;
  clientId?: string;
  tenantId?: string;
  env: NodeJS.ProcessEnv;
  /** Called with every token value as soon as it is obtained, before any request carries it (the Action: core.setSecret). */
  onSecret?: (value: string) => void;
}

export interface AzureIdentity {
  credential: TokenCredential;
  /** For messages: which identity, never a secret. */
  describe: string;
}

const GITHUB_AUDIENCE = 'api://AzureADTokenExchange';

export function parseAuth(text: string | undefined): AuthKind {
  const auth = (text || 'azure-cli').toLowerCase();
  if (!(AUTH_KINDS as readonly string[]).includes(auth)) throw new UsageError(`Invalid ${option('auth')} '${text}'. Expected one of ${AUTH_KINDS.join(', ')}.`);
  return auth as AuthKind;
}

export { maskingCredential, reportSecretsTo } from '../secrets.js';

export async function createCredential(options: CredentialOptions): Promise<AzureIdentity> {
  const onSecret = options.onSecret ?? secretSink();
  const made = await makeCredential(options, onSecret);
  return onSecret ? { ...made, credential: maskingCredential(made.credential, onSecret) } : made;
}

async function makeCredential(options: CredentialOptions, onSecret: ((value: string) => void) | undefined): Promise<AzureIdentity> {
  const auth = parseAuth(options.auth);
  const identity = await import('@azure/identity');
  // An authority host set in the environment (sovereign or private clouds, tests) wins over the cloud's.
  const authorityHost = options.env.AZURE_AUTHORITY_HOST || options.cloud.authority;
  // Instance discovery asks the public cloud's login endpoint about the authority: not for other hosts.
  const disableInstanceDiscovery = authorityHost.replace(/\/+$/, '') !== CLOUDS.azurecloud!.authority;
  const clientId = options.clientId || options.env.AZURE_CLIENT_ID || undefined;
  const tenantId = options.tenantId || options.env.AZURE_TENANT_ID || undefined;
  switch (auth) {
    case 'azure-cli':
      return { credential: new identity.AzureCliCredential(tenantId ? { tenantId } : {}), describe: 'the Azure CLI login (az login / azure/login)' };
    case 'oidc': {
      if (!clientId || !tenantId) {
        throw new UsageError(
          `${option('auth')} oidc needs the app registration's (or managed identity's) client id and the tenant id: ${option('client-id')} and ${option('tenant-id')}, or AZURE_CLIENT_ID and AZURE_TENANT_ID.`,
        );
      }
      const requestUrl = options.env.ACTIONS_ID_TOKEN_REQUEST_URL;
      const requestToken = options.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
      if (!requestUrl || !requestToken) {
        throw new UsageError(
          `${option('auth')} oidc needs GitHub's OIDC token, and this job has none: give the job \`permissions: id-token: write\` (and run it on GitHub Actions).`,
        );
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

/** How long getting GitHub's OIDC token may take, retries included. */
const GITHUB_TOKEN_BUDGET_MS = 60_000;

/**
 * The job's OIDC token for Entra ID, from the runner's token service, through the one HTTP client
 * (a passing 5xx, 429 or reset is retried). Neither token appears in a message.
 */
export async function githubToken(
  requestUrl: string,
  requestToken: string,
  audience = GITHUB_AUDIENCE,
  onSecret?: (value: string) => void,
  http = new HttpClient({ retry: { budgetMs: GITHUB_TOKEN_BUDGET_MS } }),
): Promise<string> {
  onSecret?.(requestToken);
  const url = new URL(requestUrl);
  url.searchParams.set('audience', audience);
  let response;
  let attempts: number;
  try {
    ({ response, attempts } = await http.request(url, { headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json' } }));
  } catch (error) {
    const why = error instanceof HttpFailure ? (error.tls ?? `${error.code} (after ${error.attempts} attempt(s)): ${error.message}`) : errorMessage(error);
    throw new UsageError(`could not get GitHub's OIDC token from ${url.origin}: ${why}`);
  }
  if (retryableStatus(response.status)) {
    throw new UsageError(
      `GitHub's OIDC token service answered HTTP ${response.status} (after ${attempts} attempt(s)): it is failing or throttling for now. Re-run the job in a few minutes.`,
    );
  }
  if (response.status !== 200) {
    throw new UsageError(`GitHub's OIDC token service answered HTTP ${response.status}. Does the job have \`permissions: id-token: write\`?`);
  }
  let value: unknown;
  try {
    value = (JSON.parse(response.body) as { value?: unknown } | null)?.value;
  } catch {
    value = undefined;
  }
  if (typeof value !== 'string' || value === '')
    throw new UsageError("GitHub's OIDC token service answered without a token (the answer was not the expected JSON with a value).");
  // Masked before it goes anywhere: the next request (to Entra ID) carries it.
  onSecret?.(value);
  return value;
}
