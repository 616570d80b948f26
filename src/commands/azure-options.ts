/** The options every command that reaches Azure Resource Manager takes. */
export const AZURE_HELP = `Azure:
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

export const AZURE_OPTIONS = {
  'app-name': { type: 'string' },
  'resource-group': { type: 'string' },
  subscription: { type: 'string' },
  auth: { type: 'string' },
  'client-id': { type: 'string' },
  'tenant-id': { type: 'string' },
  environment: { type: 'string' },
  'arm-endpoint': { type: 'string' },
  slot: { type: 'string' },
} as const;
