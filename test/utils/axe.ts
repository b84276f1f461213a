import axe from 'axe-core';

/** Runs axe on a container and returns the violations as readable strings (empty when accessible). */
export async function axeViolations(container: Element): Promise<string[]> {
  const results = await axe.run(container, {
    // jsdom has no layout, so colour contrast cannot be computed there; the browser stories check it.
    rules: { 'color-contrast': { enabled: false } },
  });
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
