/**
 * DOM reads a page cannot redirect. A `<form>` (and the document) exposes named fields
 * as properties that shadow the DOM's own: inside `<form><input name="parentNode">`,
 * `form.parentNode` is the input, so a walk that climbs by `parentNode` never ends and
 * hangs the page. These read through the accessor or method on the object's prototype
 * chain instead, which named fields cannot reach. Works on any DOM (browser, linkedom).
 */

type Member = ((this: unknown, ...args: unknown[]) => unknown) | null;
const members = new Map<string, WeakMap<object, Member>>();

/** The getter (or method) named `name` on the prototype chain of `obj`, cached per prototype. */
function member(obj: object, name: string, kind: 'get' | 'value'): Member {
  const proto = Object.getPrototypeOf(obj) as object | null;
  if (!proto) return null;
  let byProto = members.get(`${kind}:${name}`);
  if (!byProto) members.set(`${kind}:${name}`, (byProto = new WeakMap()));
  let found = byProto.get(proto);
  if (found === undefined) {
    found = null;
    for (let p: object | null = proto; p; p = Object.getPrototypeOf(p) as object | null) {
      const d = Object.getOwnPropertyDescriptor(p, name);
      if (!d) continue;
      const f = kind === 'get' ? d.get : d.value;
      found = typeof f === 'function' ? (f as Member) : null;
      break;
    }
    byProto.set(proto, found);
  }
  return found;
}

function read<T>(obj: object, name: string): T {
  const get = member(obj, name, 'get');
  return (get ? Reflect.apply(get, obj, []) : (obj as Record<string, unknown>)[name]) as T;
}

function call<T>(obj: object, name: string, ...args: unknown[]): T {
  const f = member(obj, name, 'value');
  if (!f) throw new TypeError(`${name} is not available`);
  return Reflect.apply(f, obj, args) as T;
}

export const parentNodeOf = (node: Node): ParentNode | null => read(node, 'parentNode');
export const parentElementOf = (node: Node): Element | null => read(node, 'parentElement');
export const firstChildOf = (node: Node): ChildNode | null => read(node, 'firstChild');
export const nextSiblingOf = (node: Node): ChildNode | null => read(node, 'nextSibling');
export const nodeTypeOf = (node: Node): number => read(node, 'nodeType');
export const textContentOf = (node: Node): string => read<string | null>(node, 'textContent') ?? '';

/** Lower-case tag name. */
export function tagOf(el: Element): string {
  const name = read<string | null>(el, 'localName') || read<string | null>(el, 'tagName') || '';
  return name.toLowerCase();
}

export const attrOf = (el: Element, name: string): string | null => call(el, 'getAttribute', name);
export const hasAttrOf = (el: Element, name: string): boolean => call(el, 'hasAttribute', name);
export const queryAll = (scope: ParentNode, selector: string): Element[] => Array.from(call<ArrayLike<Element>>(scope, 'querySelectorAll', selector));
export const queryOne = (scope: ParentNode, selector: string): Element | null => call(scope, 'querySelector', selector);
export const closestOf = (el: Element, selector: string): Element | null => call(el, 'closest', selector);

/** `document.body ?? document.documentElement`, immune to `<img name="body">`. */
export function bodyOf(doc: Document): Element | null {
  return read<Element | null>(doc, 'body') ?? read<Element | null>(doc, 'documentElement');
}

export function headOf(doc: Document): Element | null {
  return read<Element | null>(doc, 'head') ?? read<Element | null>(doc, 'documentElement');
}

/** True when the whole document is an editor (`document.designMode = 'on'`). */
export function inDesignMode(doc: Document): boolean {
  const mode = read<string | undefined>(doc, 'designMode');
  return typeof mode === 'string' && mode.toLowerCase() === 'on';
}
