// A small syntax highlighter for the OpenAPI (YAML) and SQL tabs: text in,
// HTML out, every character of the input escaped. Line based and forgiving:
// anything it does not recognise is plain text. No DOM.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

type TokenKind = "comment" | "key" | "string" | "number" | "literal" | "keyword" | "ident";

function span(kind: TokenKind, text: string): string {
  return `<span class="tok-${kind}">${escapeHtml(text)}</span>`;
}

// ---- YAML ------------------------------------------------------------------

const YAML_SCALAR = /^(?:true|false|null|~|yes|no)$/i;
const YAML_NUMBER = /^[-+]?(?:\d[\d_]*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/** A YAML value (after `key:` or `- `): quoted strings, numbers, literals, a trailing comment. */
function yamlValue(text: string): string {
  if (!text) return "";
  const lead = /^\s*/.exec(text)![0];
  let rest = text.slice(lead.length);
  let out = escapeHtml(lead);
  if (rest.startsWith("#")) return out + span("comment", rest);
  if (rest.startsWith('"') || rest.startsWith("'")) {
    const q = rest[0]!;
    let i = 1;
    while (i < rest.length) {
      if (q === '"' && rest[i] === "\\") i += 2;
      else if (rest[i] === q && q === "'" && rest[i + 1] === "'") i += 2;
      else if (rest[i] === q) break;
      else i++;
    }
    const end = Math.min(i + 1, rest.length);
    out += span("string", rest.slice(0, end));
    rest = rest.slice(end);
    return out + yamlTail(rest);
  }
  // An unquoted scalar runs to ` #` (a comment).
  const hash = rest.search(/\s#/);
  const value = hash >= 0 ? rest.slice(0, hash) : rest;
  const tail = hash >= 0 ? rest.slice(hash) : "";
  const trimmed = value.trimEnd();
  const spaces = value.slice(trimmed.length);
  if (YAML_NUMBER.test(trimmed)) out += span("number", trimmed);
  else if (YAML_SCALAR.test(trimmed)) out += span("literal", trimmed);
  else if (trimmed === "|" || trimmed === ">" || trimmed === "|-" || trimmed === ">-" || trimmed === "[]" || trimmed === "{}") out += span("literal", trimmed);
  else out += span("string", trimmed);
  return out + escapeHtml(spaces) + yamlTail(tail);
}

function yamlTail(rest: string): string {
  const hash = rest.search(/\s*#/);
  if (hash < 0) return escapeHtml(rest);
  return escapeHtml(rest.slice(0, hash)) + span("comment", rest.slice(hash));
}

function yamlLine(line: string, inBlock: { indent: number } | undefined): { html: string; block?: { indent: number } } {
  const indent = /^\s*/.exec(line)![0].length;
  if (inBlock && (line.trim() === "" || indent > inBlock.indent)) return { html: span("string", line), block: inBlock };
  const m = /^(\s*)(- )?((?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s:#'"][^:#]*?))(:)(?=\s|$)(.*)$/.exec(line);
  if (m) {
    const [, lead, dash = "", key, colon, value = ""] = m;
    const html = escapeHtml(lead!) + escapeHtml(dash) + span("key", key!) + escapeHtml(colon!) + yamlValue(value);
    const blockStart = /^\s*[|>][-+]?\s*(#.*)?$/.test(value);
    return blockStart ? { html, block: { indent: lead!.length + dash.length } } : { html };
  }
  const item = /^(\s*)(- ?)(.*)$/.exec(line);
  if (item) return { html: escapeHtml(item[1]!) + escapeHtml(item[2]!) + yamlValue(item[3]!) };
  if (/^\s*#/.test(line)) return { html: span("comment", line) };
  if (/^\s*(---|\.\.\.)\s*$/.test(line)) return { html: span("literal", line) };
  return { html: yamlValue(line) };
}

export function highlightYaml(text: string): string {
  const out: string[] = [];
  let block: { indent: number } | undefined;
  for (const line of text.split("\n")) {
    const r = yamlLine(line, block);
    block = r.block;
    out.push(r.html);
  }
  return out.join("\n");
}

// ---- SQL -------------------------------------------------------------------

const SQL_KEYWORDS = new Set(
  (
    "add all alter always and as asc by cascade case check collate column comment constraint create cross current_date " +
    "current_timestamp default deferrable deferred delete desc distinct do drop else end enum exists extension false " +
    "for foreign from generated global grant identity if immediate in index initially inner insert into is join key like " +
    "list local match no not null nulls of on or order partial partition primary range references restrict returns " +
    "schema select sequence set simple stored table temporary then to true type unique unlogged update using values " +
    "view when where with without"
  ).split(" "),
);

const SQL_TOKEN =
  /(--[^\n]*)|(\/\*[\s\S]*?(?:\*\/|$))|('(?:[^']|'')*'?)|("(?:[^"]|"")*"?)|(\b\d+(?:\.\d+)?\b)|([A-Za-z_][A-Za-z0-9_$]*)|([\s\S])/g;

export function highlightSql(text: string): string {
  let out = "";
  let plain = "";
  const flush = () => {
    if (plain) out += escapeHtml(plain);
    plain = "";
  };
  for (const m of text.matchAll(SQL_TOKEN)) {
    const [all, lineComment, blockComment, str, quoted, num, word] = m;
    if (lineComment !== undefined || blockComment !== undefined) {
      flush();
      out += span("comment", all);
    } else if (str !== undefined) {
      flush();
      out += span("string", all);
    } else if (quoted !== undefined) {
      flush();
      out += span("ident", all);
    } else if (num !== undefined) {
      flush();
      out += span("number", all);
    } else if (word !== undefined && SQL_KEYWORDS.has(word.toLowerCase())) {
      flush();
      out += span("keyword", all);
    } else plain += all;
  }
  flush();
  return out;
}

/** Highlights a generated file by its name: `.sql` as SQL, anything else as YAML. */
export function highlightFile(path: string, text: string): string {
  return path.endsWith(".sql") ? highlightSql(text) : highlightYaml(text);
}
