// axe-core (npm) on the page as it is now: every violation (any impact) is printed, so minor and moderate ones show
// in the test output; one with impact "serious" or "critical" fails the test.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

/** Run axe-core on the whole document; print every violation; fail on serious or critical ones. */
export async function assertNoSeriousViolations(page, label) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const lines = result.violations.map(
    (v) => `${v.impact}: ${v.id} (${v.help}) on ${v.nodes.length} node(s): ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ')}`,
  );
  console.log(`# axe ${label}: ${result.passes?.length ?? '?'} rules passed, ${result.violations.length} violation(s)${lines.length ? `\n#   ${lines.join('\n#   ')}` : ''}`);
  const bad = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  assert.deepEqual(
    bad.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('; ')})`),
    [],
    `${label}: no serious or critical axe-core violations`,
  );
  return result;
}
