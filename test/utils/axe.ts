import axe from 'axe-core';

/**
 * The timeout of a test that runs axe in jsdom: axe walks the whole DOM once per rule, about a second of CPU per run
 * here, so on a busy machine the default 5 s is a race against the machine, not a check of the code.
 */
export const AXE_TIMEOUT = 30_000;

/** Runs axe on a container and returns the violations as readable strings (empty when accessible). */
export async function axeViolations(container: Element): Promise<string[]> {
  const results = await axe.run(container, {
    // jsdom has no layout, so colour contrast cannot be computed there; the browser stories check it.
    rules: { 'color-contrast': { enabled: false } },
    // Only violations are read: collecting every passing node for each rule is most of axe's time in jsdom.
    resultTypes: ['violations'],
  });
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
