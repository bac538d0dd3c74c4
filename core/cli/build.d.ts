// Types for build.js, which stays JavaScript: bin.js runs it before any TypeScript can be loaded.
export function productionBuild(options?: { buildsFolder?: string; log?: (message: string) => void }): Promise<string>;
