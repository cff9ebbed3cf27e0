// Reads `// expect: rule/id, rule/id` markers, as in shared/examples: the
// (line, rule id) pairs a model expects, 1-based lines.

const EXPECT = /\/\/\s*expect:\s*([A-Za-z0-9_/,\s-]+?)\s*$/;

export function expectationsOf(text: string): { line: number; id: string }[] {
  const out: { line: number; id: string }[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const m = EXPECT.exec(line);
    if (!m) return;
    for (const id of m[1]!.split(",")) if (id.trim()) out.push({ line: i + 1, id: id.trim() });
  });
  return out;
}

export function pairKey(p: { line: number; id: string }): string {
  return `${p.line} ${p.id}`;
}
