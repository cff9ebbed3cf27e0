// A deterministic generator of realistic .arch workspaces for benchmarks.
//
// Same inputs, same text (a seeded LCG, no Math.random, no dates). Each file is
// one `system` of `servicesPerFile` services with its databases, queues (with
// dead-letter queues), a cache and, when it has edge services, a gateway and a
// client. Services come in three tiers — core (no synchronous calls), domain
// (call core services) and edge (call domain or core services, routed by the
// gateway) — so the call graph is acyclic and at most three hops deep, with
// timeouts that nest, like a model a team keeps clean. About half the calls
// name an endpoint (`calls Svc3 GET /orders-3/{id}`), and a third of them go
// to another file. Per service, on average: 2 entities (R0 with 5–10
// columns, R1.. children with an indexed `@ref` to R0), one input `type`, an
// enum, 0.6 published events and 0.8 consumed ones, 5–6 endpoints and 1 call.
// About 55 lines per service: 1,000 services ≈ 55,000 lines.
//
// Anti-patterns are sprinkled at realistic rates (a few per cent of the sites
// where each can occur): float amounts, unpaginated lists, calls without a
// timeout or with one too short for what they wait on, consumers that are not
// idempotent, `@ref` columns without an index, `timestamp` without time
// zone, `json`, `varchar(255)`, caches without a ttl, events without a key,
// creating POSTs that are not idempotent, missing 404s, a missing rate limit,
// verbs and camelCase in paths, queues without a dead-letter queue. They are
// all lint findings (warnings or infos), never syntax or name errors, so
// generators still run on the model.
//
// Names keep a fixed shape that other benchmarks rely on: services `Svc<i>`,
// entities `<Noun><i>R<k>`, enums `<Noun><i>Status`, input types
// `New<Noun><i>`, fields indented by six spaces.

export interface GeneratedWorkspace {
  files: { name: string; text: string }[];
  lines: number;
  services: number;
  /** What the workspace holds (declarations, and the anti-patterns planted). */
  counts: {
    files: number;
    entities: number;
    types: number;
    events: number;
    enums: number;
    endpoints: number;
    calls: number;
    publishes: number;
    consumes: number;
    antiPatterns: number;
  };
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const NOUNS = ["order", "product", "invoice", "customer", "shipment", "payment", "review", "coupon", "cart", "account", "ticket", "report", "asset", "booking", "session", "refund", "supplier", "warehouse", "subscription", "device"];
const TECH = ["TypeScript, Fastify", "Go", "Kotlin, Spring Boot", "Python, FastAPI", "Java, Quarkus"];
const CHILD_FIELDS = [
  ["quantity", "int"],
  ["label", "text"],
  ["position", "int"],
  ["note", "text?"],
  ["weight_grams", "int?"],
  ["sku", "varchar(64)"],
] as const;

type Tier = 0 | 1 | 2;

interface Plan {
  index: number;
  file: number;
  noun: string;
  tier: Tier;
  publishes: boolean;
  /** It has a cache of its own. */
  caches: boolean;
  /** Its entity is called `<Noun><i>R0` and so on. */
  E: string;
}

/** `s` padded to `n` columns, and always followed by at least one space. */
const pad = (s: string, n: number) => s.padEnd(n - 1) + " ";
const article = (noun: string) => (/^[aeiou]/.test(noun) ? "an" : "a");

export function generateWorkspace(serviceCount: number, servicesPerFile = 10, seed = 42): GeneratedWorkspace {
  const random = rng(seed);
  const chance = (p: number) => random() < p;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const counts: GeneratedWorkspace["counts"] = { files: 0, entities: 0, types: 0, events: 0, enums: 0, endpoints: 0, calls: 0, publishes: 0, consumes: 0, antiPatterns: 0 };
  const anti = (p: number) => {
    const hit = chance(p);
    if (hit) counts.antiPatterns++;
    return hit;
  };

  // ---- the plan: every service's noun, tier and whether it publishes -------------
  const plans: Plan[] = [];
  for (let i = 0; i < serviceCount; i++) {
    const noun = pick(NOUNS);
    const r = random();
    const tier: Tier = i < 3 ? 0 : r < 0.45 ? 0 : r < 0.8 ? 1 : 2;
    const publishes = chance(tier === 2 ? 0.35 : 0.7);
    const caches = chance(tier === 0 ? 0.2 : 0.4);
    plans.push({ index: i, file: Math.floor(i / servicesPerFile), noun, tier, publishes, caches, E: `${noun[0]!.toUpperCase()}${noun.slice(1)}${i}` });
  }
  const byTier: [Plan[], Plan[], Plan[]] = [[], [], []];
  for (const p of plans) byTier[p.tier].push(p);
  const publishers = plans.filter((p) => p.publishes);
  const fileCount = Math.ceil(serviceCount / servicesPerFile);

  /** A target from `pool`, from the same file two times in three when it has one. */
  const pickNear = (pool: readonly Plan[], from: Plan): Plan | undefined => {
    const candidates = pool.filter((p) => p.index !== from.index);
    if (!candidates.length) return undefined;
    const local = candidates.filter((p) => p.file === from.file);
    return local.length && chance(0.67) ? pick(local) : pick(candidates);
  };
  const basePath = (p: Plan) => `/${p.noun}s-${p.index}`;

  // ---- the text, file by file ------------------------------------------------------
  const files: { name: string; text: string }[] = [];
  let lines = 0;
  for (let f = 0; f < fileCount; f++) {
    const own = plans.filter((p) => p.file === f);
    const out: string[] = [];
    const edge = own.filter((p) => p.tier === 2);
    out.push(`// Generated benchmark model, part ${f + 1} of ${fileCount}.`, "", `/// Business domain ${f}.`, `system Domain${f} "Domain ${f}" {`, `  owner "team-${f % 17}"`, `  correlation "traceparent"`, "");
    if (edge.length) {
      out.push(
        `  client web${f} "Browser app"`,
        `  gateway edge${f} {`,
        `    routes ${edge.map((p) => `Svc${p.index}`).join(", ")}`,
        `    auth jwt`,
        `    ratelimit 1000/min per client`,
        `    timeout 10s`,
        `  }`,
        "",
      );
    }
    for (const p of own) {
      out.push(`  database db${p.index}: ${chance(0.1) ? "mysql" : "postgres"}`);
      if (p.caches) out.push(`  cache cache${p.index}: redis`);
      if (p.publishes) {
        if (anti(0.03)) out.push(`  queue q${p.index}: kafka`);
        else out.push(`  queue q${p.index}: kafka { dead_letter q${p.index}_dlq; max_deliveries 5 }`, `  queue q${p.index}_dlq: kafka`);
      }
    }
    out.push("");

    for (const p of own) {
      const { noun, E } = p;
      const i = p.index;
      out.push(`  /// Service ${i}: owns ${noun}s.`, `  service Svc${i} "The ${noun} service" {`, `    tech "${pick(TECH)}"`, `    database db${i}`, `    health "/healthz"`, `    ready "/readyz"`);
      if (p.caches) out.push(anti(0.08) ? `    uses cache${i}` : `    uses cache${i} ttl ${pick(["30s", "5m", "1h"])}`);

      // Synchronous calls down the tiers, with timeouts that nest: core 300ms × 3 attempts < domain 2s.
      const callCount = p.tier === 0 ? 0 : p.tier === 1 ? between(1, 2) : between(1, 3);
      const called = new Set<number>();
      for (let c = 0; c < callCount; c++) {
        const toDomain = p.tier === 2 && chance(0.7);
        const target = pickNear(toDomain ? byTier[1] : byTier[0], p);
        if (!target || called.has(target.index)) continue;
        called.add(target.index);
        counts.calls++;
        const endpoint = chance(0.5) ? ` GET ${basePath(target)}/{id}` : "";
        let policy = toDomain ? "timeout 2s retries 1 breaker" : "timeout 300ms retries 2 breaker";
        if (anti(0.03)) policy = "breaker";
        else if (toDomain && anti(0.03)) policy = "timeout 500ms retries 1 breaker";
        out.push(`    calls Svc${target.index}${endpoint} ${policy}`);
      }
      if (p.publishes) {
        counts.publishes++;
        out.push(`    publishes ${E}Changed to q${i}`);
      }
      const consumeCount = p.tier === 2 ? 0 : between(0, 2);
      const consumed = new Set<number>();
      for (let c = 0; c < consumeCount; c++) {
        const from = pickNear(publishers, p);
        if (!from || consumed.has(from.index)) continue;
        consumed.add(from.index);
        counts.consumes++;
        out.push(`    consumes ${from.E}Changed from q${from.index}${anti(0.06) ? "" : " idempotent"}`);
      }
      out.push("");

      const hasEnum = chance(0.75);
      if (hasEnum) {
        counts.enums++;
        out.push(`    enum ${E}Status { ${pick(["active, archived, deleted", "pending, active, closed", "draft, published, retired"])} }`, "");
      }
      const firstMember = hasEnum ? /\{ (\w+)/.exec(out[out.length - 2]!)![1]! : "";

      // Entities: R0 is the aggregate root, R1.. its children.
      const r = random();
      const entityCount = r < 0.3 ? 1 : r < 0.75 ? 2 : r < 0.95 ? 3 : 4;
      for (let e = 0; e < entityCount; e++) {
        counts.entities++;
        const rows: [string, string, string][] = [["id", "uuid", "@id @default(uuid)"]];
        if (e === 0) {
          rows.push(["name", "text", ""]);
          if (chance(0.5)) rows.push(["description", "text?", ""]);
          if (chance(0.5)) rows.push(["amount", anti(0.05) ? "float" : "decimal(12, 2)", ""]);
          if (hasEnum) rows.push(["status", `${E}Status`, `@default(${firstMember})`]);
          if (chance(0.3)) rows.push(["code", anti(0.05) ? "varchar(255)" : "varchar(64)", "@unique"]);
          if (chance(0.15)) rows.push(["email", "varchar(320)", "@format(email)"]);
          if (chance(0.1)) rows.push(["attributes", anti(0.25) ? "json" : "jsonb", ""]);
        } else {
          rows.push([`${noun}_id`, "uuid", anti(0.05) ? `@ref(${E}R0.id)` : `@ref(${E}R0.id) @index`]);
          const [n, t] = pick(CHILD_FIELDS);
          rows.push([n, t, ""]);
          if (chance(0.3)) rows.push(["occurred_at", anti(0.05) ? "timestamp" : "timestamptz", ""]);
        }
        rows.push(["created_at", "timestamptz", "@default(now)"], ["updated_at", "timestamptz", "@default(now)"]);
        if (e === 0) out.push(`    /// ${article(noun) === "an" ? "An" : "A"} ${noun} of service ${i}.`);
        out.push(`    entity ${E}R${e} {`);
        for (const [n, t, a] of rows) out.push(`      ${pad(n, 12)}${a ? pad(t, 15) + a : t}`);
        if (e === 0 && hasEnum && chance(0.4)) out.push("", `      @@index(status, created_at)`);
        out.push(`    }`, "");
      }

      counts.types++;
      out.push(`    type New${E} {`, `      name        text`);
      if (chance(0.5)) out.push(`      description text?`);
      if (chance(0.5)) out.push(`      amount      decimal(12, 2)`);
      out.push(`    }`, "");

      if (p.publishes) {
        counts.events++;
        out.push(`    event ${E}Changed {`, `      ${pad(`${noun}_id`, 12)}${anti(0.03) ? "uuid" : "uuid @key"}`, `      changed_at  timestamptz`);
        if (hasEnum && chance(0.5)) out.push(`      status      ${E}Status`);
        out.push(`    }`, "");
      }

      // The api: CRUD of the root, the children's lists, now and then an action or a mistake.
      const base = basePath(p);
      const eps: [string, string, string][] = [];
      eps.push(["GET", base, `-> 200 ${E}R0[]${anti(0.04) ? "" : " paginated"}`]);
      eps.push(["POST", `${base} body New${E}`, `-> 201 ${E}R0, 400, 409${anti(0.04) ? "" : " idempotent"}`]);
      eps.push(["GET", `${base}/{id}`, `-> 200 ${E}R0${anti(0.03) ? "" : ", 404"}${chance(0.3) ? " { cache 60s }" : ""}`]);
      if (chance(0.7)) eps.push(["PATCH", `${base}/{id} body New${E}`, `-> 200 ${E}R0, 400, 404`]);
      if (chance(0.6)) eps.push(["DELETE", `${base}/{id}`, `-> 204, 404`]);
      for (let e = 1; e < entityCount; e++) eps.push(["GET", `${base}/{id}/r${e}s`, `-> 200 ${E}R${e}[], 404 paginated`]);
      if (chance(0.1)) eps.push(["POST", `${base}/{id}/archive`, `-> 202 ${E}R0, 404, 409 idempotent`]);
      if (anti(0.015)) eps.push(["GET", `/get-${noun}s-${i}`, `-> 200 ${E}R0[] paginated`]);
      if (anti(0.015)) eps.push(["GET", `${base}/{id}/lineItems`, `-> 200 ${E}R0[], 404 paginated`]);
      counts.endpoints += eps.length;
      out.push(`    api "/api/v1" {`, `      auth jwt`);
      if (!anti(0.02)) out.push(`      ratelimit 100/min per client`);
      out.push("");
      for (const [method, path, rest] of eps) out.push(`      ${pad(method, 6)} ${pad(path, 32)}${rest}`);
      out.push(`    }`, `  }`, "");
    }
    out.push("}");
    const text = out.join("\n") + "\n";
    lines += out.length;
    files.push({ name: `part-${String(f).padStart(4, "0")}.arch`, text });
  }
  counts.files = files.length;
  return { files, lines, services: serviceCount, counts };
}
