// Converts HCL to Python with cdktf's own converter (@cdktf/hcl2cdk, what `cdktf convert` runs), offline.
// `cdktf convert --language python --stack` calls convert(hcl, {language: "python", providerSchema,
// codeContainer: "cdktf.TerraformStack"}) with the schema `terraform providers schema -json` gives;
// this does the same for several inputs in one process.
// Usage: node hcl2python.js PROJECT_DIR REQUEST.json RESULT.json
//   REQUEST: {"schema": "schema.json", "inputs": [{"name": ..., "hcl": ...}]}
//   RESULT:  [{"name": ..., "code": ...} | {"name": ..., "error": ...}]
const path = require("path");
const fs = require("fs");
const [projectDir, requestFile, resultFile] = process.argv.slice(2);
const { convert } = require(path.join(projectDir, "node_modules", "@cdktf", "hcl2cdk"));

(async () => {
  const request = JSON.parse(fs.readFileSync(requestFile, "utf8"));
  const providerSchema = JSON.parse(fs.readFileSync(request.schema, "utf8"));
  const results = [];
  for (const input of request.inputs) {
    try {
      const { all } = await convert(input.hcl, {
        language: "python", providerSchema, codeContainer: "cdktf.TerraformStack", throwOnTranslationError: false,
      });
      results.push({ name: input.name, code: all });
    } catch (error) {
      results.push({ name: input.name, error: String(error && error.message ? error.message : error) });
    }
  }
  fs.writeFileSync(resultFile, JSON.stringify(results));
})();
