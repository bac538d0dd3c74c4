import { getTableName } from 'drizzle-orm';
import semver from 'semver';
import { PluginError } from './errors.ts';
import type { PluginDefinition } from './manifest.ts';

const idPattern = /^[a-z][a-z0-9-]{1,39}$/;

export function validateManifest(definition: PluginDefinition): void {
  const id = String(definition.id ?? '');
  const problems: string[] = [];
  if (!idPattern.test(id)) problems.push('id must be 2–40 lower-case letters, digits or dashes, starting with a letter');
  if (!semver.valid(definition.version)) problems.push(`version "${definition.version}" is not semver`);
  if (!semver.validRange(definition.coreApi)) problems.push(`coreApi "${definition.coreApi}" is not a semver range`);
  if (definition.scope !== 'global' && definition.scope !== 'category') problems.push('scope must be "global" or "category"');
  if (typeof definition.setup !== 'function') problems.push('setup must be a function');
  for (const [dep, range] of Object.entries(definition.dependencies ?? {})) {
    if (!semver.validRange(range)) problems.push(`dependency ${dep} has an invalid range "${range}"`);
  }
  if (definition.categorySettings?.length && definition.scope !== 'category') {
    problems.push('categorySettings need scope "category"');
  }
  for (const key of definition.categorySettings ?? []) {
    if (!definition.settings || !(key in definition.settings.shape)) problems.push(`categorySettings names unknown setting "${key}"`);
  }
  if (problems.length) throw new PluginError('PLUGIN_INVALID_MANIFEST', id || '(no id)', { detail: problems.join('; ') });
}

export function tablePrefix(id: string): string {
  return `${id.replace(/-/g, '_')}_`;
}

/** Plugin tables live in the plugin's namespace so two plugins (or a plugin and core) never collide. */
export function validateTables(definition: PluginDefinition): void {
  const prefix = tablePrefix(definition.id);
  for (const table of Object.values(definition.tables ?? {})) {
    const name = getTableName(table);
    if (!name.startsWith(prefix)) throw new PluginError('PLUGIN_TABLE_NAMESPACE', definition.id, { table: name, prefix });
  }
}

/** Dependencies first; plugins in a cycle are refused. Missing dependencies are reported at load. */
export function orderByDependencies(definitions: PluginDefinition[]): {
  ordered: PluginDefinition[];
  refused: [PluginDefinition, PluginError][];
} {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const ordered: PluginDefinition[] = [];
  const refused: [PluginDefinition, PluginError][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (d: PluginDefinition, trail: string[]): boolean => {
    const s = state.get(d.id);
    if (s === 'done') return true;
    if (s === 'visiting') return false;
    state.set(d.id, 'visiting');
    for (const dep of Object.keys(d.dependencies ?? {})) {
      const target = byId.get(dep);
      if (target && !visit(target, [...trail, d.id])) {
        state.set(d.id, 'done');
        refused.push([d, new PluginError('PLUGIN_DEPENDENCY_CYCLE', d.id, { detail: [...trail, d.id, dep].join(' → ') })]);
        return false;
      }
    }
    state.set(d.id, 'done');
    ordered.push(d);
    return true;
  };
  for (const d of definitions) visit(d, []);
  return { ordered, refused };
}
