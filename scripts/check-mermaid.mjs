// Parses Mermaid diagrams with Mermaid's own parser (the version pinned in package.json), offline.
// Input on stdin: a JSON array of {"name": "...", "text": "flowchart LR ..."}; output on stdout: a JSON
// array of {"name", "ok", "type", "error"} in the same order. One Node process parses them all.
// Mermaid sanitizes labels with DOMPurify, which needs a DOM: jsdom provides one.
import { JSDOM } from "jsdom";

const dom = new JSDOM("");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });

let input = "";
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const { name, text } of JSON.parse(input)) {
  try {
    const parsed = await mermaid.parse(text);
    results.push({ name, ok: true, type: parsed.diagramType, error: "" });
  } catch (err) {
    results.push({ name, ok: false, type: "", error: String(err.message || err).split("\n").slice(0, 4).join(" | ") });
  }
}
process.stdout.write(JSON.stringify(results) + "\n");
