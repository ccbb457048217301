/* global document */
import { fragment, h } from './dom.js';

// Emoji without any font of our own: the page loads nothing from elsewhere, and many machines
// (Debian without fonts-noto-color-emoji, for one) have no emoji font at all, where an emoji is an
// empty box. So each emoji is drawn once on a canvas and compared with a character no font has:
// when they look the same, the machine cannot draw it, and the page shows its :shortcode: instead.

/** Shortcodes a Slack client would draw: the ones lanekeeper sends (:bulb:) and common ones people type. */
export const EMOJI = {
  bulb: '💡', wave: '👋', white_check_mark: '✅', heavy_check_mark: '✔️', ballot_box_with_check: '☑️', x: '❌',
  calendar: '📅', date: '📆', spiral_calendar_pad: '🗓️', memo: '📝', tada: '🎉', warning: '⚠️',
  chart_with_upwards_trend: '📈', chart_with_downwards_trend: '📉', bar_chart: '📊', inbox_tray: '📥',
  outbox_tray: '📤', raised_hands: '🙌', thumbsup: '👍', '+1': '👍', sparkles: '✨', clipboard: '📋', hourglass: '⌛',
  zzz: '💤', mute: '🔇', no_bell: '🔕', bell: '🔔', handshake: '🤝', point_right: '👉', arrow_right: '➡️', eyes: '👀',
  mag: '🔍', busts_in_silhouette: '👥', bust_in_silhouette: '👤', star: '⭐', rocket: '🚀', thinking_face: '🤔',
  pray: '🙏', construction: '🚧', building_construction: '🏗️', email: '📧', link: '🔗', speech_balloon: '💬',
  loudspeaker: '📢', pushpin: '📌', seedling: '🌱', dart: '🎯', soon: '🔜', hammer: '🔨', hammer_and_wrench: '🛠️',
  no_entry: '⛔', no_entry_sign: '🚫', octagonal_sign: '🛑', rotating_light: '🚨', red_circle: '🔴',
  arrows_counterclockwise: '🔄', frame_with_picture: '🖼️',
};

/** The same stack the page's CSS gives `.emoji`: colour emoji fonts first, then the text fonts. */
export const EMOJI_FONTS = "'Apple Color Emoji', 'Segoe UI Emoji', 'Noto Color Emoji', 'Twemoji Mozilla', 'EmojiOne Color', 'Android Emoji', system-ui, sans-serif";

const NAMES = new Map(Object.entries(EMOJI).map(([name, char]) => [char.replace(/\uFE0F/g, ''), name]));
const SHORTCODE = /:([a-z0-9_+-]+):/g;
// A pictograph with its variation selector, skin tone or zero-width-joined parts.
const PICTOGRAPH = /\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])?(?:\u200D\p{Extended_Pictographic}(?:\uFE0F)?)*/gu;
/** A code point no font draws (plane 16, private use): what "cannot draw" looks like here. */
const NO_GLYPH = '\u{10FFFD}';
const SIZE = 24;

const drawable = new Map();
let canvas;
let missingLooks;

/** True when this machine has a glyph for `char` in the emoji font stack. */
export function canDraw(char) {
  if (drawable.has(char)) return drawable.get(char);
  let result = true;
  try {
    canvas ??= createCanvas();
    if (canvas) {
      missingLooks ??= pixels(NO_GLYPH);
      const looks = pixels(char);
      result = looks.some((alpha) => alpha !== 0) && !sameArray(looks, missingLooks);
    }
  } catch {
    result = true; // Cannot tell (no canvas): trust the browser.
  }
  drawable.set(char, result);
  return result;
}

function createCanvas() {
  const element = document.createElement('canvas');
  element.width = SIZE * 2;
  element.height = SIZE * 2;
  const context = element.getContext('2d', { willReadFrequently: true });
  if (!context) return undefined;
  context.font = `${SIZE}px ${EMOJI_FONTS}`;
  context.textBaseline = 'top';
  return context;
}

function pixels(char) {
  canvas.clearRect(0, 0, SIZE * 2, SIZE * 2);
  canvas.fillStyle = '#000';
  canvas.fillText(char, 2, 2);
  const data = canvas.getImageData(0, 0, SIZE * 2, SIZE * 2).data;
  const alpha = new Uint8Array(data.length / 4);
  for (let i = 0; i < alpha.length; i += 1) alpha[i] = data[i * 4 + 3];
  return alpha;
}

function sameArray(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The emoji lanekeeper itself sends, drawn in SVG when the machine has no glyph (a light bulb
 * opens every tip). Shapes only, in the page: nothing is loaded.
 */
const PICTURES = {
  bulb: [
    ['path', { d: 'M12 2a7 7 0 0 0-4 12.7V17h8v-2.3A7 7 0 0 0 12 2z', fill: '#f7c948', stroke: '#b7791f', 'stroke-width': '1.2' }],
    ['rect', { x: '8.5', y: '17.5', width: '7', height: '2', rx: '0.8', fill: '#8a94a6' }],
    ['rect', { x: '9.5', y: '20', width: '5', height: '2', rx: '0.8', fill: '#6b7385' }],
    ['path', { d: 'M10 14v-3.5l2 1.5 2-1.5V14', fill: 'none', stroke: '#b7791f', 'stroke-width': '1' }],
  ],
};

function picture(name) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  for (const [key, value] of Object.entries({ class: 'emoji-svg', viewBox: '0 0 24 24', role: 'img', 'aria-label': name.replace(/_/g, ' ') })) svg.setAttribute(key, value);
  const title = document.createElementNS(ns, 'title');
  title.textContent = `:${name}:`;
  svg.append(title);
  for (const [tag, attributes] of PICTURES[name]) {
    const shape = document.createElementNS(ns, tag);
    for (const [key, value] of Object.entries(attributes)) shape.setAttribute(key, value);
    svg.append(shape);
  }
  return svg;
}

/** One emoji: drawn when the machine can, else a picture of our own, else its :shortcode: as a small label. */
export function emojiNode(char, name) {
  const label = name ? name.replace(/_/g, ' ') : 'emoji';
  if (canDraw(char)) return h('span', { class: 'emoji', role: 'img', 'aria-label': label, title: name ? `:${name}:` : undefined }, char);
  if (name && PICTURES[name]) return picture(name);
  return h('span', { class: 'emoji-fallback', title: 'no emoji font on this machine' }, name ? `:${name}:` : `[${label} U+${char.codePointAt(0).toString(16).toUpperCase()}]`);
}

/** Text with its :shortcodes: and emoji characters turned into emoji nodes; the rest stays text. */
export function withEmoji(text) {
  const out = fragment();
  let last = 0;
  const pattern = new RegExp(`${SHORTCODE.source}|${PICTOGRAPH.source}`, 'gu');
  for (const match of text.matchAll(pattern)) {
    const [whole, shortcode] = match;
    let node;
    if (shortcode !== undefined) {
      const char = EMOJI[shortcode];
      if (!char) continue; // Unknown shortcodes stay as typed, as in Slack.
      node = emojiNode(char, shortcode);
    } else {
      // Characters like © or ‼ that text fonts draw are left alone.
      if (canDraw(whole)) continue;
      node = emojiNode(whole, NAMES.get(whole.replace(/\uFE0F/g, '')));
    }
    if (match.index > last) out.append(text.slice(last, match.index));
    out.append(node);
    last = match.index + whole.length;
  }
  if (last === 0) return text;
  if (last < text.length) out.append(text.slice(last));
  return out;
}
