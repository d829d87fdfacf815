import { afterEach, describe, expect, it, vi } from 'vitest';
import { readArticle } from '../../../lib/page/read-article';
import { attrOf, bodyOf, firstChildOf, nextSiblingOf, parentElementOf, tagOf, textContentOf } from '../../../lib/page/safe-dom';
import { page } from './fixtures';

/**
 * Browsers give a form its fields as properties that shadow the DOM's own
 * (`<form><input name="parentNode">`), and a document its named images and forms.
 * linkedom does neither (and makes a `<form>` a plain HTMLElement, with no global
 * HTMLFormElement), so here the form is made an instance of a global HTMLFormElement
 * as in a browser, and the shadowing is made with own properties, as the browser's
 * named-property lookup would answer. (Only members linkedom keeps on the prototype,
 * as browsers keep all of them: its `parentNode`, `nodeType` and `localName` are own fields.)
 */
function browserForm(form: Element): Element {
  const plain = Object.getPrototypeOf(form) as { constructor: new () => object };
  class HTMLFormElement extends plain.constructor {}
  Object.setPrototypeOf(form, HTMLFormElement.prototype);
  vi.stubGlobal('HTMLFormElement', HTMLFormElement);
  return form;
}

function shadow(obj: object, names: string[], value: unknown): void {
  for (const name of names) Object.defineProperty(obj, name, { value, configurable: true });
}

describe('safe DOM reads', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('read a form through the DOM, not through its named fields', () => {
    const doc = page('<main><form id="f"><input name="parentNode"><p>Inside the form.</p></form><p>After the form.</p></main>');
    const form = browserForm(doc.getElementById('f')!);
    const input = form.querySelector('input')!;
    const paragraph = form.querySelector('p')!;
    shadow(form, ['parentElement', 'firstChild', 'nextSibling', 'textContent'], paragraph);
    shadow(form, ['getAttribute'], () => 'shadowed');

    expect(parentElementOf(form)).toBe(doc.querySelector('main'));
    expect(firstChildOf(form)).toBe(input);
    expect(textContentOf(nextSiblingOf(form)!)).toBe('After the form.');
    expect(textContentOf(form)).toBe('Inside the form.');
    expect(attrOf(form, 'id')).toBe('f');
  });

  it('read the document through the DOM, not through a named image', () => {
    const doc = page('<article><p>Text.</p></article>');
    shadow(doc, ['body'], doc.createElement('img'));
    expect(tagOf(bodyOf(doc)!)).toBe('body');
  });

  it('an ASP.NET-style page, one form around the whole story with shadowing fields, is still read', () => {
    const doc = page(
      '<form id="aspnetForm"><input type="hidden" name="firstChild"><article><h1>Budget passes</h1><p>Finance Minister Ada Lindqvist presented the budget on Tuesday.</p></article></form>',
    );
    const form = browserForm(doc.getElementById('aspnetForm')!);
    // A field named firstChild: read naively, the form would look empty and the story would be lost.
    shadow(form, ['firstChild'], null);
    expect(readArticle(doc).map((s) => s.text)).toEqual(['Budget passes', 'Finance Minister Ada Lindqvist presented the budget on Tuesday.']);
  });
});
