// Serialises the generated document as YAML with the `yaml` package: block
// style, keys in insertion order, short lists of scalars in flow style
// (`required: [id, name]`, `type: [string, "null"]`), no anchors or aliases,
// no line folding, so that the same document always gives the same bytes.
// Strings that a YAML 1.1 parser (PyYAML, older Java and Go libraries) would
// read as booleans or numbers, like an enum value `yes` or `off`, are quoted.

import { Document, isScalar, visit } from "yaml";
import type { JsonObject } from "./json";

const YAML11_SPECIAL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|[-+]?\d[\d_]*(?::[0-5]?\d)*(?:\.[\d_]*)?|0b[01_]+|0x[\da-fA-F_]+)$/;

export function toYaml(doc: JsonObject): string {
  const document = new Document(doc, { aliasDuplicateObjects: false });
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && YAML11_SPECIAL.test(node.value)) node.type = "QUOTE_DOUBLE";
    },
    Seq(_key, node) {
      if (node.items.length > 0 && node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return document.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false, indentSeq: true });
}
