// The sequence diagram of one endpoint: the caller, the gateway when it routes
// to the service, the service, then what the model says the service does: its
// cache, its synchronous calls (recursing into the called endpoint's service
// when a call names an endpoint, bounded in depth and stopped at cycles), its
// database access and the events it publishes, with their consumers.
//
// The model declares calls, stores and events per service, not per endpoint:
// where a service has more than one endpoint the diagram says so in a note.

import type { Diagnostic } from "../../diagnostics/diagnostic";
import type { ComponentInfo, EndpointInfo, MessageInfo, Model, ServiceInfo } from "../../semantic/model";
import { normalizePath, closest } from "../../util/names";
import { type DiagramNode, type DiagramResult, LIMITS, diagnosticAt, findService, formatDuration, isService, nodeOf, unknownName } from "./common";
import { FRONTMATTER, IdAllocator, sequenceText } from "./escape";

/** Deepest chain of named-endpoint calls followed. */
export const MAX_CALL_DEPTH = 6;
/** Most messages in one diagram; beyond it the rest of the chain is left out (with a note). */
export const MAX_MESSAGES = 250;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface EndpointLookup {
  endpoint?: EndpointInfo;
  diagnostic?: Diagnostic;
}

/**
 * Finds an endpoint written as `METHOD /path`: the full path (`/api/v1/orders/{id}`)
 * or the path within its api (`/orders/{id}`); path parameter names need not match.
 * With `service`, only that service's endpoints are considered; without it, a path
 * that several services serve is ambiguous.
 */
export function findEndpoint(model: Model, spec: string, service?: string): EndpointLookup {
  const m = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(spec);
  if (!m) return { diagnostic: diagnosticAt(model, undefined, "error", "mermaid/invalid-endpoint", `Write the endpoint as \`METHOD /path\`, e.g. \`GET /orders/{id}\`, not \`${spec}\`.`) };
  const method = m[1]!.toUpperCase();
  const path = m[2]!;
  let svc: ServiceInfo | undefined;
  if (service !== undefined) {
    svc = findService(model, service);
    if (!svc) return { diagnostic: unknownName(model, "service", service, model.services.map((s) => s.symbol.name)) };
  }
  const pool = model.endpoints.filter((e) => !svc || e.service === svc);
  const wanted = normalizePath(path);
  const candidates = pool.filter((e) => e.method === method && (normalizePath(e.fullPath) === wanted || normalizePath(e.path) === wanted));
  if (!candidates.length) {
    const names = pool.map((e) => `${e.method} ${e.fullPath}`);
    const suggestion = closest(`${method} ${path}`, names) ?? closest(`${method} ${path}`, pool.map((e) => `${e.method} ${e.path}`));
    const where = svc ? ` in service ${svc.symbol.name}` : "";
    return { diagnostic: diagnosticAt(model, svc?.symbol, "error", "mermaid/unknown-endpoint", `No endpoint \`${method} ${path}\`${where}.${suggestion ? ` Did you mean \`${suggestion}\`?` : ""}`) };
  }
  const services = [...new Set(candidates.map((e) => e.service))];
  if (services.length > 1) {
    return {
      diagnostic: diagnosticAt(model, undefined, "error", "mermaid/ambiguous-endpoint", `\`${method} ${path}\` is an endpoint of ${services.map((s) => s.symbol.name).join(", ")}: name the service (--service).`),
    };
  }
  const exact = candidates.find((e) => e.fullPath === path || e.path === path);
  return { endpoint: exact ?? candidates[0]! };
}

type Participant = ServiceInfo | ComponentInfo;

interface ParticipantLine {
  id: string;
  line: string;
  node?: DiagramNode;
}

class SequenceBuilder {
  private readonly ids = new IdAllocator();
  private readonly participants: ParticipantLine[] = [];
  private readonly body: string[] = [];
  private readonly noted = new Set<ServiceInfo>();
  private messages = 0;
  private truncated = false;
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly model: Model) {}

  participant(p: Participant): string {
    const existing = this.ids.get(p);
    if (existing) return existing;
    const kind = isService(p) ? "service" : p.kind;
    const prefix = kind === "service" ? "svc" : kind === "client" ? "cl" : kind === "gateway" ? "gw" : kind === "database" ? "db" : kind === "cache" ? "cache" : kind === "queue" ? "q" : "ext";
    const id = this.ids.id(p, prefix, p.symbol.name);
    const alias = sequenceText(p.symbol.name, { fallback: "(unnamed)", maxLength: 60 });
    const type = kind === "database" ? "database" : kind === "cache" ? "collections" : kind === "queue" ? "queue" : kind === "external" ? "boundary" : undefined;
    const line = kind === "client" ? `actor ${id} as ${alias}` : type ? `participant ${id}@{ "type": "${type}" } as ${alias}` : `participant ${id} as ${alias}`;
    this.participants.push({ id, line, node: nodeOf(id, p.symbol) });
    this.chars += line.length + 3;
    return id;
  }

  /** An actor standing for several callers, or for an unknown one. */
  genericActor(label: string): string {
    const key = { generic: label };
    const id = this.ids.id(key, "cl", "caller");
    this.participants.push({ id, line: `actor ${id} as ${sequenceText(label, { fallback: "Client", maxLength: 80 })}` });
    return id;
  }

  /** Characters written so far (Mermaid renders nothing longer than 50,000). */
  private chars = 0;

  /** No room for more: too many messages, or too close to Mermaid's text limit (leaving room for the closing responses). */
  get full(): boolean {
    return this.messages >= MAX_MESSAGES || this.chars >= LIMITS.text - 8_000;
  }

  private push(line: string): void {
    this.body.push(line);
    this.chars += line.length + 1;
  }

  message(from: string, arrow: "->>" | "-->>" | "-)", to: string, text: string, activation?: "+" | "-"): void {
    this.messages++;
    this.push(`  ${from}${arrow}${activation ?? ""}${to}: ${sequenceText(text, { fallback: "message", maxLength: 120 })}`);
  }

  note(over: string[], text: string): void {
    this.push(`  Note over ${over.join(",")}: ${text}`);
  }

  /** A note whose text is escaped; `<br/>` between the parts. */
  noteLines(over: string[], parts: string[]): void {
    this.note(over, parts.map((p) => sequenceText(p, { maxLength: 120 })).join("<br/>"));
  }

  truncate(at: string, anchor: ServiceInfo): void {
    if (this.truncated) return;
    this.truncated = true;
    this.noteLines([at], ["… the rest of the chain is left out (diagram too large)"]);
    this.diagnostics.push(
      diagnosticAt(this.model, anchor.symbol, "warning", "mermaid/diagram-too-large", `The sequence diagram stops after ${this.messages} messages (at most ${MAX_MESSAGES}, and Mermaid renders at most 50,000 characters); the rest of the call chain is left out.`),
    );
  }

  /** Notes once per service that its calls, stores and events are declared per service. */
  perServiceNote(service: ServiceInfo, id: string): void {
    if (this.noted.has(service)) return;
    this.noted.add(service);
    const endpoints = service.apis.reduce((n, a) => n + a.endpoints.length, 0);
    // Its own database and cache are what its endpoints are for; calls, shared stores and events are the doubt.
    const hasDeps = service.calls.length + service.publishes.length + service.stores.filter((s) => s.access !== "database").length > 0;
    if (endpoints <= 1 || !hasDeps) return;
    this.noteLines([id], [`${service.symbol.name}: calls and events are declared per service, not per endpoint`]);
  }

  text(): string {
    return FRONTMATTER + ["sequenceDiagram", ...this.participants.map((p) => `  ${p.line}`), ...this.body].join("\n") + "\n";
  }

  nodes(): DiagramNode[] {
    return this.participants.flatMap((p) => (p.node ? [p.node] : []));
  }
}

function successLabel(ep: EndpointInfo): string {
  const ok = ep.responses.find((r) => r.status >= 200 && r.status < 300) ?? ep.responses[0];
  if (!ok) return "response";
  let text = String(ok.status);
  if (ok.type) text += ` ${ok.type.display}`;
  if (ep.flags.has("paginated")) text += " (page)";
  return text;
}

function requestLabel(ep: EndpointInfo, extras: string[] = []): string {
  const all = [...extras];
  if (ep.flags.has("idempotent")) all.unshift("Idempotency-Key");
  const body = ep.body ? ` body ${ep.body.display}` : "";
  return `${ep.method} ${ep.fullPath}${body}${all.length ? ` (${all.join(", ")})` : ""}`;
}

function callOptions(call: ServiceInfo["calls"][number]): string[] {
  const out: string[] = [];
  if (call.decl.kind === "Calls" && call.decl.timeout) out.push(`timeout ${call.decl.timeout.text}`);
  else if (call.timeoutMs !== undefined) out.push(`timeout ${formatDuration(call.timeoutMs)}`);
  if (call.retries !== undefined) out.push(`retries ${call.retries}`);
  if (call.breaker) out.push("breaker");
  return out;
}

function withOptions(text: string, options: string[]): string {
  return options.length ? `${text} (${options.join(", ")})` : text;
}

/** The entity an endpoint returns or accepts, for naming the table it touches. */
function tableOf(ep: EndpointInfo): string | undefined {
  for (const r of ep.responses) if (r.status < 300 && r.type?.schema?.kind === "entity" && r.type.schema.service === ep.service) return r.type.schema.tableName;
  if (ep.body?.schema?.kind === "entity" && ep.body.schema.service === ep.service) return ep.body.schema.tableName;
  return undefined;
}

function consumersOf(model: Model, published: MessageInfo): MessageInfo[] {
  const eventName = published.event?.symbol.name ?? published.decl.event.text;
  return model.messages.filter(
    (m) => m.decl.kind === "Consumes" && m.queue && m.queue === published.queue && (published.event ? m.event === published.event : (m.event?.symbol.name ?? m.decl.event.text) === eventName),
  );
}

function handle(b: SequenceBuilder, model: Model, service: ServiceInfo, ep: EndpointInfo, depth: number, stack: EndpointInfo[]): void {
  const self = b.participant(service);
  b.perServiceNote(service, self);
  for (const u of service.uses) {
    if (!u.target) continue;
    if (b.full) return b.truncate(self, service);
    b.message(self, "->>", b.participant(u.target), u.ttl ? `cache (ttl ${u.ttl.text})` : "cache");
  }
  for (const call of service.calls) {
    const target = call.target;
    if (!target) continue;
    if (b.full) return b.truncate(self, service);
    const options = callOptions(call);
    if (isService(target)) {
      const to = b.participant(target);
      const called = call.endpoint;
      if (!called) {
        b.message(self, "->>", to, withOptions("request (endpoint not named)", options), "+");
        b.message(to, "-->>", self, "response", "-");
        continue;
      }
      b.message(self, "->>", to, requestLabel(called, options), "+");
      if (stack.includes(called)) {
        b.noteLines([to], [`cycle: ${called.method} ${called.fullPath} is already in this chain`]);
      } else if (depth >= MAX_CALL_DEPTH) {
        b.noteLines([to], [`… the chain goes on (depth limit ${MAX_CALL_DEPTH})`]);
      } else {
        handle(b, model, target, called, depth + 1, [...stack, called]);
      }
      b.message(to, "-->>", self, successLabel(called), "-");
    } else {
      const to = b.participant(target);
      const written = call.decl.kind === "Calls" && call.decl.method && call.decl.path && !call.decl.path.missing ? `${call.decl.method.text} ${call.decl.path.text}` : "request";
      b.message(self, "->>", to, withOptions(written, options));
      b.message(to, "-->>", self, "response");
    }
  }
  for (const st of service.stores) {
    if (!st.target) continue;
    if (b.full) return b.truncate(self, service);
    const verb = st.access === "reads" ? "read" : st.access === "writes" ? "write" : SAFE_METHODS.has(ep.method) ? "read" : "write";
    const table = st.access === "database" ? tableOf(ep) : undefined;
    b.message(self, "->>", b.participant(st.target), table ? `${verb} ${table}` : verb);
  }
  for (const pub of service.publishes) {
    if (!pub.queue) continue;
    if (b.full) return b.truncate(self, service);
    const event = pub.event?.symbol.name ?? pub.decl.event.text;
    const queue = b.participant(pub.queue);
    b.message(self, "-)", queue, event);
    for (const c of consumersOf(model, pub)) {
      if (b.full) return b.truncate(self, service);
      b.message(queue, "-)", b.participant(c.service), c.idempotent ? `${event} (idempotent consumer)` : event);
    }
  }
}

/** Who sends the endpoint's request: clients (through the gateway routing to the service), else services that call it by name. */
function entryOf(model: Model, ep: EndpointInfo): { gateway?: ComponentInfo; callers: Participant[] } {
  const service = ep.service;
  const gateway = model.components.find((g) => g.kind === "gateway" && g.calls.some((c) => c.target === service));
  const clients = model.components.filter((c) => c.kind === "client");
  if (gateway) {
    const callers = clients.filter((c) => c.calls.some((x) => x.target === gateway) || (c.calls.length === 0 && c.system === gateway.system));
    return { gateway, callers };
  }
  const direct = clients.filter((c) => c.calls.some((x) => x.target === service));
  if (direct.length) return { callers: direct };
  const services = model.services.filter((s) => s !== service && s.calls.some((c) => c.endpoint === ep));
  return { callers: services };
}

/** The sequence diagram of an endpoint (an `EndpointInfo`, or `METHOD /path` with an optional service name). */
export function sequenceDiagram(model: Model, endpoint: EndpointInfo | string, service?: string): DiagramResult {
  let ep: EndpointInfo;
  if (typeof endpoint === "string") {
    const found = findEndpoint(model, endpoint, service);
    if (!found.endpoint) return { text: FRONTMATTER + "sequenceDiagram\n", diagnostics: found.diagnostic ? [found.diagnostic] : [], nodes: [] };
    ep = found.endpoint;
  } else {
    ep = endpoint;
  }
  const b = new SequenceBuilder(model);
  const { gateway, callers } = entryOf(model, ep);
  const entry =
    callers.length === 1
      ? b.participant(callers[0]!)
      : b.genericActor(callers.length ? callers.slice(0, 4).map((c) => c.symbol.name).join(" / ") + (callers.length > 4 ? " / …" : "") : "Client");
  const gw = gateway ? b.participant(gateway) : undefined;
  const svc = b.participant(ep.service);
  const settings: string[] = [];
  if (ep.auth) settings.push(`auth ${[ep.auth.scheme, ...ep.auth.scopes].join(" ")}`);
  if (ep.rateLimit) settings.push(`ratelimit ${ep.rateLimit.none ? "none" : ep.rateLimit.text + (ep.rateLimit.per ? ` per ${ep.rateLimit.per}` : "")}`);
  if (ep.cacheMs !== undefined) {
    const written = ep.decl.properties.find((p) => p.key.text === "cache")?.values[0];
    settings.push(`cache ${written?.valueKind === "duration" ? written.text : formatDuration(ep.cacheMs)}`);
  }
  if (gw && gateway) {
    b.message(entry, "->>", gw, requestLabel(ep));
    const route = gateway.calls.find((c) => c.target === ep.service);
    b.message(gw, "->>", svc, requestLabel(ep, route?.timeoutMs !== undefined ? [`timeout ${formatDuration(route.timeoutMs)}`] : []), "+");
  } else {
    b.message(entry, "->>", svc, requestLabel(ep), "+");
  }
  if (settings.length) b.noteLines([svc], [settings.join(", ")]);
  handle(b, model, ep.service, ep, 1, [ep]);
  if (gw) {
    b.message(svc, "-->>", gw, successLabel(ep), "-");
    b.message(gw, "-->>", entry, successLabel(ep));
  } else {
    b.message(svc, "-->>", entry, successLabel(ep), "-");
  }
  return { text: b.text(), diagnostics: b.diagnostics, nodes: b.nodes() };
}
