import { Parser } from 'htmlparser2';

/** An open element while walking a page: its tag, attributes and class list. */
export interface OpenElement {
  name: string;
  attrs: Readonly<Record<string, string>>;
  classes: readonly string[];
}

export interface MarkupVisitor {
  /** `stack` holds the element's ancestors, outermost first (the element itself excluded). */
  open?(el: OpenElement, stack: readonly OpenElement[]): void;
  /** Text, entities decoded; `stack` ends with the element that holds it. */
  text?(text: string, stack: readonly OpenElement[]): void;
  close?(el: OpenElement, stack: readonly OpenElement[]): void;
}

/**
 * One pass over a page's HTML with a real parser (htmlparser2), keeping the stack of open
 * elements so a reader can ask "am I inside a component row?" without building a DOM. Status
 * pages are hostile input of 50–250 KB; a single streaming pass keeps reading them linear.
 */
export function walkMarkup(html: string, visitor: MarkupVisitor): void {
  const stack: OpenElement[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const el: OpenElement = { name, attrs, classes: (attrs.class ?? '').split(/\s+/).filter(Boolean) };
        visitor.open?.(el, stack);
        stack.push(el);
      },
      ontext(text) {
        visitor.text?.(text, stack);
      },
      onclosetag() {
        const el = stack.pop();
        if (el) visitor.close?.(el, stack);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
}

/** True when an element or one of its ancestors matches. */
export function within(stack: readonly OpenElement[], test: (el: OpenElement) => boolean): boolean {
  for (let i = stack.length - 1; i >= 0; i--) {
    const el = stack[i];
    if (el && test(el)) return true;
  }
  return false;
}

/** The nearest ancestor (or the element itself, when last on the stack) that matches. */
export function nearest(stack: readonly OpenElement[], test: (el: OpenElement) => boolean): OpenElement | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const el = stack[i];
    if (el && test(el)) return el;
  }
  return undefined;
}
