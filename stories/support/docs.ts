/** `parameters.docs` giving the story the exact code shown (and copied) in its docs snippet. */
export function sourceCode(code: string): { docs: { source: { code: string; language: 'tsx' } } } {
  return { docs: { source: { code: code.trim(), language: 'tsx' } } };
}

/** The same, merged with a story description. */
export function docsOf(description: string, code: string): { docs: { description: { story: string }; source: { code: string; language: 'tsx' } } } {
  return { docs: { description: { story: description }, source: { code: code.trim(), language: 'tsx' } } };
}
