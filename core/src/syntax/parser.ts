// The recursive-descent parser: tokens → ArchFile. It never throws. Each broken
// statement yields one diagnostic and the parser resumes at the next line (or
// after the broken block), so the rest of the file is still analysed. Missing
// names and paths become empty `missing` nodes. A step budget makes a hang
// impossible even if a recovery path failed to make progress.

import type {
  Api,
  ArchFile,
  Attribute,
  AttributeArg,
  CallsRelation,
  Component,
  ComponentKind,
  ConsumesRelation,
  Declaration,
  DocComment,
  Endpoint,
  EndpointFlag,
  EndpointFlagName,
  EnumDecl,
  EnumMember,
  Field,
  Identifier,
  ImportDecl,
  ParameterDecl,
  PathLiteral,
  Property,
  PublishesRelation,
  Relation,
  Response,
  RoutesRelation,
  SchemaDecl,
  SchemaKind,
  Service,
  ServiceMember,
  Span,
  StoreRelation,
  StringLiteral,
  SystemDecl,
  TypeRef,
  UsesRelation,
  Value,
} from "./ast";
import { COMPONENT_KINDS, ENDPOINT_FLAGS, HTTP_METHODS } from "./ast";
import { scan, T, tokenNames, type Token } from "./scanner";
import type { Diagnostic } from "../diagnostics/diagnostic";

const SCHEMA_KEYWORDS = new Set(["entity", "type", "event"]);
const RELATION_KEYWORDS = new Set(["calls", "publishes", "consumes", "database", "reads", "writes", "uses", "routes"]);
const COMPONENT_SET = new Set<string>(COMPONENT_KINDS);
const METHOD_SET = new Set<string>(HTTP_METHODS);
const FLAG_SET = new Set<string>(ENDPOINT_FLAGS);
/** Keywords that start a block at some enclosing level; used to detect a missing `}`. */
const BLOCK_KEYWORDS = new Set(["system", "service", "entity", "type", "event", "enum", "api"]);
/** Block keywords that may start a declaration inside a service (any other one ends the service). */
const SERVICE_MEMBER_KEYWORDS: ReadonlySet<string> = new Set(["entity", "type", "event", "enum", "api"]);
const NONE: ReadonlySet<string> = new Set();

export function parse(text: string, uri = "file:///untitled.arch"): ArchFile {
  return new Parser(text, uri).parseFile();
}

class Parser {
  private readonly tokens: Token[];
  private readonly docs: DocComment[];
  private docIndex = 0;
  private readonly diagnostics: Diagnostic[];
  private readonly comments: ArchFile["comments"];
  private i = 0;
  private steps = 0;
  private readonly maxSteps: number;
  private lastErrorAt = -1;
  private aborted = false;

  constructor(
    private readonly text: string,
    private readonly uri: string,
  ) {
    const scanned = scan(text, uri);
    this.tokens = scanned.tokens;
    this.docs = scanned.docs;
    this.comments = scanned.comments;
    this.diagnostics = scanned.diagnostics;
    this.maxSteps = this.tokens.length * 8 + 1000;
  }

  // ---- token helpers ------------------------------------------------------

  private get tok(): Token {
    return this.tokens[this.i]!;
  }

  private peek(offset = 1): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const t = this.tokens[this.i]!;
    if (t.kind !== T.EOF) this.i++;
    return t;
  }

  private at(kind: T): boolean {
    return this.tok.kind === kind;
  }

  private atWord(word: string): boolean {
    return this.tok.kind === T.Ident && this.tok.text === word;
  }

  private atEnd(): boolean {
    const k = this.tok.kind;
    return k === T.Newline || k === T.Semicolon || k === T.RBrace || k === T.EOF;
  }

  /** Counts a loop iteration; false once the budget is spent (the parse then winds down). */
  private step(): boolean {
    if (++this.steps <= this.maxSteps) return true;
    if (!this.aborted) {
      this.aborted = true;
      this.error(this.tok.start, this.tok.end, "syntax/step-limit", "The parser gave up on this file: it is too broken to analyse further.");
      this.i = this.tokens.length - 1;
    }
    return false;
  }

  private error(start: number, end: number, code: string, message: string): void {
    if (start === this.lastErrorAt) return; // one error per position
    this.lastErrorAt = start;
    this.diagnostics.push({ uri: this.uri, start, end, severity: "error", code, message });
  }

  private describe(t: Token): string {
    if (t.kind === T.Ident) return `\`${t.text}\``;
    if (t.kind === T.Path || t.kind === T.Number || t.kind === T.Duration || t.kind === T.Rate) return `\`${t.text}\``;
    return tokenNames[t.kind];
  }

  /** Reports "expected X" at the current token (or, at a line end, right after the previous token). */
  private expected(what: string, after?: string): void {
    const t = this.tok;
    const prev = this.tokens[this.i - 1];
    const atLineEnd = t.kind === T.Newline || t.kind === T.EOF || t.kind === T.Semicolon || t.kind === T.RBrace;
    const start = atLineEnd && prev ? prev.end : t.start;
    const end = atLineEnd && prev ? prev.end : t.end;
    const context = after ? ` after ${after}` : "";
    this.error(start, end, "syntax/expected", `Expected ${what}${context}, found ${this.describe(t)}.`);
  }

  private missingIdent(): Identifier {
    const prev = this.tokens[this.i - 1];
    const at = prev ? prev.end : this.tok.start;
    return { kind: "Identifier", text: "", start: at, end: at, missing: true };
  }

  private ident(t: Token): Identifier {
    return { kind: "Identifier", text: t.text, start: t.start, end: t.end };
  }

  private expectIdent(what: string, after?: string): Identifier {
    if (this.at(T.Ident)) return this.ident(this.next());
    this.expected(what, after);
    return this.missingIdent();
  }

  private stringLit(t: Token): StringLiteral {
    return { kind: "String", value: t.text, start: t.start, end: t.end };
  }

  /** Skips the rest of a broken statement: to the line end, over whole `{ }` blocks, stopping before an unmatched `}`. */
  private skipStatement(): void {
    let depth = 0;
    while (this.step()) {
      const k = this.tok.kind;
      if (k === T.EOF) return;
      if (depth === 0 && (k === T.Newline || k === T.Semicolon)) return;
      if (k === T.LBrace) depth++;
      else if (k === T.RBrace) {
        if (depth === 0) return;
        depth--;
        if (depth === 0) {
          this.next();
          return;
        }
      }
      this.next();
    }
  }

  /** Ends a statement: a newline or `;` (consumed), or a `}`/EOF (left). Anything else is reported and skipped. */
  private endStatement(what: string): void {
    if (this.at(T.Newline) || this.at(T.Semicolon)) {
      this.next();
      return;
    }
    if (this.at(T.RBrace) || this.at(T.EOF)) return;
    const t = this.tok;
    this.error(t.start, t.end, "syntax/unexpected", `Unexpected ${this.describe(t)} at the end of ${what}.`);
    this.skipStatement();
    if (this.at(T.Newline) || this.at(T.Semicolon)) this.next();
  }

  private skipSeparators(): void {
    while (this.at(T.Newline) || this.at(T.Semicolon)) this.next();
  }

  /** The `///` doc comment directly above `start` (only whitespace and one line break between). */
  private docBefore(start: number): DocComment | undefined {
    const docs = this.docs;
    while (this.docIndex < docs.length && docs[this.docIndex]!.end <= start) {
      const doc = docs[this.docIndex]!;
      const next = docs[this.docIndex + 1];
      if (next && next.end <= start) {
        this.docIndex++;
        continue;
      }
      const between = this.text.slice(doc.end, start);
      this.docIndex++;
      if (/^[ \t]*(\r\n|\n|\r)[ \t]*$/.test(between)) return doc;
      return undefined;
    }
    return undefined;
  }

  /**
   * Parses `{ items }`. Returns the block span; calls `item` at the start of each
   * statement. A line that starts an enclosing-level block (`service X {` inside
   * an entity) ends the block as if its `}` had been forgotten.
   */
  private block(owner: string, item: () => void, isEnclosing?: () => boolean): Span | undefined {
    if (!this.at(T.LBrace)) {
      this.expected("`{`", owner);
      return undefined;
    }
    const open = this.next();
    while (this.step()) {
      this.skipSeparators();
      if (this.at(T.RBrace)) {
        const close = this.next();
        return { start: open.start, end: close.end };
      }
      if (this.at(T.EOF) || (isEnclosing && isEnclosing())) {
        this.error(open.start, open.end, "syntax/unclosed-block", `This \`{\` of ${owner} is never closed: add \`}\`.`);
        const prev = this.tokens[this.i - 1] ?? open;
        return { start: open.start, end: Math.max(open.end, prev.end) };
      }
      const before = this.i;
      item();
      if (this.i === before) {
        // No progress: report and skip one token so the loop always advances.
        const t = this.next();
        this.error(t.start, t.end, "syntax/unexpected", `Unexpected ${this.describe(t)} in ${owner}.`);
      }
    }
    return { start: open.start, end: this.tok.start };
  }

  /** `KW NAME {` or `KW NAME "title"` at a statement start, for a block keyword not valid here. */
  private atEnclosingDeclaration(allowed: ReadonlySet<string>): boolean {
    const t = this.tok;
    if (t.kind !== T.Ident || allowed.has(t.text)) return false;
    if (t.text === "api") return false;
    if (!BLOCK_KEYWORDS.has(t.text) && !COMPONENT_SET.has(t.text)) return false;
    const a = this.peek(1);
    const b = this.peek(2);
    if (a.kind !== T.Ident) return false;
    if (COMPONENT_SET.has(t.text)) return b.kind === T.Colon || b.kind === T.LBrace || b.kind === T.String;
    return b.kind === T.LBrace || b.kind === T.String;
  }

  // ---- file and declarations ------------------------------------------------

  parseFile(): ArchFile {
    const imports: ImportDecl[] = [];
    const declarations: Declaration[] = [];
    while (this.step()) {
      this.skipSeparators();
      if (this.at(T.EOF)) break;
      if (this.at(T.RBrace)) {
        const t = this.next();
        this.error(t.start, t.end, "syntax/unexpected", "Unexpected `}`: there is no open block to close.");
        continue;
      }
      if (this.atWord("import")) {
        imports.push(this.parseImport());
        continue;
      }
      const decl = this.parseDeclaration("file");
      if (decl) declarations.push(decl);
      else this.skipBroken("Expected a declaration (`system`, `service`, a component such as `database`, `entity`, `type`, `event` or `enum`)");
    }
    return {
      kind: "File",
      uri: this.uri,
      text: this.text,
      imports,
      declarations,
      comments: this.comments,
      diagnostics: this.diagnostics,
    };
  }

  private skipBroken(message: string): void {
    const t = this.tok;
    // The scanner already reported an invalid character.
    if (t.kind !== T.Unknown) this.error(t.start, t.end, "syntax/expected", `${message}, found ${this.describe(t)}.`);
    this.skipStatement();
  }

  private parseImport(): ImportDecl {
    const kw = this.ident(this.next());
    const node: ImportDecl = { kind: "Import", keyword: kw, start: kw.start, end: kw.end };
    if (this.at(T.String)) {
      node.path = this.stringLit(this.next());
      node.end = node.path.end;
    } else {
      this.expected('a file path in quotes (`import "./other.arch"`)', "`import`");
    }
    this.endStatement("the import");
    return node;
  }

  /** A declaration at file or system level, or undefined if the current token starts none. */
  private parseDeclaration(level: "file" | "system"): Declaration | undefined {
    const t = this.tok;
    if (t.kind !== T.Ident) return undefined;
    const doc = this.docBefore(t.start);
    switch (t.text) {
      case "system":
        if (level === "system") {
          this.error(t.start, t.end, "syntax/nested-system", "A system cannot contain another system.");
        }
        return this.parseSystem(doc);
      case "service":
        return this.parseService(doc);
      case "entity":
      case "type":
      case "event":
        return this.parseSchema(t.text, doc);
      case "enum":
        return this.parseEnum(doc);
    }
    if (COMPONENT_SET.has(t.text)) return this.parseComponent(t.text as ComponentKind, doc);
    return undefined;
  }

  private parseSystem(doc: DocComment | undefined): SystemDecl {
    const kw = this.ident(this.next());
    const name = this.expectIdent("a system name", "`system`");
    const node: SystemDecl = { kind: "System", keyword: kw, name, properties: [], declarations: [], start: kw.start, end: name.end };
    if (doc) node.doc = doc;
    if (this.at(T.String)) node.title = this.stringLit(this.next());
    if (this.at(T.LBrace)) {
      const block = this.block(`system ${name.text}`, () => {
        if (this.atWord("import")) {
          const t = this.tok;
          this.error(t.start, t.end, "syntax/misplaced-import", "`import` lines belong at the top of the file, outside any system.");
          this.skipStatement();
          return;
        }
        const decl = this.parseDeclaration("system");
        if (decl) {
          node.declarations.push(decl);
          return;
        }
        if (this.at(T.Ident)) {
          node.properties.push(this.parseProperty());
          return;
        }
        this.skipBroken("Expected a property or a declaration");
      });
      if (block) {
        node.block = block;
        node.end = block.end;
      }
    } else {
      this.expected("`{`", `the system name`);
      this.skipStatement();
    }
    return node;
  }

  private parseComponent(componentKind: ComponentKind, doc: DocComment | undefined): Component {
    const kw = this.ident(this.next());
    const name = this.expectIdent(`a name for the ${componentKind}`, `\`${componentKind}\``);
    const node: Component = { kind: "Component", componentKind, keyword: kw, name, properties: [], relations: [], start: kw.start, end: name.end };
    if (doc) node.doc = doc;
    if (this.at(T.Colon)) {
      this.next();
      node.engine = this.expectIdent("an engine name such as `postgres`", "`:`");
      node.end = Math.max(node.end, node.engine.end);
    }
    if (this.at(T.String)) {
      node.title = this.stringLit(this.next());
      node.end = node.title.end;
    }
    if (this.at(T.LBrace)) {
      const block = this.block(`${componentKind} ${name.text}`, () => {
        if (this.at(T.Ident) && RELATION_KEYWORDS.has(this.tok.text) && this.tok.text !== "database") {
          node.relations.push(this.parseRelation());
        } else if (this.at(T.Ident)) {
          node.properties.push(this.parseProperty());
        } else {
          this.skipBroken("Expected a property");
        }
      }, () => this.atEnclosingDeclaration(NONE));
      if (block) {
        node.block = block;
        node.end = block.end;
      }
    }
    this.endStatement(`the ${componentKind} declaration`);
    return node;
  }

  private parseService(doc: DocComment | undefined): Service {
    const kw = this.ident(this.next());
    const name = this.expectIdent("a service name", "`service`");
    const node: Service = {
      kind: "Service",
      keyword: kw,
      name,
      properties: [],
      relations: [],
      schemas: [],
      enums: [],
      apis: [],
      members: [],
      start: kw.start,
      end: name.end,
    };
    if (doc) node.doc = doc;
    if (this.at(T.String)) {
      node.title = this.stringLit(this.next());
      node.end = node.title.end;
    }
    if (!this.at(T.LBrace)) {
      this.expected("`{`", `service ${name.text || ""}`.trimEnd());
      this.skipStatement();
      return node;
    }
    const block = this.block(`service ${name.text}`, () => this.parseServiceMember(node), () => this.atEnclosingDeclaration(SERVICE_MEMBER_KEYWORDS));
    if (block) {
      node.block = block;
      node.end = block.end;
    }
    return node;
  }

  private parseServiceMember(service: Service): void {
    const t = this.tok;
    if (t.kind !== T.Ident) {
      this.skipBroken("Expected a property, a relation (`calls`, `publishes`, …) or a declaration");
      return;
    }
    const nextKind = this.peek().kind;
    let member: ServiceMember | undefined;
    if (SCHEMA_KEYWORDS.has(t.text) && nextKind === T.Ident) {
      const schema = this.parseSchema(t.text as SchemaKind, this.docBefore(t.start));
      service.schemas.push(schema);
      member = schema;
    } else if (t.text === "enum" && nextKind === T.Ident) {
      const e = this.parseEnum(this.docBefore(t.start));
      service.enums.push(e);
      member = e;
    } else if (t.text === "api" && (nextKind === T.String || nextKind === T.LBrace)) {
      const api = this.parseApi(this.docBefore(t.start));
      service.apis.push(api);
      member = api;
    } else if (RELATION_KEYWORDS.has(t.text)) {
      const rel = this.parseRelation();
      service.relations.push(rel);
      member = rel;
    } else {
      const prop = this.parseProperty();
      service.properties.push(prop);
      member = prop;
    }
    service.members.push(member);
  }

  private parseSchema(schemaKind: SchemaKind, doc: DocComment | undefined): SchemaDecl {
    const kw = this.ident(this.next());
    const name = this.expectIdent(`a name for the ${schemaKind}`, `\`${schemaKind}\``);
    const node: SchemaDecl = { kind: "Schema", schemaKind, keyword: kw, name, fields: [], tableAttributes: [], start: kw.start, end: name.end };
    if (doc) node.doc = doc;
    const block = this.block(`${schemaKind} ${name.text}`, () => {
      if (this.at(T.AtAt)) {
        const attr = this.parseAttribute(true);
        if (schemaKind !== "entity") {
          this.error(attr.start, attr.end, "syntax/table-attribute-outside-entity", `\`@@${attr.name.text}\` applies to tables: only an entity can have it.`);
        }
        node.tableAttributes.push(attr);
        this.endStatement("the table attribute");
      } else if (this.at(T.Ident)) {
        node.fields.push(this.parseField());
      } else if (this.at(T.At)) {
        const t = this.tok;
        this.error(t.start, t.end, "syntax/misplaced-attribute", "A column attribute must follow a field's type on the same line (`name text @unique`); table attributes start with `@@`.");
        this.skipStatement();
      } else {
        this.skipBroken(`Expected a field (\`name type\`) in ${schemaKind} ${name.text}`);
      }
    }, () => this.atEnclosingDeclaration(NONE));
    if (block) {
      node.block = block;
      node.end = block.end;
    } else {
      this.skipStatement();
    }
    return node;
  }

  private parseEnum(doc: DocComment | undefined): EnumDecl {
    const kw = this.ident(this.next());
    const name = this.expectIdent("a name for the enum", "`enum`");
    const node: EnumDecl = { kind: "Enum", keyword: kw, name, members: [], start: kw.start, end: name.end };
    if (doc) node.doc = doc;
    const block = this.block(`enum ${name.text}`, () => {
      while (this.step() && !this.at(T.RBrace) && !this.at(T.EOF)) {
        if (this.at(T.Ident)) {
          const t = this.next();
          const member: EnumMember = { kind: "EnumMember", name: this.ident(t), start: t.start, end: t.end };
          const d = this.docBefore(t.start);
          if (d) member.doc = d;
          node.members.push(member);
          if (this.at(T.Comma) || this.at(T.Newline) || this.at(T.Semicolon)) this.next();
          else if (!this.at(T.RBrace)) {
            this.expected("`,` or a new line between enum values");
            this.skipStatement();
          }
        } else if (this.at(T.Newline) || this.at(T.Comma) || this.at(T.Semicolon)) {
          this.next();
        } else {
          this.skipBroken("Expected an enum value name");
        }
      }
    });
    if (block) {
      node.block = block;
      node.end = block.end;
    } else {
      this.skipStatement();
    }
    return node;
  }

  // ---- fields, types and attributes ------------------------------------------

  private parseField(): Field {
    const nameTok = this.next();
    const name = this.ident(nameTok);
    const doc = this.docBefore(nameTok.start);
    const type = this.parseTypeRef(`\`${name.text}\``);
    const node: Field = { kind: "Field", name, type: type.node, attributes: [], start: name.start, end: type.missing() ? name.end : type.node.end };
    if (doc) node.doc = doc;
    if (type.missing()) {
      this.skipStatement();
      this.endStatement("the field");
      return node;
    }
    while (this.step() && this.at(T.At)) {
      const attr = this.parseAttribute(false);
      node.attributes.push(attr);
      node.end = attr.end;
    }
    if (this.at(T.AtAt)) {
      const t = this.tok;
      this.error(t.start, t.end, "syntax/misplaced-attribute", "`@@` attributes describe the whole table and go on their own line; use `@` for a column attribute.");
      this.skipStatement();
    }
    this.endStatement(`field \`${name.text}\``);
    return node;
  }

  /** IDENT ["." IDENT] ["(" args ")"] ["[]"] ["?"]. `missing()` is true when no type was written. */
  private parseTypeRef(after: string): { node: TypeRef; missing(): boolean } {
    if (!this.at(T.Ident)) {
      this.expected("a type", after);
      const name = this.missingIdent();
      const node: TypeRef = { kind: "TypeRef", name, args: [], array: false, optional: false, start: name.start, end: name.end };
      return { node, missing: () => true };
    }
    let name = this.ident(this.next());
    const node: TypeRef = { kind: "TypeRef", name, args: [], array: false, optional: false, start: name.start, end: name.end };
    if (this.at(T.Dot) && this.peek().kind === T.Ident && !this.tok.spaceBefore) {
      this.next();
      node.qualifier = name;
      name = this.ident(this.next());
      node.name = name;
      node.end = name.end;
    }
    if (this.at(T.LParen)) {
      this.next();
      while (this.step()) {
        if (this.at(T.Number)) {
          const t = this.next();
          node.args.push({ kind: "Value", valueKind: "number", text: t.text, number: t.number ?? 0, start: t.start, end: t.end });
          node.end = t.end;
        } else {
          this.expected("a number", `\`${name.text}(\``);
          break;
        }
        if (this.at(T.Comma)) this.next();
        else break;
      }
      if (this.at(T.RParen)) node.end = this.next().end;
      else this.expected("`)`", `the arguments of \`${name.text}\``);
    }
    for (let k = 0; k < 2; k++) {
      if (this.at(T.LBracket) && this.peek().kind === T.RBracket) {
        this.next();
        node.end = this.next().end;
        node.array = true;
      } else if (this.at(T.Question)) {
        node.end = this.next().end;
        node.optional = true;
      }
    }
    return { node, missing: () => false };
  }

  private parseAttribute(table: boolean): Attribute {
    const at = this.next();
    let name: Identifier;
    if (this.at(T.Ident) && !this.tok.spaceBefore) name = this.ident(this.next());
    else {
      this.expected("an attribute name", table ? "`@@`" : "`@`");
      name = this.missingIdent();
    }
    const node: Attribute = { kind: "Attribute", table, name, args: [], hasParens: false, start: at.start, end: name.end };
    if (this.at(T.LParen) && !this.tok.spaceBefore) {
      node.hasParens = true;
      this.next();
      while (this.step() && !this.at(T.RParen)) {
        const arg = this.parseAttributeArg(name.text);
        if (!arg) break;
        node.args.push(arg);
        if (this.at(T.Comma)) this.next();
        else break;
      }
      if (this.at(T.RParen)) node.end = this.next().end;
      else {
        this.expected("`)`", `the arguments of \`${table ? "@@" : "@"}${name.text}\``);
        node.end = this.tokens[this.i - 1]?.end ?? node.end;
      }
    }
    return node;
  }

  private parseAttributeArg(attr: string): AttributeArg | undefined {
    const t = this.tok;
    if (t.kind === T.Ident) {
      this.next();
      const first = this.ident(t);
      if (this.at(T.Dot)) {
        this.next();
        const second = this.expectIdent("a field name", `\`${first.text}.\``);
        return { kind: "AttributeArg", argKind: "qualified", qualifier: first, name: second, text: `${first.text}.${second.text}`, start: first.start, end: Math.max(second.end, first.end + 1) };
      }
      return { kind: "AttributeArg", argKind: "ident", name: first, text: first.text, value: first.text, start: t.start, end: t.end };
    }
    if (t.kind === T.String) {
      this.next();
      return { kind: "AttributeArg", argKind: "string", text: t.text, value: t.text, start: t.start, end: t.end };
    }
    if (t.kind === T.Number) {
      this.next();
      return { kind: "AttributeArg", argKind: "number", text: t.text, value: t.number ?? 0, start: t.start, end: t.end };
    }
    this.expected("an argument", `\`${attr}(\``);
    return undefined;
  }

  // ---- properties and values ------------------------------------------------

  private parseProperty(): Property {
    const key = this.ident(this.next());
    const node: Property = { kind: "Property", key, values: [], start: key.start, end: key.end };
    while (this.step() && !this.atEnd() && !this.at(T.LBrace)) {
      if (this.at(T.Comma)) {
        this.next();
        continue;
      }
      const value = this.parseValue();
      if (!value) {
        const t = this.tok;
        this.error(t.start, t.end, "syntax/unexpected", `Unexpected ${this.describe(t)} in the value of \`${key.text}\`.`);
        this.skipStatement();
        break;
      }
      node.values.push(value);
      node.end = value.end;
    }
    if (this.at(T.LBrace)) {
      const t = this.tok;
      this.error(t.start, t.end, "syntax/unexpected", `Unexpected \`{\`: \`${key.text}\` is a property and takes no block. Is a declaration keyword misspelt?`);
      this.skipStatement();
    }
    this.endStatement(`\`${key.text}\``);
    return node;
  }

  /** One property value. Adjacent `a:b`, `a.b` and `a-b` pieces form one word (`orders:write`, `X-Request-Id`). */
  private parseValue(): Value | undefined {
    const t = this.tok;
    switch (t.kind) {
      case T.String:
        this.next();
        return { kind: "Value", valueKind: "string", text: t.text, start: t.start, end: t.end };
      case T.Number:
        this.next();
        return { kind: "Value", valueKind: "number", text: t.text, number: t.number ?? 0, start: t.start, end: t.end };
      case T.Duration:
        this.next();
        return { kind: "Value", valueKind: "duration", text: t.text, number: t.number ?? 0, start: t.start, end: t.end };
      case T.Rate:
        this.next();
        return { kind: "Value", valueKind: "rate", text: t.text, number: t.number ?? 0, start: t.start, end: t.end };
      case T.Path:
        this.next();
        return { kind: "Value", valueKind: "path", text: t.text, start: t.start, end: t.end };
      case T.Ident:
        return this.parseWord();
    }
    return undefined;
  }

  private parseWord(): Value {
    const first = this.next();
    let end = first.end;
    while (this.step()) {
      const k = this.tok.kind;
      const glued = !this.tok.spaceBefore && (k === T.Colon || k === T.Dot || k === T.Minus) && (this.peek().kind === T.Ident || this.peek().kind === T.Number) && !this.peek().spaceBefore;
      const gluedSuffix = !this.tok.spaceBefore && (k === T.Question || (k === T.LBracket && this.peek().kind === T.RBracket));
      if (glued) {
        this.next();
        end = this.next().end;
      } else if (gluedSuffix) {
        if (k === T.LBracket) this.next();
        end = this.next().end;
      } else break;
    }
    return { kind: "Value", valueKind: "word", text: this.text.slice(first.start, end), start: first.start, end };
  }

  // ---- relations ------------------------------------------------------------

  private parseRelation(): Relation {
    const kwTok = this.next();
    const keyword = this.ident(kwTok);
    let node: Relation;
    switch (kwTok.text) {
      case "calls":
        node = this.parseCalls(keyword);
        break;
      case "publishes": {
        const event = this.expectIdent("an event name", "`publishes`");
        const rel: PublishesRelation = { kind: "Publishes", keyword, event, queue: this.missingIdent(), start: keyword.start, end: event.end };
        if (!event.missing) {
          if (this.atWord("to")) {
            this.next();
            rel.queue = this.expectIdent("a queue name", "`to`");
          } else {
            this.expected("`to` and a queue (`publishes OrderPlaced to order_events`)", `\`${event.text}\``);
            rel.queue = this.missingIdent();
          }
        }
        rel.end = Math.max(rel.end, rel.queue.end);
        node = rel;
        break;
      }
      case "consumes": {
        const event = this.expectIdent("an event name", "`consumes`");
        const rel: ConsumesRelation = { kind: "Consumes", keyword, event, queue: this.missingIdent(), start: keyword.start, end: event.end };
        if (!event.missing) {
          if (this.atWord("from")) {
            this.next();
            rel.queue = this.expectIdent("a queue name", "`from`");
          } else {
            this.expected("`from` and a queue (`consumes OrderPlaced from order_events`)", `\`${event.text}\``);
          }
        }
        rel.end = Math.max(rel.end, rel.queue.end);
        if (this.atWord("idempotent")) {
          rel.idempotent = this.ident(this.next());
          rel.end = rel.idempotent.end;
        }
        node = rel;
        break;
      }
      case "uses": {
        const target = this.expectIdent("a cache name", "`uses`");
        const rel: UsesRelation = { kind: "Uses", keyword, target, start: keyword.start, end: target.end };
        if (this.atWord("ttl")) {
          rel.ttlKeyword = this.ident(this.next());
          rel.end = rel.ttlKeyword.end;
          if (this.at(T.Duration) || this.atWord("none")) {
            const v = this.parseValue()!;
            rel.ttl = v;
            rel.end = v.end;
          } else {
            this.expected("a duration such as `5m`, or `none`", "`ttl`");
          }
        }
        node = rel;
        break;
      }
      case "routes": {
        const rel: RoutesRelation = { kind: "Routes", keyword, targets: [], start: keyword.start, end: keyword.end };
        while (this.step()) {
          const target = this.expectIdent("a service name", rel.targets.length ? "`,`" : "`routes`");
          if (target.missing) break;
          rel.targets.push(target);
          rel.end = target.end;
          if (this.at(T.Comma)) this.next();
          else break;
        }
        node = rel;
        break;
      }
      default: {
        const access = kwTok.text as StoreRelation["access"];
        const target = this.expectIdent("a database name", `\`${access}\``);
        node = { kind: "Store", keyword, access, target, start: keyword.start, end: Math.max(keyword.end, target.end) };
      }
    }
    this.endStatement(`the \`${kwTok.text}\` line`);
    return node;
  }

  private parseCalls(keyword: Identifier): CallsRelation {
    const target = this.expectIdent("the name of the service or external system called", "`calls`");
    const rel: CallsRelation = { kind: "Calls", keyword, target, start: keyword.start, end: Math.max(keyword.end, target.end) };
    if (target.missing) return rel;
    if (this.at(T.Ident) && METHOD_SET.has(this.tok.text.toUpperCase()) && this.peek().kind === T.Path) {
      rel.method = this.methodIdent(this.next());
      const p = this.next();
      rel.path = { kind: "Path", text: p.text, start: p.start, end: p.end };
      rel.end = p.end;
    }
    while (this.step() && !this.atEnd()) {
      const t = this.tok;
      if (t.kind === T.Ident && t.text === "timeout") {
        this.next();
        if (this.at(T.Duration)) {
          rel.timeout = this.parseValue()!;
          rel.end = rel.timeout.end;
        } else {
          this.expected("a duration such as `2s`", "`timeout`");
          this.skipStatement();
          break;
        }
      } else if (t.kind === T.Ident && t.text === "retries") {
        this.next();
        if (this.at(T.Number)) {
          rel.retries = this.parseValue()!;
          rel.end = rel.retries.end;
        } else {
          this.expected("a number of retries", "`retries`");
          this.skipStatement();
          break;
        }
      } else if (t.kind === T.Ident && t.text === "breaker") {
        rel.breaker = this.ident(this.next());
        rel.end = rel.breaker.end;
      } else {
        this.error(t.start, t.end, "syntax/unexpected", `Unexpected ${this.describe(t)} in a call: expected \`timeout\`, \`retries\` or \`breaker\`.`);
        this.skipStatement();
        break;
      }
    }
    return rel;
  }

  private methodIdent(t: Token): Identifier {
    const id = this.ident(t);
    if (t.text !== t.text.toUpperCase()) {
      this.error(t.start, t.end, "syntax/method-case", `Write HTTP methods in upper case: \`${t.text.toUpperCase()}\`.`);
      id.text = t.text.toUpperCase();
    }
    return id;
  }

  // ---- apis and endpoints ---------------------------------------------------

  private parseApi(doc: DocComment | undefined): Api {
    const kw = this.ident(this.next());
    const node: Api = { kind: "Api", keyword: kw, properties: [], endpoints: [], start: kw.start, end: kw.end };
    if (doc) node.doc = doc;
    if (this.at(T.String)) {
      node.base = this.stringLit(this.next());
      node.end = node.base.end;
    }
    const block = this.block(`the api ${node.base ? `"${node.base.value}"` : ""}`.trimEnd(), () => {
      const t = this.tok;
      if (t.kind === T.Ident && this.peek().kind === T.Path && METHOD_SET.has(t.text.toUpperCase())) {
        node.endpoints.push(this.parseEndpoint());
      } else if (t.kind === T.Ident && METHOD_SET.has(t.text)) {
        this.next();
        this.expected("a path starting with `/`", `\`${t.text}\``);
        this.skipStatement();
      } else if (t.kind === T.Ident) {
        node.properties.push(this.parseProperty());
      } else if (t.kind === T.Path) {
        this.error(t.start, t.end, "syntax/expected", `Expected an HTTP method (GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS) before \`${t.text}\`.`);
        this.skipStatement();
      } else {
        this.skipBroken("Expected an endpoint (`GET /path -> 200 Type`) or a property");
      }
    }, () => this.atEnclosingDeclaration(NONE));
    if (block) {
      node.block = block;
      node.end = block.end;
    } else {
      this.skipStatement();
    }
    return node;
  }

  private parseEndpoint(): Endpoint {
    const methodTok = this.next();
    const doc = this.docBefore(methodTok.start);
    const method = this.methodIdent(methodTok);
    const p = this.next();
    const path: PathLiteral = { kind: "Path", text: p.text, start: p.start, end: p.end };
    const node: Endpoint = {
      kind: "Endpoint",
      method,
      path,
      responses: [],
      flags: [],
      properties: [],
      parameters: [],
      start: method.start,
      end: path.end,
      lineEnd: path.end,
    };
    if (doc) node.doc = doc;
    const where = `\`${method.text} ${path.text}\``;
    let broken = false;
    if (this.atWord("body")) {
      this.next();
      const type = this.parseTypeRef("`body`");
      if (type.missing()) broken = true;
      else {
        node.body = type.node;
        node.end = node.lineEnd = type.node.end;
      }
    }
    if (!broken && this.at(T.Arrow)) {
      const arrow = this.next();
      node.arrow = { start: arrow.start, end: arrow.end };
      node.end = node.lineEnd = arrow.end;
      while (this.step()) {
        if (!this.at(T.Number)) {
          this.expected("a status code such as `200`", node.responses.length ? "`,`" : "`->`");
          broken = true;
          break;
        }
        const s = this.next();
        const status: Value = { kind: "Value", valueKind: "number", text: s.text, number: s.number ?? 0, start: s.start, end: s.end };
        const response: Response = { kind: "Response", status, start: s.start, end: s.end };
        const code = s.number ?? 0;
        if (!Number.isInteger(code) || code < 100 || code > 599) {
          this.error(s.start, s.end, "syntax/invalid-status", `\`${s.text}\` is not an HTTP status code (100-599).`);
        }
        if (this.at(T.Ident) && !FLAG_SET.has(this.tok.text)) {
          const type = this.parseTypeRef(`\`${s.text}\``);
          response.type = type.node;
          response.end = type.node.end;
        }
        node.responses.push(response);
        node.end = node.lineEnd = response.end;
        if (this.at(T.Comma)) this.next();
        else break;
      }
    }
    if (!broken) {
      while (this.step() && this.at(T.Ident)) {
        const t = this.tok;
        if (!FLAG_SET.has(t.text)) {
          const hint = t.text === "body" ? " (`body` goes before `->`)" : "";
          this.error(t.start, t.end, "syntax/unknown-flag", `Unknown endpoint flag \`${t.text}\`: expected paginated, idempotent, deprecated, async or bounded${hint}.`);
          broken = true;
          break;
        }
        this.next();
        const flag: EndpointFlag = { kind: "Flag", name: t.text as EndpointFlagName, start: t.start, end: t.end };
        node.flags.push(flag);
        node.end = node.lineEnd = flag.end;
      }
    }
    if (!broken && !this.atEnd() && !this.at(T.LBrace)) {
      const t = this.tok;
      this.error(t.start, t.end, "syntax/unexpected", `Unexpected ${this.describe(t)} in endpoint ${where}.`);
      broken = true;
    }
    if (broken) {
      // Keep a block on the same line if there is one; skip the rest.
      while (this.step() && !this.atEnd() && !this.at(T.LBrace)) this.next();
    }
    if (this.at(T.LBrace)) {
      const block = this.block(`endpoint ${where}`, () => this.parseEndpointProperty(node), () => this.at(T.Ident) && this.peek().kind === T.Path && METHOD_SET.has(this.tok.text));
      if (block) {
        node.block = block;
        node.end = block.end;
      }
    }
    this.endStatement(`endpoint ${where}`);
    return node;
  }

  private parseEndpointProperty(endpoint: Endpoint): void {
    const t = this.tok;
    if (t.kind !== T.Ident) {
      this.skipBroken("Expected an endpoint property (`summary`, `param`, `query`, `header`, `auth`, `ratelimit`, `cache`, `tags`)");
      return;
    }
    if (t.text === "param" || t.text === "query" || t.text === "header") {
      const keyword = this.ident(this.next());
      let name: Identifier;
      if (this.at(T.Ident)) {
        // Header names may contain hyphens: `header Idempotency-Key text`.
        const first = this.next();
        let end = first.end;
        while (t.text === "header" && this.at(T.Minus) && !this.tok.spaceBefore && this.peek().kind === T.Ident && !this.peek().spaceBefore) {
          this.next();
          end = this.next().end;
        }
        name = { kind: "Identifier", text: this.text.slice(first.start, end), start: first.start, end };
      } else {
        this.expected(`a ${t.text === "param" ? "path parameter" : t.text} name`, `\`${t.text}\``);
        this.skipStatement();
        this.endStatement(`\`${t.text}\``);
        return;
      }
      const type = this.parseTypeRef(`\`${name.text}\``);
      const location = t.text === "param" ? "path" : (t.text as "query" | "header");
      const param: ParameterDecl = { kind: "Parameter", location, keyword, name, type: type.node, start: keyword.start, end: type.missing() ? name.end : type.node.end };
      endpoint.parameters.push(param);
      if (type.missing()) this.skipStatement();
      this.endStatement(`\`${t.text} ${name.text}\``);
      return;
    }
    endpoint.properties.push(this.parseProperty());
  }
}
