'use client';
import { Fragment, type ReactNode } from 'react';

/**
 * Like `interpolate`, but a placeholder may be a React node, so user text (a name) can sit inside a
 * translated sentence as its own `<bdi>` instead of being concatenated into a string.
 */
export function interpolateNodes(template: string, values: Readonly<Record<string, ReactNode>>): ReactNode {
  const parts = template.split(/(\{\w+\})/g);
  return parts.map((part, index) => {
    const match = /^\{(\w+)\}$/.exec(part);
    const name = match?.[1];
    if (name !== undefined && name in values) return <Fragment key={index}>{values[name]}</Fragment>;
    return part ? <Fragment key={index}>{part}</Fragment> : null;
  });
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** The CLDR plural category (`one`, `other`, ...) of `count` in `locale`. */
export function pluralCategory(count: number, locale: string): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(locale);
    } catch {
      rules = new Intl.PluralRules('en');
    }
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}
