/**
 * Building DOM nodes without markup: every text goes through `textContent`,
 * so a name like `<img src=x onerror=alert(1)>` is shown as those characters
 * and can never become an element. No `innerHTML` anywhere in the viewer.
 */

type Attrs = Record<string, string | number | boolean | undefined>;

/** An element with attributes (set as attributes, never as HTML) and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name.startsWith("on")) throw new Error(`el: event attributes are not allowed (${name})`);
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/** Replaces an element's children. */
export function setChildren(node: Element, ...children: (Node | string)[]): void {
  node.replaceChildren(...children.map((c) => (typeof c === "string" ? document.createTextNode(c) : c)));
}

/** Offers `content` as a file download (a blob URL; nothing leaves the machine). */
export function download(name: string, content: string | Blob, type = "text/plain;charset=utf-8"): void {
  const blob = typeof content === "string" ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: name });
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies text to the clipboard (the async API, or a hidden text area where it is refused, e.g. file://). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = el("textarea", { "aria-hidden": "true" });
    area.value = text;
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}
