/* global document */
// Builds DOM nodes from data. The page never assigns HTML strings: text always becomes text nodes,
// so nothing a message contains can turn into markup.

/**
 * h('button', { class: 'x', onclick: fn, 'aria-label': 'y' }, 'text', child, [more])
 * Attributes: `class`, `dataset` (object), `on<event>` (listener), `hidden`/`disabled` booleans,
 * anything else via setAttribute. Children: nodes, strings, numbers, arrays; null/false skipped.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return parent;
}

export function fragment(...children) {
  return append(document.createDocumentFragment(), children);
}

/**
 * Replaces a region's content only when what it shows changed (`key`), keeping the scroll position
 * (or the bottom, for timelines already scrolled to the end, unless `scrollTo` says where to go)
 * and the focus of the element that had it, matched by its `data-focus-key`.
 */
export function renderRegion(container, key, build, { stickToBottom = false, scrollTo } = {}) {
  if (container.dataset.renderKey === key) return false;
  const atBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 40;
  const scrollTop = container.scrollTop;
  const focused = container.contains(document.activeElement) ? document.activeElement?.dataset?.focusKey : undefined;
  container.replaceChildren(build());
  container.dataset.renderKey = key;
  if (scrollTo === 'top') container.scrollTop = 0;
  else if (stickToBottom && (atBottom || scrollTo === 'bottom')) container.scrollTop = container.scrollHeight;
  else container.scrollTop = scrollTop;
  if (focused) container.querySelector(`[data-focus-key="${cssEscape(focused)}"]`)?.focus();
  return true;
}

function cssEscape(value) {
  return String(value).replace(/["\\]/g, '\\$&');
}
