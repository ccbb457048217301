import { fragment, h } from './dom.js';
import { renderMrkdwn, renderPlain } from './mrkdwn.js';

// Block Kit as a Slack client shows it: header, section (text, fields, accessory), context,
// divider, actions, image and rich_text. Anything else is shown as a readable fallback with its
// type and text, never dropped: a developer must see everything the bot sent.

/**
 * ctx: what renderMrkdwn needs, plus onAction({ actionId, blockId, place, element, confirm }).
 * place: where the buttons live ({ kind: 'message', channel, ts } | { kind: 'ephemeral', id } | { kind: 'home' }).
 */
export function renderBlocks(blocks, ctx, place) {
  const out = fragment();
  for (const block of Array.isArray(blocks) ? blocks : []) out.append(renderBlock(block, ctx, place));
  return out;
}

function renderBlock(block, ctx, place) {
  if (!block || typeof block !== 'object') return unknownBlock(block);
  switch (block.type) {
    case 'header':
      return h('div', { class: 'bk-header', role: 'heading', 'aria-level': '3' }, renderText(block.text, ctx));
    case 'section':
      return h(
        'div',
        { class: block.accessory ? 'bk-section bk-with-accessory' : 'bk-section' },
        h(
          'div',
          { class: 'bk-section-main' },
          block.text ? h('div', { class: 'bk-text' }, renderText(block.text, ctx)) : null,
          Array.isArray(block.fields) ? h('div', { class: 'bk-fields' }, block.fields.map((field) => h('div', { class: 'bk-field' }, renderText(field, ctx)))) : null,
        ),
        block.accessory ? h('div', { class: 'bk-accessory' }, renderElement(block.accessory, block, ctx, place)) : null,
      );
    case 'context':
      return h(
        'div',
        { class: 'bk-context' },
        (block.elements ?? []).map((element) =>
          element?.type === 'image' ? imagePlaceholder(element.alt_text) : h('span', { class: 'bk-context-item' }, renderText(element, ctx)),
        ),
      );
    case 'divider':
      return h('hr', { class: 'bk-divider' });
    case 'actions':
      return h('div', { class: 'bk-actions', role: 'group', 'aria-label': 'Actions' }, (block.elements ?? []).map((element) => renderElement(element, block, ctx, place)));
    case 'image':
      return h('figure', { class: 'bk-image' }, imagePlaceholder(block.alt_text), block.title ? h('figcaption', {}, renderText(block.title, ctx)) : null);
    case 'rich_text':
      return h('div', { class: 'bk-rich-text' }, (block.elements ?? []).map((element) => renderRichText(element, ctx)));
    default:
      return unknownBlock(block);
  }
}

function renderText(text, ctx) {
  if (!text || typeof text !== 'object') return '';
  return text.type === 'mrkdwn' ? renderMrkdwn(text.text, ctx) : renderPlain(text.text, text.emoji !== false);
}

function renderElement(element, block, ctx, place) {
  if (element?.type === 'button') return renderButton(element, block, ctx, place);
  if (element?.type === 'static_select' && place.kind === 'home') return renderSelect(element, block, ctx, place);
  if (element?.type === 'image') return imagePlaceholder(element.alt_text);
  // Selects, date pickers, overflow menus…: named, with their placeholder, so nothing is hidden.
  const label = element?.placeholder?.text ?? element?.text?.text ?? '';
  return h('span', { class: 'bk-unsupported' }, `[${element?.type ?? 'element'}${label ? `: ${label}` : ''}]`);
}

function renderButton(element, block, ctx, place) {
  const classes = ['bk-button'];
  if (element.style === 'primary') classes.push('bk-primary');
  if (element.style === 'danger') classes.push('bk-danger');
  const placeKey = place.kind === 'message' ? `${place.channel}/${place.ts}` : place.kind === 'ephemeral' ? place.id : 'home';
  return h(
    'button',
    {
      type: 'button',
      class: classes.join(' '),
      dataset: { focusKey: `button:${placeKey}:${element.action_id}`, actionId: element.action_id ?? '' },
      onclick: (event) =>
        ctx.onAction({
          actionId: element.action_id,
          blockId: typeof block.block_id === 'string' ? block.block_id : undefined,
          place,
          element: event.currentTarget,
          confirm: element.confirm,
          url: typeof element.url === 'string' && /^https?:/i.test(element.url) ? element.url : undefined,
        }),
    },
    renderPlain(element.text?.text ?? element.action_id ?? 'Button', element.text?.emoji !== false),
  );
}

// A menu as a native <select>: choosing an option is the block action Slack sends for it.
function renderSelect(element, block, ctx, place) {
  const chosen = element.initial_option?.value;
  const label = element.placeholder?.text ?? element.action_id ?? 'Menu';
  const options = (element.options ?? []).map((option) => h('option', { value: option.value ?? '', ...(option.value === chosen ? { selected: true } : {}) }, option.text?.text ?? option.value ?? ''));
  if (chosen === undefined) options.unshift(h('option', { value: '', selected: true, disabled: true }, label));
  return h(
    'select',
    {
      class: 'bk-select',
      'aria-label': label,
      dataset: { focusKey: `select:home:${element.action_id}`, actionId: element.action_id ?? '' },
      onchange: (event) =>
        ctx.onAction({
          actionId: element.action_id,
          blockId: typeof block.block_id === 'string' ? block.block_id : undefined,
          place,
          element: event.currentTarget,
          option: event.currentTarget.value,
        }),
    },
    ...options,
  );
}

function imagePlaceholder(alt) {
  // The page loads nothing from elsewhere (the machine may be offline): images are named, not shown.
  return h('span', { class: 'bk-image-placeholder', role: 'img', 'aria-label': `image: ${alt || 'no description'}` }, `[image: ${alt || 'no description'}]`);
}

function renderRichText(element, ctx) {
  const inline = (elements) =>
    (elements ?? []).map((item) => {
      switch (item?.type) {
        case 'text': {
          let node = h('span', {}, item.text ?? '');
          if (item.style?.code) node = h('code', { class: 'md-code' }, node);
          if (item.style?.bold) node = h('strong', {}, node);
          if (item.style?.italic) node = h('em', {}, node);
          if (item.style?.strike) node = h('s', {}, node);
          return node;
        }
        case 'user':
          return h('span', { class: item.user_id === ctx.viewer ? 'mention mention-me' : 'mention' }, `@${ctx.personName(item.user_id) ?? item.user_id}`);
        case 'channel':
          return h('span', { class: 'channel-link' }, `#${ctx.channelName(item.channel_id) ?? item.channel_id}`);
        case 'link':
          return /^(https?:|mailto:)/i.test(item.url ?? '') ? h('a', { href: item.url, target: '_blank', rel: 'noopener noreferrer', class: 'md-link' }, item.text ?? item.url) : (item.text ?? item.url ?? '');
        case 'emoji':
          return renderPlain(`:${item.name}:`);
        case 'broadcast':
          return h('span', { class: 'mention' }, `@${item.range}`);
        default:
          return `[${item?.type ?? 'element'}]`;
      }
    });
  switch (element?.type) {
    case 'rich_text_section':
      return h('div', {}, inline(element.elements));
    case 'rich_text_quote':
      return h('blockquote', { class: 'md-quote' }, inline(element.elements));
    case 'rich_text_preformatted':
      return h('pre', { class: 'md-pre' }, inline(element.elements));
    case 'rich_text_list':
      return h(element.style === 'ordered' ? 'ol' : 'ul', {}, (element.elements ?? []).map((item) => h('li', {}, inline(item.elements))));
    default:
      return h('div', { class: 'bk-unsupported' }, `[${element?.type ?? 'rich text element'}]`);
  }
}

/** A block the sandbox does not draw: its type, and all the text it carries. */
function unknownBlock(block) {
  const type = block && typeof block === 'object' && typeof block.type === 'string' ? block.type : 'unknown';
  const texts = [];
  collectTexts(block, texts);
  return h(
    'div',
    { class: 'bk-unknown' },
    h('span', { class: 'bk-unknown-type' }, `Block “${type}” (the sandbox does not draw this kind)`),
    texts.length > 0 ? h('div', { class: 'bk-unknown-text' }, texts.join(' · ')) : null,
  );
}

function collectTexts(value, texts, depth = 0) {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if ((key === 'text' || key === 'alt_text' || key === 'label') && typeof child === 'string') texts.push(child);
    else collectTexts(child, texts, depth + 1);
  }
}

/** Legacy attachments: a coloured bar with pretext, title, text, fields and footer. */
export function renderAttachments(attachments, ctx, place) {
  return (Array.isArray(attachments) ? attachments : []).map((attachment) =>
    h(
      'div',
      { class: 'attachment' },
      attachment.pretext ? h('div', {}, renderMrkdwn(attachment.pretext, ctx)) : null,
      attachment.title ? h('div', { class: 'attachment-title' }, renderPlain(attachment.title)) : null,
      attachment.text ? h('div', {}, renderMrkdwn(attachment.text, ctx)) : null,
      Array.isArray(attachment.fields)
        ? h('div', { class: 'bk-fields' }, attachment.fields.map((field) => h('div', { class: 'bk-field' }, h('strong', {}, field.title ?? ''), h('br'), renderMrkdwn(field.value ?? '', ctx))))
        : null,
      Array.isArray(attachment.blocks) ? renderBlocks(attachment.blocks, ctx, place) : null,
      attachment.footer ? h('div', { class: 'bk-context' }, renderPlain(attachment.footer)) : null,
    ),
  );
}
