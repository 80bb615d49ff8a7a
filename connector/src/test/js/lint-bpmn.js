// Entry point bundled by esbuild: @camunda/linting is published for bundlers (extensionless and
// JSON imports), so Node.js cannot import it directly.
import { Linter } from '@camunda/linting';

export async function lintBpmn(xml) {
  const linter = new Linter({ modeler: 'desktop', type: 'cloud' });
  return linter.lint(xml);
}
