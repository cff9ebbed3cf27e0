// Synthetic .arch models for the Mermaid generator tests: models too big to
// draw as they are, so that the restrictions can be checked (and parsed).

/** `n` services, each with its own database and queue, consuming the next one's event and calling two others. */
export function manyServices(n: number): string {
  const services = Array.from(
    { length: n },
    (_, i) => `  database db${i}: postgres
  queue q${i}: kafka { dead_letter none }
  service S${i} {
    database db${i}
    publishes E${i} to q${i}
    consumes E${(i + 1) % n} from q${(i + 1) % n} idempotent
    calls S${(i + 7) % n} timeout 1s
    calls S${(i + 13) % n} timeout 1s
    event E${i} { id uuid @key }
  }`,
  );
  return `system Huge {\n${services.join("\n")}\n}\n`;
}

/** Services whose titles and endpoint paths escape to long labels: a flowchart longer than Mermaid's 50,000 characters. */
export function longLabels(n: number): string {
  const lt = "<".repeat(60);
  const services = Array.from(
    { length: n },
    (_, i) => `  service S${i} "${lt}" {
${[1, 2, 3].map((d) => `    calls S${(i + d) % n} GET /x/${"<".repeat(50)}${(i + d) % n} timeout 1s`).join("\n")}
    api {
      GET /x/${"<".repeat(50)}${i} -> 200
    }
  }`,
  );
  return `system Long {\n${services.join("\n")}\n}\n`;
}

/** One service with `entities` entities of `columns` documented columns each, chained by foreign keys. */
export function wideEntities(entities: number, columns: number): string {
  const body = Array.from({ length: entities }, (_, e) => {
    const cols = Array.from({ length: columns }, (_, c) => `      /// Column ${c} of entity ${e}: a description long enough to matter.\n      col_${c} text?`).join("\n");
    const ref = e > 0 ? `\n      parent_id uuid @ref(T${e - 1}.id) @index` : "";
    return `    entity T${e} {\n      id uuid @id @default(uuid)${ref}\n${cols}\n    }`;
  });
  return `service Wide {\n${body.join("\n")}\n}\n`;
}

/** An endpoint whose service calls `calls` externals: more messages than a sequence diagram keeps. */
export function fanOut(calls: number): string {
  const externals = Array.from({ length: calls }, (_, i) => `external x${i}`).join("\n");
  const lines = Array.from({ length: calls }, (_, i) => `  calls x${i} timeout 1s`).join("\n");
  return `${externals}\nservice Fan {\n${lines}\n  api {\n    GET /fan -> 200\n  }\n}\n`;
}
