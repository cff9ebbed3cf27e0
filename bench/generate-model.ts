// A deterministic generator of realistic .arch workspaces for benchmarks:
// services with entities, types, events, apis, calls and messages, spread
// over files, with a sprinkling of anti-patterns. Same inputs, same text.

export interface GeneratedWorkspace {
  files: { name: string; text: string }[];
  lines: number;
  services: number;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const NOUNS = ["order", "product", "invoice", "customer", "shipment", "payment", "review", "coupon", "cart", "account", "ticket", "report", "asset", "booking", "session"];

export function generateWorkspace(serviceCount: number, servicesPerFile = 10, seed = 42): GeneratedWorkspace {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const files: { name: string; text: string }[] = [];
  const name = (i: number) => `Svc${i}`;
  let lines = 0;
  for (let f = 0; f * servicesPerFile < serviceCount; f++) {
    const out: string[] = [];
    const first = f * servicesPerFile;
    const last = Math.min(serviceCount, first + servicesPerFile);
    out.push(`// Generated benchmark model, part ${f + 1}.`, `system Part${f} {`, `  correlation "traceparent"`, "");
    for (let i = first; i < last; i++) {
      out.push(`  database db${i}: postgres`, `  queue q${i}: kafka { dead_letter q${i}_dlq; max_deliveries 5 }`, `  queue q${i}_dlq: kafka`);
    }
    out.push("");
    for (let i = first; i < last; i++) {
      const noun = pick(NOUNS);
      const Noun = noun[0]!.toUpperCase() + noun.slice(1);
      const E = `${Noun}${i}`;
      out.push(`  /// Service number ${i}: manages ${noun}s.`, `  service ${name(i)} "The ${noun} service" {`, `    database db${i}`, `    health "/healthz"`, `    ready "/readyz"`);
      if (i > 0) {
        const target = Math.floor(random() * i);
        out.push(`    calls ${name(target)} timeout ${random() < 0.1 ? "" : "500ms "}retries 1`.replace("timeout retries", "retries"));
      }
      out.push(`    publishes ${E}Changed to q${i}`);
      out.push(`    publishes Ev${i} to q${i}`);
      if (i > 0) out.push(`    consumes Ev${i - 1} from q${i - 1} idempotent`);
      out.push("", `    enum ${E}Status { active, archived, deleted }`, "");
      for (let e = 0; e < 3; e++) {
        out.push(
          `    /// ${Noun} record ${e}.`,
          `    entity ${E}R${e} {`,
          `      id          uuid           @id @default(uuid)`,
          `      name        text`,
          `      description text?`,
          `      amount      ${random() < 0.05 ? "float" : "decimal(12, 2)"}`,
          `      status      ${E}Status     @default(active)`,
          e > 0 ? `      parent_id   uuid           @ref(${E}R0.id) @index` : `      code        varchar(64)    @unique`,
          `      created_at  timestamptz    @default(now)`,
          `      updated_at  timestamptz    @default(now)`,
          "",
          `      @@index(status, created_at)`,
          `    }`,
          "",
        );
      }
      out.push(`    type New${E} {`, `      name        text`, `      description text?`, `      amount      decimal(12, 2)`, `    }`, "");
      out.push(`    event ${E}Changed {`, `      id   uuid @key`, `      name text`, `    }`, `    event Ev${i} {`, `      id uuid @key`, `    }`, "");
      const base = `/${noun}s-${i}`;
      out.push(
        `    api "/api/v1" {`,
        `      auth jwt`,
        `      ratelimit 100/min per client`,
        "",
        `      GET    ${base}                 -> 200 ${E}R0[] ${random() < 0.05 ? "" : "paginated"}`,
        `      POST   ${base} body New${E}    -> 201 ${E}R0, 400, 409 idempotent`,
        `      GET    ${base}/{id}            -> 200 ${E}R0, 404 { cache 60s }`,
        `      PATCH  ${base}/{id} body New${E} -> 200 ${E}R0, 400, 404`,
        `      DELETE ${base}/{id}            -> 204, 404`,
        `      GET    ${base}/{id}/items      -> 200 ${E}R1[], 404 paginated`,
        `    }`,
        `  }`,
        "",
      );
    }
    out.push("}");
    const text = out.join("\n") + "\n";
    lines += out.length;
    files.push({ name: `part-${String(f).padStart(4, "0")}.arch`, text });
  }
  return { files, lines, services: serviceCount };
}
