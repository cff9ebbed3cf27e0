import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'test/**/*.test.ts', 'server/**/*.test.ts', 'cli/**/*.test.ts'],
    // Child processes: PGlite (WASM, ~750 MB) and the jsdom globals needed by mermaid
    // stay inside the worker that created them.
    pool: 'forks',
    // A cold PGlite start is ~2.5 s and mermaid's first import ~0.5 s on this 2-core
    // machine; leave generous room for slow CI.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
