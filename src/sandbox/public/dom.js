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
 * and the keyboard focus. Timelines (`stickToBottom`) already scrolled to the end follow new
 * messages, showing the start of the newest one (a long digest must not open at its end);
 * `scrollTo` says where to go instead: `top`, or `newest` (the start of the newest message).
 * Focus goes back to the element with the same `data-focus-key`; when it is gone (a button the
 * bot replaced), to its nearest ancestor that is still there (the replaced message), else to the
 * region itself, so a keyboard user never drops to <body>.
 */
export function renderRegion(container, key, build, { stickToBottom = false, scrollTo } = {}) {
  if (container.dataset.renderKey === key) return false;
  const atBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 40;
  const scrollTop = container.scrollTop;
  const active = document.activeElement;
  const hadFocus = active !== null && active !== container && container.contains(active);
  const focusKeys = hadFocus ? focusKeysOf(active, container) : [];
  container.replaceChildren(build());
  container.dataset.renderKey = key;
  if (scrollTo === 'top') container.scrollTop = 0;
  else if (scrollTo === 'newest' || (stickToBottom && atBottom)) container.scrollTop = newestStart(container);
  else container.scrollTop = scrollTop;
  if (hadFocus) {
    const target = focusKeys.map((focusKey) => container.querySelector(`[data-focus-key="${cssEscape(focusKey)}"]`)).find(Boolean);
    if (target) target.focus({ preventScroll: !target.matches('article, [tabindex="-1"]') });
    else if (container.hasAttribute('tabindex')) container.focus({ preventScroll: true });
  }
  return true;
}

/** The focus keys of `element` and of its ancestors inside `container`, nearest first. */
function focusKeysOf(element, container) {
  const keys = [];
  for (let node = element; node && node !== container; node = node.parentElement) {
    if (node.dataset?.focusKey) keys.push(node.dataset.focusKey);
  }
  return keys;
}

/** Where to scroll so the newest message's start shows, or the very end when it fits. */
function newestStart(container) {
  const bottom = Math.max(0, container.scrollHeight - container.clientHeight);
  const messages = container.querySelectorAll(':scope > article');
  const newest = messages[messages.length - 1];
  if (!newest) return bottom;
  const top = newest.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop - 8;
  return Math.max(0, Math.min(bottom, Math.floor(top)));
}

function cssEscape(value) {
  return String(value).replace(/["\\]/g, '\\$&');
}
