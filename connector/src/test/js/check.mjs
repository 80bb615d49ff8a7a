// Checks Airlock's Camunda artifacts with Camunda's own tooling and prints one JSON object:
//   {"checked": [files...], "problems": [{"file", "message", ...}]}
// Usage: node check.mjs template FILE.json... | node check.mjs bpmn FILE.bpmn...
// Exits with 1 when a file has a problem and with 2 on bad usage.
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const toolingFolder = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

async function checkTemplates(files) {
  const Ajv = require('ajv');
  const addErrors = require('ajv-errors');
  const schema = require('@camunda/zeebe-element-templates-json-schema/resources/schema.json');
  const ajv = new Ajv({ allErrors: true, strict: false });
  addErrors(ajv);
  const validate = ajv.compile(schema);
  const problems = [];
  for (const file of files) {
    const template = JSON.parse(readFileSync(file, 'utf8'));
    if (!validate(template)) {
      for (const error of validate.errors) {
        problems.push({ file, path: error.instancePath, message: error.message });
      }
    }
  }
  return problems;
}

async function checkBpmn(files) {
  const esbuild = require('esbuild');
  const bundle = join(toolingFolder, 'node_modules', '.cache', 'airlock-lint-bpmn.cjs');
  mkdirSync(dirname(bundle), { recursive: true });
  await esbuild.build({
    entryPoints: [join(toolingFolder, 'lint-bpmn.js')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: bundle,
    logLevel: 'error'
  });
  const { lintBpmn } = require(bundle);
  const problems = [];
  for (const file of files) {
    const reports = await lintBpmn(readFileSync(file, 'utf8'));
    for (const report of reports) {
      problems.push({ file, rule: report.rule, id: report.id, category: report.category, message: report.message });
    }
  }
  return problems;
}

const [kind, ...files] = process.argv.slice(2);
const checks = { template: checkTemplates, bpmn: checkBpmn };
if (!checks[kind] || files.length === 0) {
  console.error('usage: node check.mjs template|bpmn FILE...');
  process.exit(2);
}
const problems = await checks[kind](files);
console.log(JSON.stringify({ checked: files, problems }));
process.exit(problems.length === 0 ? 0 : 1);
