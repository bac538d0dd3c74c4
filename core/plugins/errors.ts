/** Every reason the runtime refuses a plugin, with a stable code for logs, docs and tests. */
export const pluginErrorCodes = {
  PLUGIN_INVALID_MANIFEST: 'The plugin manifest is invalid: {detail}',
  PLUGIN_CORE_VERSION_MISMATCH: 'The plugin supports core API {range}, but this forum runs {core}',
  PLUGIN_MISSING_DEPENDENCY: 'The plugin needs "{dependency}" {range}, which is {found}',
  PLUGIN_DEPENDENCY_CYCLE: 'The plugin is part of a dependency cycle: {detail}',
  PLUGIN_DUPLICATE_ID: 'Another plugin already uses the id "{id}"',
  PLUGIN_DUPLICATE_ROUTE: 'The route {route} is already registered by {owner}',
  PLUGIN_DUPLICATE_SLOT_KEY: 'The slot entry "{key}" in slot {slot} is already registered by {owner}',
  PLUGIN_INVALID_SETTINGS: 'The settings schema or its defaults are invalid: {detail}',
  PLUGIN_TABLE_NAMESPACE: 'Table "{table}" must be named with the prefix "{prefix}"',
  PLUGIN_MIGRATION_FAILED: 'The plugin migrations failed: {detail}',
  PLUGIN_SETUP_FAILED: 'The plugin setup failed: {detail}',
} as const;

export type PluginErrorCode = keyof typeof pluginErrorCodes;

export class PluginError extends Error {
  constructor(
    readonly code: PluginErrorCode,
    readonly pluginId: string,
    readonly details: Record<string, string> = {},
  ) {
    const template: string = pluginErrorCodes[code];
    super(`[${code}] ${pluginId}: ${template.replace(/\{(\w+)\}/g, (_, k: string) => details[k] ?? `{${k}}`)}`);
    this.name = 'PluginError';
  }
}
