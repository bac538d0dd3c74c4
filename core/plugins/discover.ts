import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PluginDefinition } from './manifest.ts';

export const pluginsDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../plugins');

/** Every `plugins/<id>/plugin.tsx` (or `.ts`, or `.js` once compiled: core/cli/build.js): installing a plugin is putting its folder there. */
export async function discoverPlugins(directory = pluginsDirectory): Promise<PluginDefinition[]> {
  if (!existsSync(directory)) return [];
  const found: PluginDefinition[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const file = ['plugin.tsx', 'plugin.ts', 'plugin.js'].map((name) => path.join(directory, entry.name, name)).find((f) => existsSync(f));
    if (!file) continue;
    const module = (await import(pathToFileURL(file).href)) as { default?: PluginDefinition; plugin?: PluginDefinition };
    const definition = module.default ?? module.plugin;
    if (definition) found.push(definition);
  }
  return found.sort((a, b) => String(a.id).localeCompare(String(b.id)));
}
