/**
 * A function app and its deployment slots through ARM (Microsoft.Web; protocol §8). 'production'
 * is the site itself; any other slot name is a slot under it.
 */
import { UsageError } from '../../harness/errors.js';
import { ArmError, INVALID_RESPONSE, type ArmClient } from './arm.js';
import { option } from '../option-names.js';

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

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An answer that lacks what Resource Manager always sends is an error, never read as "nothing":
 * a settings list without `properties` is not "no settings", a site without them is not a site.
 */
function expectShape(what: string, expected: string): ArmError {
  return new ArmError(
    `${what}: Azure Resource Manager answered without ${expected}, so the answer cannot be trusted. Something other than Resource Manager may have answered (a proxy, a sign-in page): check ${option('arm-endpoint')} and the network path to it, then try again.`,
    undefined,
    INVALID_RESPONSE,
  );
}

/** The `properties` object of an answer (a resource, a config list), or an error naming the call. */
function propertiesOf(body: unknown, what: string): Json {
  if (!isObject(body) || !isObject(body.properties)) throw expectShape(what, 'the properties object it always has');
  return body.properties;
}

export class WebSite {
  constructor(
    readonly arm: ArmClient,
    readonly ref: SiteRef,
  ) {
    for (const [name, value] of [
      ['subscription', ref.subscription],
      ['resource-group', ref.resourceGroup],
      ['app-name', ref.name],
    ] as const) {
      if (!value || /[/?#\s]/.test(value)) throw new UsageError(`Invalid ${option(name)} '${value}'. Expected a name (no slashes or spaces).`);
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
  async get(
    slot: string,
    optionName = 'slot',
  ): Promise<{
    properties: { serverFarmId?: string; functionAppConfig?: unknown; state?: string; defaultHostName?: string; targetSwapSlot?: string | null };
    kind?: string;
  }> {
    const what = `reading ${this.describe(slot)}`;
    let body: unknown;
    try {
      body = (await this.arm.request('GET', this.path(slot), undefined, what)).body;
    } catch (error) {
      if (error instanceof ArmError && error.status === 404) {
        if (isProduction(slot)) {
          throw new ArmError(
            `function app '${this.ref.name}' was not found in resource group '${this.ref.resourceGroup}' of subscription ${this.ref.subscription}. Check ${option('app-name')}, ${option('resource-group')} and ${option('subscription')}.`,
            404,
            error.code,
          );
        }
        if ((await this.plan().catch(() => undefined))?.flexConsumption) {
          throw new ArmError(
            `'${this.ref.name}' runs on a Flex Consumption plan, which has no deployment slots. Deploy side by side instead (a new task hub name) or use orchestration versioning; durable-gate replay tells which in-flight instances the new code breaks.`,
            404,
            error.code,
          );
        }
        throw new ArmError(
          `slot '${slot}' of '${this.ref.name}' was not found. Create it (az functionapp deployment slot create) or check ${option(optionName)}.`,
          404,
          error.code,
        );
      }
      throw error;
    }
    const properties = propertiesOf(body, what);
    for (const name of ['serverFarmId', 'state', 'defaultHostName'] as const) {
      if (properties[name] !== undefined && properties[name] !== null && typeof properties[name] !== 'string') throw expectShape(what, `a text ${name}`);
    }
    if (properties.targetSwapSlot !== undefined && properties.targetSwapSlot !== null && typeof properties.targetSwapSlot !== 'string')
      throw expectShape(what, 'a text targetSwapSlot');
    return { properties: properties, ...(isObject(body) && typeof body.kind === 'string' ? { kind: body.kind } : {}) };
  }

  async plan(): Promise<PlanInfo> {
    const site = await this.get(PRODUCTION);
    const farm = site.properties?.serverFarmId;
    let sku: { name?: string; tier?: string } | undefined;
    if (farm) {
      const what = 'reading the App Service plan';
      const body = (await this.arm.request('GET', farm, undefined, what)).body;
      // The plan's sku tells Flex Consumption (no slots) apart: without it, nothing can be told.
      if (
        !isObject(body) ||
        !isObject(body.sku) ||
        (body.sku.name !== undefined && typeof body.sku.name !== 'string') ||
        (body.sku.tier !== undefined && typeof body.sku.tier !== 'string')
      ) {
        throw expectShape(what, 'the sku object a plan always has');
      }
      sku = body.sku;
    }
    const flex = /flexconsumption/i.test(sku?.tier ?? '') || /^FC\d/i.test(sku?.name ?? '') || site.properties?.functionAppConfig !== undefined;
    return { ...(sku?.name ? { sku: sku.name } : {}), ...(sku?.tier ? { tier: sku.tier } : {}), flexConsumption: flex };
  }

  async appSettings(slot: string): Promise<Record<string, string>> {
    const what = `reading the app settings of ${this.describe(slot)}`;
    const response = await this.arm.request('POST', this.path(slot, '/config/appsettings/list'), undefined, what);
    const properties = propertiesOf(response.body, what);
    // Settings are text; anything else is not a list of settings (null, an app setting's absent value, is left out).
    const odd = Object.entries(properties).find(([, value]) => value !== null && typeof value !== 'string');
    if (odd) throw expectShape(what, `text values (the setting ${odd[0]} is ${Array.isArray(odd[1]) ? 'a list' : typeof odd[1]})`);
    return Object.fromEntries(Object.entries(properties).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }

  /** App setting names marked as deployment slot settings (sticky): they stay with their slot on a swap. */
  async stickySettingNames(): Promise<string[]> {
    const what = 'reading the slot setting names';
    const response = await this.arm.request('GET', `${this.id}/config/slotConfigNames`, undefined, what);
    const names = propertiesOf(response.body, what).appSettingNames;
    if (names === undefined || names === null) return [];
    if (!Array.isArray(names) || names.some((name) => typeof name !== 'string')) throw expectShape(what, 'appSettingNames as a list of names');
    return names as string[];
  }

  /**
   * Swap `slot` into `target` and follow the operation to its end. A 409 caused by another swap is
   * not waited out and retried: that swap may be this very change (a re-run, a second pipeline),
   * and swapping again would undo it.
   */
  async swap(slot: string, target: string, options: { swappingBack?: boolean } = {}): Promise<void> {
    // Swapping back right after our own swap may meet it still winding down: that 409 is waited out.
    await this.arm.operation(
      'POST',
      this.path(slot, '/slotsswap'),
      { targetSlot: target, preserveVnet: true },
      `the swap of ${slot} into ${target}`,
      options.swappingBack ? {} : { retryConflict: (message) => !/swap/i.test(message) },
    );
  }

  /** The slot a swap with preview (phase one done) will swap `slot` into, if any. */
  async pendingPreview(slot: string): Promise<string | undefined> {
    const target = (await this.get(slot)).properties.targetSwapSlot;
    return target || undefined;
  }

  /** Phase one of a swap with preview: the target's slot settings applied to `slot`, which restarts. */
  async preview(slot: string, target: string): Promise<void> {
    await this.arm.operation(
      'POST',
      this.path(slot, '/applySlotConfig'),
      { targetSlot: target, preserveVnet: true },
      `the swap preview of ${slot} with ${target}`,
    );
  }

  /** Cancels a swap with preview: `slot` gets its own settings back. */
  async reset(slot: string): Promise<void> {
    await this.arm.operation('POST', this.path(slot, '/resetSlotConfig'), undefined, `resetting the swap preview of ${slot}`);
  }
}
