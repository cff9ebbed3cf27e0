/**
 * Test-side Mermaid validator: runs the real `mermaid.parse()` in Node.
 *
 *   const r = await parseMermaid(text);
 *   expect(r).toEqual({ ok: true, diagramType: 'er' });
 *
 * Mermaid needs a DOM at import time (DOMPurify binds to `window` when it loads), so a
 * jsdom window is installed as the global `window`/`document` (only where none exists)
 * BEFORE mermaid is imported dynamically. This happens once per module instance.
 *
 * diagramType values: 'flowchart-v2' (flowchart/graph), 'er' (erDiagram), 'sequence'
 * (sequenceDiagram), 'classDiagram', 'stateDiagram', ...
 */
import { createRequire } from 'node:module';

type Mermaid = (typeof import('mermaid'))['default'];

export type MermaidParseResult = { ok: true; diagramType: string } | { ok: false; error: string };

interface JsdomWindow {
  document: unknown;
  navigator: unknown;
}
interface JsdomModule {
  JSDOM: new (html?: string, options?: { pretendToBeVisual?: boolean; url?: string }) => { window: JsdomWindow };
}

function installDomGlobals(): void {
  const g = globalThis as Record<string, unknown>;
  if (g.window && g.document) return; // e.g. a jsdom test environment already did it
  // jsdom ships no type declarations; require it with a minimal local type instead.
  const { JSDOM } = createRequire(import.meta.url)('jsdom') as JsdomModule;
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', {
    pretendToBeVisual: true,
    url: 'http://localhost/',
  });
  g.window = window;
  g.document = window.document;
  // Node 20 has no global navigator (Node >= 21 defines a read-only one: leave it).
  if (!('navigator' in g)) g.navigator = window.navigator;
}

let mermaidPromise: Promise<Mermaid> | undefined;

function loadMermaid(): Promise<Mermaid> {
  mermaidPromise ??= (async () => {
    installDomGlobals();
    const { default: mermaid } = await import('mermaid');
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return mermaid;
  })();
  return mermaidPromise;
}

export async function parseMermaid(text: string): Promise<MermaidParseResult> {
  const mermaid = await loadMermaid();
  try {
    const result = await mermaid.parse(text);
    if (!result) return { ok: false, error: 'mermaid.parse returned false' };
    return { ok: true, diagramType: result.diagramType };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: message };
  }
}
