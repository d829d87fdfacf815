/**
 * DOM reads a page cannot redirect. A `<form>` (and the document) exposes named fields
 * as properties that shadow the DOM's own: inside `<form><input name="parentNode">`,
 * `form.parentNode` is the input, so a walk that climbs by `parentNode` never ends and
 * hangs the page. On those objects these read through the accessor or method on the
 * prototype chain instead, which named fields cannot reach; every other node is read
 * directly, which is much cheaper in code that runs cold on every page load. Works on
 * any DOM (browser, linkedom).
 */

/**
 * Forms and documents are the nodes whose named properties override the DOM's own members
 * (`[LegacyOverrideBuiltIns]` in the HTML standard); no other node can shadow one, and a page
 * cannot add expandos the content script sees (it runs in its own world). A named property is
 * always an element or a collection, never a number or a string, so a read that gives a number
 * or a string is the DOM's own. Text nodes, and elements whose own tag name is not `form`, are
 * plain; documents, forms, and anything whose `nodeType` or `localName` was shadowed are not.
 */
function isPlain(obj: object): boolean {
  const type = (obj as Node).nodeType;
  if (type === 3) return true;
  if (type !== 1) return false;
  const name = (obj as Element).localName;
  return typeof name === 'string' && name !== 'form';
}

type Member = ((this: unknown, ...args: unknown[]) => unknown) | null;

/** The getter (or method) named `name` found on an object's prototype chain, cached per prototype. */
function memberLookup(name: string, kind: 'get' | 'value'): (obj: object) => Member {
  const byProto = new WeakMap<object, Member>();
  return (obj) => {
    const proto = Object.getPrototypeOf(obj) as object | null;
    if (!proto) return null;
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

/** A caller of the method `name` from the prototype chain (for the objects that could shadow it). */
function caller<T>(name: string): (obj: object, ...args: unknown[]) => T {
  const lookup = memberLookup(name, 'value');
  return (obj, ...args) => {
    const f = lookup(obj);
    if (!f) throw new TypeError(`${name} is not available`);
    return Reflect.apply(f, obj, args) as T;
  };
}

// Each hot member is read by its own function, so each read site sees one property (a shared
// `obj[name]` would go megamorphic and slow); only forms and documents take the prototype's accessor.
const parentNodeSafe = reader<ParentNode | null>('parentNode');
const parentElementSafe = reader<Element | null>('parentElement');
const firstChildSafe = reader<ChildNode | null>('firstChild');
const nextSiblingSafe = reader<ChildNode | null>('nextSibling');
const nodeTypeSafe = reader<number>('nodeType');
const textContentSafe = reader<string | null>('textContent');
const localNameSafe = reader<string | null>('localName');
const tagNameSafe = reader<string | null>('tagName');
export const parentNodeOf = (node: Node): ParentNode | null => (isPlain(node) ? node.parentNode : parentNodeSafe(node));
export const parentElementOf = (node: Node): Element | null => (isPlain(node) ? node.parentElement : parentElementSafe(node));
export const firstChildOf = (node: Node): ChildNode | null => (isPlain(node) ? node.firstChild : firstChildSafe(node));
export const nextSiblingOf = (node: Node): ChildNode | null => (isPlain(node) ? node.nextSibling : nextSiblingSafe(node));
// Members whose own values are numbers or strings are read directly, and through the prototype only when shadowed.
export function nodeTypeOf(node: Node): number {
  const type = node.nodeType;
  return typeof type === 'number' ? type : nodeTypeSafe(node);
}

export function textContentOf(node: Node): string {
  const text = node.textContent;
  return (typeof text === 'string' || text === null ? text : textContentSafe(node)) ?? '';
}

/** Lower-case tag name. */
export function tagOf(el: Element): string {
  const local = el.localName;
  const name = typeof local === 'string' ? local || el.tagName : localNameSafe(el) || tagNameSafe(el);
  return (typeof name === 'string' ? name : '').toLowerCase();
}

const getAttribute = caller<string | null>('getAttribute');
const hasAttribute = caller<boolean>('hasAttribute');
const hasAttributes = caller<boolean>('hasAttributes');
// The attribute reads run for most elements of a page: called directly, without a rest-argument array.
export const attrOf = (el: Element, name: string): string | null => (isPlain(el) ? el.getAttribute(name) : getAttribute(el, name));
export const hasAttrOf = (el: Element, name: string): boolean => (isPlain(el) ? el.hasAttribute(name) : hasAttribute(el, name));
/** False for an element without a single attribute: most of an article's elements, whose attribute tests can then be skipped. */
export const hasAttrsOf = (el: Element): boolean => (isPlain(el) ? el.hasAttributes() : hasAttributes(el));
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
