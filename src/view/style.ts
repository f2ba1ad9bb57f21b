// The Neo4j Browser style (cypher/browser-style.grass) read as data, so that `kg view` colours every
// label and relationship type as the Browser does and the colours exist in one file only. The grass
// format is a small CSS dialect: `node`, `node.Label`, `relationship`, `relationship.TYPE` selectors,
// each with `property: value;` declarations (colours, `50px` sizes, quoted caption templates).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { KgError } from '../errors.ts';

export const BROWSER_STYLE_PATH = fileURLToPath(new URL('../../cypher/browser-style.grass', import.meta.url));

const Colour = z.string().regex(/^#[0-9A-Fa-f]{3}(?:[0-9A-Fa-f]{3})?$/, 'a colour is #RGB or #RRGGBB');
const Pixels = z
  .string()
  .regex(/^\d+(?:\.\d+)?px$/, 'a size is a number of pixels, e.g. 50px')
  .transform((v) => Number.parseFloat(v));

/** How one node label is drawn: fill, border and caption text colours, diameter (px), caption template. */
export const NodeStyle = z.object({
  color: Colour,
  borderColor: Colour,
  textColor: Colour,
  diameter: z.number().positive(),
  caption: z.string(),
});
export type NodeStyle = z.infer<typeof NodeStyle>;

/** How one relationship type is drawn: line colour and width (px), caption template. */
export const RelationshipStyle = z.object({
  color: Colour,
  width: z.number().positive(),
  caption: z.string(),
});
export type RelationshipStyle = z.infer<typeof RelationshipStyle>;

/** The style resolved per label and per relationship type, defaults folded in. */
export const ViewStyle = z.object({
  node: NodeStyle,
  labels: z.record(z.string(), NodeStyle),
  relationship: RelationshipStyle,
  types: z.record(z.string(), RelationshipStyle),
});
export type ViewStyle = z.infer<typeof ViewStyle>;

interface Rule {
  selector: string;
  line: number;
  declarations: Map<string, { value: string; line: number }>;
}

const SELECTOR = /^(node|relationship)(?:\.([A-Za-z_][A-Za-z0-9_]*))?$/;
const DECLARATION = /^([a-z-]+)\s*:\s*(.*?)\s*;$/;

/** A declaration's value: a quoted one ("{name}") without its quotes; undefined when the quoting is broken. */
function unquoted(value: string): string | undefined {
  if (!value.startsWith('"')) return value;
  try {
    const parsed = z.string().safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The rules of a grass text, in order; malformed text fails with `file:line`. */
export function parseGrass(text: string, file = 'cypher/browser-style.grass'): Rule[] {
  const rules: Rule[] = [];
  let open: Rule | undefined;
  const fail = (line: number, problem: string): never => {
    throw new KgError('CONFIG_INVALID', `${file}:${line}: ${problem}`, { subject: 'kg view' });
  };
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('//')) return;
    if (open === undefined) {
      const opened = /^(\S+)\s*\{$/.exec(trimmed);
      const selector = opened?.[1];
      if (selector === undefined) return fail(line, `expected "selector {", got "${trimmed}"`);
      if (!SELECTOR.test(selector)) return fail(line, `unknown selector "${selector}" (node, node.Label, relationship, relationship.TYPE)`);
      open = { selector, line, declarations: new Map() };
      return;
    }
    if (trimmed === '}') {
      rules.push(open);
      open = undefined;
      return;
    }
    const declaration = DECLARATION.exec(trimmed);
    if (!declaration?.[1] || declaration[2] === undefined) return fail(line, `expected "property: value;", got "${trimmed}"`);
    const value = unquoted(declaration[2]);
    if (value === undefined) return fail(line, `bad quoted value ${declaration[2]}`);
    open.declarations.set(declaration[1], { value, line });
  });
  if (open !== undefined) fail(open.line, `"${open.selector} {" is never closed`);
  return rules;
}

/**
 * The grass rules resolved per label and type: a label's or type's own declarations over the
 * defaults of `node` / `relationship`, as the Browser applies them. Values are checked (colours,
 * pixel sizes), so the page only ever receives well-formed CSS values.
 */
export function resolveStyle(rules: readonly Rule[], file = 'cypher/browser-style.grass'): ViewStyle {
  const merged = (base: string, name?: string): Map<string, { value: string; line: number }> => {
    const out = new Map<string, { value: string; line: number }>();
    for (const rule of rules) if (rule.selector === base) for (const [k, v] of rule.declarations) out.set(k, v);
    if (name !== undefined) for (const rule of rules) if (rule.selector === `${base}.${name}`) for (const [k, v] of rule.declarations) out.set(k, v);
    return out;
  };
  const checked = <T>(schema: z.ZodType<T>, raw: Record<string, string | undefined>, where: string, line: number): T => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new KgError('CONFIG_INVALID', `${file}:${line}: ${where}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { subject: 'kg view' });
    return parsed.data;
  };
  const nodeStyle = (name?: string): NodeStyle => {
    const d = merged('node', name);
    const line = rules.find((r) => r.selector === (name === undefined ? 'node' : `node.${name}`))?.line ?? 1;
    return checked(
      NodeStyle.extend({ diameter: Pixels }),
      { color: d.get('color')?.value, borderColor: d.get('border-color')?.value, textColor: d.get('text-color-internal')?.value, diameter: d.get('diameter')?.value, caption: d.get('caption')?.value },
      name === undefined ? 'node' : `node.${name}`,
      line,
    );
  };
  const relationshipStyle = (name?: string): RelationshipStyle => {
    const d = merged('relationship', name);
    const line = rules.find((r) => r.selector === (name === undefined ? 'relationship' : `relationship.${name}`))?.line ?? 1;
    return checked(RelationshipStyle.extend({ width: Pixels }), { color: d.get('color')?.value, width: d.get('shaft-width')?.value, caption: d.get('caption')?.value }, name === undefined ? 'relationship' : `relationship.${name}`, line);
  };
  const named = (base: string): string[] =>
    rules
      .map((r) => SELECTOR.exec(r.selector))
      .filter((m) => m?.[1] === base && m[2] !== undefined)
      .map((m) => m?.[2] ?? '');
  return {
    node: nodeStyle(),
    labels: Object.fromEntries(named('node').map((label) => [label, nodeStyle(label)])),
    relationship: relationshipStyle(),
    types: Object.fromEntries(named('relationship').map((type) => [type, relationshipStyle(type)])),
  };
}

/** The Browser style of this repository (cypher/browser-style.grass), resolved. */
export function loadViewStyle(path = BROWSER_STYLE_PATH): ViewStyle {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new KgError('CONFIG_INVALID', `cannot read the Browser style ${path}: ${error instanceof Error ? error.message : String(error)}`, { subject: 'kg view' });
  }
  return resolveStyle(parseGrass(text));
}

/**
 * The label whose style a node takes: the last of its labels that has a rule of its own (extra
 * labels such as Payload or Linker are more specific than the primary Technology), else the first.
 */
export function styledLabel(labels: readonly string[], style: ViewStyle): string {
  for (let i = labels.length - 1; i >= 0; i -= 1) {
    const label = labels[i];
    if (label !== undefined && label !== 'Entity' && style.labels[label] !== undefined) return label;
  }
  return labels[0] ?? 'Entity';
}
