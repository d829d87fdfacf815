/**
 * DOM reads a page cannot redirect. A `<form>` (and the document) exposes named fields
 * as properties that shadow the DOM's own: inside `<form><input name="parentNode">`,
 * `form.parentNode` is the input, so a walk that climbs by `parentNode` never ends and
 * hangs the page. These read through the accessor or method on the object's prototype
 * chain instead, which named fields cannot reach. Works on any DOM (browser, linkedom).
 */

type Member = ((this: unknown, ...args: unknown[]) => unknown) | null;

/**
 * The getter (or method) named `name` found on an object's prototype chain, cached per
 * prototype. The cache is a closure per member, and the prototype seen last is checked
 * before the map: a walk meets the same few prototypes (Text, HTMLParagraphElement) over and over.
 */
function memberLookup(name: string, kind: 'get' | 'value'): (obj: object) => Member {
  const byProto = new WeakMap<object, Member>();
  let lastProto: object | null = null;
  let lastMember: Member = null;
  return (obj) => {
    const proto = Object.getPrototypeOf(obj) as object | null;
    if (!proto) return null;
    if (proto === lastProto) return lastMember;
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
    lastProto = proto;
    lastMember = found;
    return found;
  };
}

/** A reader of the property `name` through its prototype accessor. */
function reader<T>(name: string): (obj: object) => T {
  const lookup = memberLookup(name, 'get');
  return (obj) => {
    const get = lookup(obj);
    return (get ? Reflect.apply(get, obj, []) : (obj as Record<string, unknown>)[name]) as T;
  };
}

/** A caller of the method `name` from the prototype chain. */
function caller<T>(name: string): (obj: object, ...args: unknown[]) => T {
  const lookup = memberLookup(name, 'value');
  return (obj, ...args) => {
    const f = lookup(obj);
    if (!f) throw new TypeError(`${name} is not available`);
    return Reflect.apply(f, obj, args) as T;
  };
}

export const parentNodeOf: (node: Node) => ParentNode | null = reader('parentNode');
export const parentElementOf: (node: Node) => Element | null = reader('parentElement');
export const firstChildOf: (node: Node) => ChildNode | null = reader('firstChild');
export const nextSiblingOf: (node: Node) => ChildNode | null = reader('nextSibling');
export const nodeTypeOf: (node: Node) => number = reader('nodeType');
const textContent = reader<string | null>('textContent');
export const textContentOf = (node: Node): string => textContent(node) ?? '';

const localNameOf = reader<string | null>('localName');
const tagNameOf = reader<string | null>('tagName');
/** Lower-case tag name. */
export function tagOf(el: Element): string {
  const name = localNameOf(el) || tagNameOf(el) || '';
  return name.toLowerCase();
}

export const attrOf: (el: Element, name: string) => string | null = caller('getAttribute');
export const hasAttrOf: (el: Element, name: string) => boolean = caller('hasAttribute');
/** False for an element without a single attribute: most of an article's elements, whose attribute tests can then be skipped. */
export const hasAttrsOf: (el: Element) => boolean = caller('hasAttributes');
const querySelectorAll = caller<ArrayLike<Element>>('querySelectorAll');
export const queryAll = (scope: ParentNode, selector: string): Element[] => Array.from(querySelectorAll(scope, selector));
export const queryOne: (scope: ParentNode, selector: string) => Element | null = caller('querySelector');
export const closestOf: (el: Element, selector: string) => Element | null = caller('closest');

const bodyGet = reader<Element | null>('body');
const headGet = reader<Element | null>('head');
const documentElementGet = reader<Element | null>('documentElement');
const designModeGet = reader<string | undefined>('designMode');

/** `document.body ?? document.documentElement`, immune to `<img name="body">`. */
export function bodyOf(doc: Document): Element | null {
  return bodyGet(doc) ?? documentElementGet(doc);
}

export function headOf(doc: Document): Element | null {
  return headGet(doc) ?? documentElementGet(doc);
}

/** True when the whole document is an editor (`document.designMode = 'on'`). */
export function inDesignMode(doc: Document): boolean {
  const mode = designModeGet(doc);
  return typeof mode === 'string' && mode.toLowerCase() === 'on';
}
