/* global setTimeout */
import { h } from './dom.js';

// The message box: Enter sends, Shift+Enter starts a new line, and typing "@" offers people to
// mention (arrows to choose, Enter or Tab to take, Escape to close), as Slack's composer does.
// The box holds "@handle"; the server turns known handles into Slack's <@U…> form when it sends.

const MAX_SUGGESTIONS = 6;
const COMMAND_HINT = '/lane help · /lane check <text> · /lane delegate @someone · /lane stats · /lane digest · /lane snooze 2h · /lane delivery dm · /tracker assign @ana <task> (post as a tracker app)';

let composerCount = 0;

/**
 * form: a <form> holding a <textarea> and a submit button.
 * options: { people() → [{ id, handle, name, title }], onSubmit(text) → Promise<boolean> }
 */
export function createComposer(form, { people, onSubmit }) {
  composerCount += 1;
  const input = form.querySelector('textarea');
  const listId = `mentions-${composerCount}`;
  const list = h('ul', { id: listId, class: 'mention-list', role: 'listbox', 'aria-label': 'People to mention', hidden: true });
  const hint = h('p', { class: 'command-hint', hidden: true }, COMMAND_HINT);
  form.append(list, hint);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('aria-expanded', 'false');

  let suggestions = [];
  let active = 0;
  let query = null; // { start, end } of the "@text" being completed
  let sending = false;

  const close = () => {
    suggestions = [];
    query = null;
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  const show = () => {
    list.replaceChildren(
      ...suggestions.map((person, index) =>
        h(
          'li',
          {
            id: `${listId}-${index}`,
            role: 'option',
            class: index === active ? 'mention-option active' : 'mention-option',
            'aria-selected': index === active ? 'true' : 'false',
            // mousedown, not click: the textarea must keep its focus and caret.
            onmousedown: (event) => {
              event.preventDefault();
              take(index);
            },
          },
          h('span', { class: 'mention-name' }, person.name),
          h('span', { class: 'mention-handle' }, ` @${person.handle}`),
          person.title ? h('span', { class: 'mention-title' }, ` · ${person.title}`) : null,
        ),
      ),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    input.setAttribute('aria-activedescendant', `${listId}-${active}`);
  };

  const update = () => {
    hint.hidden = !input.value.startsWith('/');
    const caret = input.selectionStart ?? input.value.length;
    const before = input.value.slice(0, caret);
    const match = /(^|[\s(])@([\w.-]*)$/.exec(before);
    if (!match) return close();
    const typed = match[2].toLowerCase();
    suggestions = people()
      .filter((p) => p.handle.toLowerCase().startsWith(typed) || p.name.toLowerCase().split(/\s+/).some((word) => word.startsWith(typed)))
      .slice(0, MAX_SUGGESTIONS);
    if (suggestions.length === 0) return close();
    query = { start: caret - match[2].length - 1, end: caret };
    active = Math.min(active, suggestions.length - 1);
    show();
  };

  const take = (index) => {
    const person = suggestions[index];
    if (!person || !query) return;
    const inserted = `@${person.handle} `;
    input.value = input.value.slice(0, query.start) + inserted + input.value.slice(query.end);
    const caret = query.start + inserted.length;
    input.setSelectionRange(caret, caret);
    close();
    input.focus();
  };

  const submit = async () => {
    const text = input.value.trim();
    if (!text || sending) return;
    sending = true;
    form.setAttribute('aria-busy', 'true');
    try {
      if (await onSubmit(text)) {
        input.value = '';
        hint.hidden = true;
      }
    } finally {
      sending = false;
      form.removeAttribute('aria-busy');
      input.focus();
    }
  };

  input.addEventListener('input', () => {
    active = 0;
    update();
  });
  input.addEventListener('click', update);
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    if (suggestions.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        active = (active + (event.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length;
        show();
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        take(active);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void submit();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });

  return {
    setPlaceholder(text) {
      input.placeholder = text;
      form.querySelector('label')?.replaceChildren(text);
    },
    fill(text) {
      input.value = text;
      input.focus();
      update();
    },
    focus() {
      input.focus();
    },
  };
}
