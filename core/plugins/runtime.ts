import type { Logger } from '../logger.ts';
import { HookBus } from './hooks.ts';
import { SlotRegistry } from './slots.tsx';

/** What core code reaches plugins through: the hook bus and the UI slot registry. */
export interface PluginRuntime {
  hooks: HookBus;
  slots: SlotRegistry;
}

export function createPluginRuntime(logger?: Logger): PluginRuntime {
  return { hooks: new HookBus(logger), slots: new SlotRegistry() };
}
