/**
 * What the citizen sees on the weapp build and what their fingers do: the text of the page on top (its tab bar
 * included) and of WeChat's toast and modal, taps dispatched as WeChat dispatches them (a bubbling `tap` on the
 * innermost element under the finger), typing as WeChat's <input> reports it (focus, input with detail.value, blur).
 */
import type { MiniProgram } from './host';

export interface Modal {
  title: string;
  content: string;
  showCancel: boolean;
  confirmText: string;
  cancelText: string;
  answer(a: 'confirm' | 'cancel'): void;
}

export interface Overlay {
  toast: { title: string; icon: string } | null;
  /** every toast shown, in order */
  toasts: string[];
  modal: Modal | null;
  previews: string[][];
}

/** exparser's node behind a rendered element (j-component keeps it on the DOM node) */
interface WxNode {
  _vt?: { attrs?: { name: string; value: unknown }[] };
}
type Rendered = HTMLElement & { __wxElement?: WxNode };

interface Exparser {
  Event: { create(name: string, detail: object, o: object): object; dispatchEvent(target: WxNode, e: object): void };
}

export type Match = string | RegExp;

export interface TapOptions {
  /** the nth match (0-based) when the text is on screen more than once */
  nth?: number;
  /** match the element's whole text, not a part of it */
  exact?: boolean;
  timeoutMs?: number;
}

const matches = (text: string, m: Match, exact?: boolean) => (typeof m === 'string' ? (exact ? text.trim() === m : text.includes(m)) : m.test(text));

function attrs(el: Element): Record<string, unknown> {
  const list = (el as Rendered).__wxElement?._vt?.attrs ?? [];
  return Object.fromEntries(list.map((a) => [a.name, a.value]));
}

export class Screen {
  /** taps the citizen made in this launch (on the page, the tab bar or a WeChat dialog) */
  taps = 0;

  constructor(private readonly mp: MiniProgram) {}

  /** The runtime's problems so far, for error messages: a failed wait is often an exception in the page. */
  private problemsNote(): string {
    return this.mp.problems.length ? `\nThe runtime reported:\n${this.mp.problems.join('\n').slice(0, 3000)}` : '';
  }

  private roots(): HTMLElement[] {
    const page = this.mp.current();
    return [page.container];
  }

  /** Everything readable: the navigation bar title, the page, its tab bar, WeChat's modal and toast. */
  text(): string {
    const o = this.mp.overlay;
    const page = this.mp.current();
    return [page.title, ...this.roots().map((r) => r.textContent ?? ''), o.modal ? `${o.modal.title}\n${o.modal.content}` : '', o.toast?.title ?? ''].join(
      '\n',
    );
  }

  title(): string {
    return this.mp.current().title;
  }

  has(m: Match): boolean {
    return matches(this.text(), m);
  }

  /** Elements showing the text, innermost first in document order. */
  findAll(m: Match, exact?: boolean): HTMLElement[] {
    const out: HTMLElement[] = [];
    const visit = (el: Element) => {
      if ((el as HTMLElement).hidden) return;
      let childMatched = false;
      for (const child of Array.from(el.children)) {
        const before = out.length;
        visit(child);
        if (out.length > before) childMatched = true;
      }
      if (!childMatched && matches(el.textContent ?? '', m, exact)) out.push(el as HTMLElement);
    };
    for (const root of this.roots()) visit(root);
    return out;
  }

  /**
   * Elements of a class (as written in the app's source: j-component prefixes it with the component's tag), whose
   * text matches when given, waiting until at least one shows.
   */
  async byClass(cls: string, m?: Match, timeoutMs = 8000): Promise<HTMLElement[]> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = this.roots()
        .flatMap((r) => Array.from(r.querySelectorAll<HTMLElement>('*')))
        .filter((el) => !el.closest('[hidden]') && Array.from(el.classList).some((c) => c === cls || c.endsWith(`--${cls}`)))
        .filter((el) => m === undefined || matches(el.textContent ?? '', m));
      if (found.length) return found;
      if (Date.now() > until)
        throw new Error(`no .${cls}${m ? ` showing "${String(m)}"` : ''} on ${this.mp.current().route}. The screen shows:\n${this.text().slice(0, 1500)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Whether an element carries a class of the app's source. */
  hasClass(el: Element, cls: string): boolean {
    return Array.from(el.classList).some((c) => c === cls || c.endsWith(`--${cls}`));
  }

  /** Waits until the text shows (the network is real), like a citizen looking at the page. */
  async waitFor(m: Match, timeoutMs = 8000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!this.has(m)) {
      if (Date.now() > until)
        throw new Error(
          `"${String(m)}" did not show within ${timeoutMs} ms on ${this.mp.current().route}. The screen shows:\n${this.text().slice(0, 1500)}${this.problemsNote()}`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async waitForGone(m: Match, timeoutMs = 8000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.has(m)) {
      if (Date.now() > until) throw new Error(`"${String(m)}" still shows after ${timeoutMs} ms on ${this.mp.current().route}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async waitForPage(route: string, timeoutMs = 8000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.mp.stack.at(-1)?.route !== route) {
      if (Date.now() > until) throw new Error(`page ${route} did not open within ${timeoutMs} ms; on ${this.mp.stack.at(-1)?.route}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    await this.mp.settle();
  }

  private exparser(): Exparser {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the instance of this launch's module registry
    return require('miniprogram-exparser') as Exparser;
  }

  private dispatch(el: Element, name: string, detail: object = {}): void {
    const node = (el as Rendered).__wxElement;
    if (!node) throw new Error(`<${el.tagName.toLowerCase()}> has no WeChat node behind it`);
    const ex = this.exparser();
    ex.Event.dispatchEvent(
      node,
      ex.Event.create(name, detail, { bubbles: true, composed: true, capturePhase: true, extraFields: { touches: [], changedTouches: [] } }),
    );
  }

  /** The <button> an element sits in, if any. */
  private buttonOf(el: Element | null): Element | null {
    for (let e = el; e; e = e.parentElement) if (e.tagName.toLowerCase() === 'wx-button') return e;
    return null;
  }

  /**
   * Whether the button showing this text looks and acts disabled: WeChat's own `disabled`, or NutUI's disabled or
   * loading state (NutUI greys the button and ignores the tap instead of disabling the native button).
   */
  async isDisabled(m: Match): Promise<boolean> {
    return this.greyed(await this.buttonShowing(m));
  }

  /** Whether the button showing this text turns a spinner (NutUI's loading state: greyed too, a tap does nothing). */
  async isLoading(m: Match): Promise<boolean> {
    return this.hasClass(await this.buttonShowing(m), 'nut-button-loading');
  }

  /** The button the first element showing this text sits in (waiting for the text). */
  private async buttonShowing(m: Match): Promise<Element> {
    await this.waitFor(m);
    const button = this.buttonOf(this.findAll(m)[0] ?? null);
    if (!button) throw new Error(`"${String(m)}" is not on a button`);
    return button;
  }

  /** A button a citizen's tap does nothing on: WeChat's own `disabled`, or NutUI's disabled class. */
  private greyed(button: Element | null): boolean {
    if (!button) return false;
    const a = attrs(button);
    return a.disabled === true || a.disabled === 'true' || this.hasClass(button, 'nut-button-disabled');
  }

  /** Waits until the button showing this text can be used (not loading, not disabled), as a citizen waits for a spinner. */
  async waitUntilEnabled(m: Match, timeoutMs = 8000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (await this.isDisabled(m)) {
      if (Date.now() > until)
        throw new Error(`the button "${String(m)}" stayed disabled for ${timeoutMs} ms on ${this.mp.current().route}${this.problemsNote()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Taps the element that shows the text (waiting for it), or the modal's button of that name. */
  async tap(m: Match, o: TapOptions = {}): Promise<void> {
    const modal = this.mp.overlay.modal;
    if (modal) {
      const which = matches(modal.confirmText, m, true) ? 'confirm' : modal.showCancel && matches(modal.cancelText, m, true) ? 'cancel' : null;
      if (!which)
        throw new Error(
          `a WeChat modal covers the page ("${modal.title}: ${modal.content}"); its buttons are ${modal.confirmText}${modal.showCancel ? ` and ${modal.cancelText}` : ''}`,
        );
      this.taps += 1;
      modal.answer(which);
      await this.mp.settle();
      return;
    }
    const { nth = 0, timeoutMs = 8000 } = o;
    const until = Date.now() + timeoutMs;
    let target: HTMLElement | undefined;
    // as a citizen does: wait for the text, then for its button to stop being greyed (a page still loading what the
    // button needs greys it; a tap then does nothing)
    while (!(target = this.findAll(m, o.exact)[nth]) || this.greyed(this.buttonOf(target))) {
      if (Date.now() > until)
        throw new Error(
          target
            ? `the button "${String(m)}" stayed disabled for ${timeoutMs} ms on ${this.mp.current().route}${this.problemsNote()}`
            : `nothing shows "${String(m)}" to tap on ${this.mp.current().route}. The screen shows:\n${this.text().slice(0, 1500)}${this.problemsNote()}`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
    await this.tapElement(target);
  }

  async tapElement(el: HTMLElement): Promise<void> {
    const button = this.buttonOf(el);
    const a = button ? attrs(button) : {};
    if (this.greyed(button)) throw new Error(`the button "${button?.textContent}" is disabled: a citizen's tap does nothing`);
    this.taps += 1;
    this.dispatch(el, 'tap', { x: 10, y: 10 });
    if (button && a.openType === 'getPhoneNumber') await this.phoneNumberSheet(button);
    await this.mp.settle();
  }

  /** WeChat's phone-number sheet: on 允许, the button gets a one-time code the WeChat mock knows. */
  private async phoneNumberSheet(button: Element): Promise<void> {
    const d = this.mp.device;
    if (d.phoneAnswer === 'reject') return this.dispatch(button, 'getphonenumber', { errMsg: 'getPhoneNumber:fail user deny' });
    const res = await fetch(`${this.mp.upstreams.wechatUrl}/__mock/phone-code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phoneNumber: d.phoneNumber }),
    });
    const { code } = (await res.json()) as { code: string };
    this.dispatch(button, 'getphonenumber', { errMsg: 'getPhoneNumber:ok', code });
  }

  private inputs(): Element[] {
    return this.roots().flatMap((r) => Array.from(r.querySelectorAll('wx-input, wx-textarea')));
  }

  /** The back arrow of WeChat's navigation bar (the app draws none of its own on weapp). */
  async back(): Promise<void> {
    this.taps += 1;
    await this.mp.goBack();
  }

  /** The input or textarea whose placeholder (or aria label) says this. */
  field(m: Match): Element {
    const found = this.inputs().filter((el) => {
      const a = attrs(el);
      return matches(String(a.placeholder ?? ''), m) || matches(String(a.ariaLabel ?? ''), m);
    });
    if (!found.length)
      throw new Error(
        `no input with the placeholder "${String(m)}" on ${this.mp.current().route}; inputs: ${this.inputs()
          .map((el) => attrs(el).placeholder)
          .join(' | ')}`,
      );
    return found[0]!;
  }

  /** Types into an input as WeChat reports it: focus, one input event with the whole value, blur. */
  async fill(m: Match, value: string): Promise<void> {
    const until = Date.now() + 8000;
    let el: Element | undefined;
    while (!el) {
      try {
        el = this.field(m);
      } catch (err) {
        if (Date.now() > until) throw err;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    this.dispatch(el, 'focus', { value: String(attrs(el).value ?? ''), height: 0 });
    this.dispatch(el, 'input', { value, cursor: value.length, keyCode: 0 });
    await this.mp.settle();
    this.dispatch(el, 'blur', { value, cursor: value.length });
    await this.mp.settle();
  }

  value(m: Match): string {
    return String(attrs(this.field(m)).value ?? '');
  }

  /** The rendered element's WXML attributes (class, disabled, placeholder…), as the template set them. */
  attributes(el: Element): Record<string, unknown> {
    return attrs(el);
  }
}
