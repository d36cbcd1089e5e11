// Prints the names cdktf 0.21's own provider generator gives every type of a provider schema, as its
// Python bindings spell them (jsii-pacmak's rules). Input: `terraform providers schema -json` output.
// Run from the project root: node tests/bindings/cdktf_names.js SCHEMA.json NAMES.json
const path = require("path");
const fs = require("fs");
const root = process.cwd();
const { ResourceParser } = require(path.join(root, "node_modules/@cdktf/provider-generator/lib/get/generator/resource-parser"));
const { toCamelCase, toSnakeCase } = require(path.join(root, "node_modules/codemaker"));
const { toPythonIdentifier } = require(path.join(root, "node_modules/jsii-pacmak/lib/targets/python/util"));

const META = ["connection", "count", "dependsOn", "forEach", "lifecycle", "provider", "provisioners"];
const py = (name) => toPythonIdentifier(toSnakeCase(name));
const schema = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const [fqpn, provider] = Object.entries(schema.provider_schemas)[0];
const parser = new ResourceParser();
const out = [];
const emit = (type, kind, model) => {
  const keywords = model.configStruct.assignableAttributes.map((a) => py(a.name));
  const lifted = new Set(kind === "provider" ? keywords : [...keywords, ...META.map(py)]);
  const positional = ["scope", "id"].map((p) => { let n = py(p); while (lifted.has(n)) n += "_"; return n; });
  const namespace = model.filePath.replace(`providers/${model.provider}/`, "").replace("/index.ts", "");
  out.push({
    type, kind, class: model.className, config: model.configStructName,
    module: toSnakeCase(toPythonIdentifier(toCamelCase(namespace))),
    keywords, positional,
    structs: model.structs.filter((s) => s !== model.structs[0]).map((s) => ({
      name: s.name, keywords: s.assignableAttributes.map((a) => py(a.name)) })),
  });
};
for (const [type, s] of Object.entries(provider.resource_schemas || {})) emit(type, "resource", parser.parse(fqpn, type, s, "resource"));
for (const [type, s] of Object.entries(provider.data_source_schemas || {})) emit(type, "data_source", parser.parse(fqpn, `data_${type}`, s, "data_source"));
emit("provider", "provider", parser.parse(fqpn, "provider", provider.provider, "provider"));
fs.writeFileSync(process.argv[3], JSON.stringify(out));
