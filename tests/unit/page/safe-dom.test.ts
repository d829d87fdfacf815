import { describe, expect, it } from 'vitest';
import { readArticle } from '../../../lib/page/read-article';
import { attrOf, bodyOf, firstChildOf, nextSiblingOf, nodeTypeOf, parentElementOf, tagOf, textContentOf } from '../../../lib/page/safe-dom';
import { page } from './fixtures';

/**
 * Browsers give a form its fields as properties that shadow the DOM's own
 * (`<form><input name="parentNode">`), and a document its named images and forms.
 * linkedom does neither, so the shadowing is made here with own properties, as the
 * browser's named-property lookup would answer. (Only members linkedom keeps on the
 * prototype, as browsers keep all of them: its `parentNode`, `nodeType` and `localName`
 * are own fields, so shadowing those can only show that other reads stay safe.)
 */
function shadow(obj: object, names: string[], value: unknown): void {
  for (const name of names) Object.defineProperty(obj, name, { value, configurable: true });
}

describe('safe DOM reads', () => {
  it('read a form through the DOM, not through its named fields', () => {
    const doc = page('<main><form id="f"><input name="parentNode"><p>Inside the form.</p></form><p>After the form.</p></main>');
    const form = doc.getElementById('f')!;
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

  it('a form whose tag name or node type is shadowed is still read through the DOM', () => {
    const doc = page('<main><form id="f"><input name="localName"><input name="nodeType"><p>Inside.</p></form></main>');
    const form = doc.getElementById('f')!;
    const [byName, byType] = [...form.querySelectorAll('input')];
    shadow(form, ['localName'], byName);
    shadow(form, ['firstChild', 'parentElement'], form.querySelector('p'));
    expect(firstChildOf(form)).toBe(byName);
    expect(parentElementOf(form)).toBe(doc.querySelector('main'));

    shadow(form, ['localName'], 'form');
    shadow(form, ['nodeType'], byType);
    expect(firstChildOf(form)).toBe(byName);
    expect(parentElementOf(form)).toBe(doc.querySelector('main'));
  });

  it('numbers and strings are the DOM\'s own: read directly', () => {
    const doc = page('<article><p id="p">Plain <b>text</b>.</p></article>');
    const paragraph = doc.getElementById('p')!;
    expect(nodeTypeOf(paragraph)).toBe(1);
    expect(nodeTypeOf(paragraph.firstChild!)).toBe(3);
    expect(tagOf(paragraph)).toBe('p');
    expect(textContentOf(paragraph)).toBe('Plain text.');
    expect(textContentOf(doc)).toBe('');
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
    const form = doc.getElementById('aspnetForm')!;
    // A field named firstChild: read naively, the form would look empty and the story would be lost.
    shadow(form, ['firstChild'], null);
    expect(readArticle(doc).map((s) => s.text)).toEqual(['Budget passes', 'Finance Minister Ada Lindqvist presented the budget on Tuesday.']);
  });
});
