/**
 * A function app and its deployment slots through ARM (Microsoft.Web; protocol §8). 'production'
 * is the site itself; any other slot name is a slot under it.
 */
import { UsageError } from '../../harness/errors.js';
import { ArmError, type ArmClient } from './arm.js';

export interface SiteRef {
  subscription: string;
  resourceGroup: string;
  name: string;
}

export interface PlanInfo {
  sku?: string;
  tier?: string;
  /** Flex Consumption has no deployment slots. */
  flexConsumption: boolean;
}

export const PRODUCTION = 'production';

export function isProduction(slot: string): boolean {
  return slot.toLowerCase() === PRODUCTION;
}

export class WebSite {
  constructor(
    readonly arm: ArmClient,
    readonly ref: SiteRef,
  ) {
    for (const [option, value] of [['--subscription', ref.subscription], ['--resource-group', ref.resourceGroup], ['--app-name', ref.name]] as const) {
      if (!value || /[/?#\s]/.test(value)) throw new UsageError(`Invalid ${option} '${value}'. Expected a name (no slashes or spaces).`);
    }
  }

  get id(): string {
    return `/subscriptions/${this.ref.subscription}/resourceGroups/${this.ref.resourceGroup}/providers/Microsoft.Web/sites/${this.ref.name}`;
  }

  /** The ARM path of a slot ('production' is the site itself). */
  path(slot: string, suffix = ''): string {
    return (isProduction(slot) ? this.id : `${this.id}/slots/${encodeURIComponent(slot)}`) + suffix;
  }

  describe(slot: string): string {
    return isProduction(slot) ? `${this.ref.name} (production)` : `${this.ref.name}/${slot}`;
  }

  /** The slot's resource; a missing app or slot is said plainly. */
  async get(slot: string, option = '--slot'): Promise<{ properties?: { serverFarmId?: string; functionAppConfig?: unknown; state?: string; defaultHostName?: string }; kind?: string }> {
    try {
      return (await this.arm.request<{ properties?: { serverFarmId?: string } }>('GET', this.path(slot), undefined, `reading ${this.describe(slot)}`)).body ?? {};
    } catch (error) {
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
  }

  async plan(): Promise<PlanInfo> {
    const site = await this.get(PRODUCTION);
    const farm = site.properties?.serverFarmId;
    let sku: { name?: string; tier?: string } | undefined;
    if (farm) sku = (await this.arm.request<{ sku?: { name?: string; tier?: string } }>('GET', farm, undefined, 'reading the App Service plan')).body?.sku;
    const flex = /flexconsumption/i.test(sku?.tier ?? '') || /^FC\d/i.test(sku?.name ?? '') || site.properties?.functionAppConfig !== undefined;
    return { ...(sku?.name ? { sku: sku.name } : {}), ...(sku?.tier ? { tier: sku.tier } : {}), flexConsumption: flex };
  }

  async appSettings(slot: string): Promise<Record<string, string>> {
    const response = await this.arm.request<{ properties?: Record<string, unknown> }>('POST', this.path(slot, '/config/appsettings/list'), undefined, `reading the app settings of ${this.describe(slot)}`);
    return Object.fromEntries(Object.entries(response.body?.properties ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }

  /** App setting names marked as deployment slot settings (sticky): they stay with their slot on a swap. */
  async stickySettingNames(): Promise<string[]> {
    const response = await this.arm.request<{ properties?: { appSettingNames?: string[] | null } }>('GET', `${this.id}/config/slotConfigNames`, undefined, 'reading the slot setting names');
    return response.body?.properties?.appSettingNames ?? [];
  }

  /**
   * Swap `slot` into `target` and follow the operation to its end. A 409 caused by another swap is
   * not waited out and retried: that swap may be this very change (a re-run, a second pipeline),
   * and swapping again would undo it.
   */
  async swap(slot: string, target: string, options: { swappingBack?: boolean } = {}): Promise<void> {
    // Swapping back right after our own swap may meet it still winding down: that 409 is waited out.
    await this.arm.operation('POST', this.path(slot, '/slotsswap'), { targetSlot: target, preserveVnet: true }, `the swap of ${slot} into ${target}`, options.swappingBack ? {} : { retryConflict: (message) => !/swap/i.test(message) });
  }

  /** The slot a swap with preview (phase one done) will swap `slot` into, if any. */
  async pendingPreview(slot: string): Promise<string | undefined> {
    const target = ((await this.get(slot)).properties as { targetSwapSlot?: string | null } | undefined)?.targetSwapSlot;
    return target || undefined;
  }

  /** Phase one of a swap with preview: the target's slot settings applied to `slot`, which restarts. */
  async preview(slot: string, target: string): Promise<void> {
    await this.arm.operation('POST', this.path(slot, '/applySlotConfig'), { targetSlot: target, preserveVnet: true }, `the swap preview of ${slot} with ${target}`);
  }

  /** Cancels a swap with preview: `slot` gets its own settings back. */
  async reset(slot: string): Promise<void> {
    await this.arm.operation('POST', this.path(slot, '/resetSlotConfig'), undefined, `resetting the swap preview of ${slot}`);
  }
}
