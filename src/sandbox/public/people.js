/* global FormData */
import { h } from './dom.js';

// The people editor: names, titles (lanekeeper reads roles from them) and time zones (it only
// nudges during working hours there). Built when opened, so a background refresh never wipes what
// the visitor is typing.

const ETC_ZONES = Array.from({ length: 27 }, (_, i) => i - 12).map((offset) => (offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`));

/**
 * options: { snapshot() → the latest snapshot, save(id, changes), add(person), everyoneToMidday(), notify(text) }
 */
export function createPeopleEditor(dialog, options) {
  const render = () => {
    const { people } = options.snapshot();
    const middayZone = people[0]?.tz ?? 'Etc/GMT';
    dialog.replaceChildren(
      h(
        'div',
        { class: 'dialog-body' },
        h('header', { class: 'dialog-header' }, h('h2', { id: 'people-title' }, 'People'), h('button', { type: 'button', class: 'quiet-button', onclick: () => dialog.close() }, 'Close')),
        h(
          'p',
          { class: 'dialog-note' },
          'lanekeeper reads each person’s role from their Slack title (a “Product Manager” is nudged; a “Project Manager” is someone to hand work to), and nudges only between 08:00 and 19:00 in their time zone: outside those hours a nudge waits for the morning. Everyone starts in a zone where it is about midday now.',
        ),
        h('button', { type: 'button', class: 'quiet-button', onclick: () => run(() => options.everyoneToMidday(), 'Everyone is now somewhere it is about midday.') }, 'Put everyone where it is midday now'),
        h('datalist', { id: 'zone-options' }, zoneList().map((zone) => h('option', { value: zone }))),
        h('ul', { class: 'people-list' }, people.map((person) => h('li', {}, personForm(person)))),
        h('h3', {}, 'Add someone'),
        addForm(middayZone),
      ),
    );
  };

  const run = async (action, done) => {
    try {
      await action();
      options.notify(done);
      render();
    } catch (error) {
      options.notify(error.message, true);
    }
  };

  const personForm = (person) => {
    const field = (label, name, value, extra = {}) => {
      const id = `person-${person.id}-${name}`;
      return h('div', { class: 'field' }, h('label', { for: id }, label), h('input', { id, name, value, required: name !== 'title', autocomplete: 'off', ...extra }));
    };
    return h(
      'form',
      {
        class: 'person-form',
        'aria-label': person.name,
        onsubmit: (event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          void run(() => options.save(person.id, { name: data.get('name'), title: data.get('title'), tz: data.get('tz') }), `Saved ${data.get('name')}.`);
        },
      },
      field('Name', 'name', person.name),
      field('Title', 'title', person.title),
      field('Time zone', 'tz', person.tz, { list: 'zone-options' }),
      h('p', { class: 'person-facts' }, `@${person.handle} · role from title: ${person.role} · their time now: ${person.localTime}`),
      h('button', { type: 'submit' }, 'Save'),
    );
  };

  const addForm = (zone) =>
    h(
      'form',
      {
        class: 'person-form',
        'aria-label': 'Add someone',
        onsubmit: (event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          void run(() => options.add({ name: data.get('name'), title: data.get('title'), tz: data.get('tz') }), `Added ${data.get('name')}.`);
        },
      },
      h('div', { class: 'field' }, h('label', { for: 'new-person-name' }, 'Name'), h('input', { id: 'new-person-name', name: 'name', required: true, autocomplete: 'off' })),
      h('div', { class: 'field' }, h('label', { for: 'new-person-title' }, 'Title'), h('input', { id: 'new-person-title', name: 'title', placeholder: 'e.g. Product Owner', autocomplete: 'off' })),
      h('div', { class: 'field' }, h('label', { for: 'new-person-tz' }, 'Time zone'), h('input', { id: 'new-person-tz', name: 'tz', value: zone, list: 'zone-options', required: true, autocomplete: 'off' })),
      h('button', { type: 'submit' }, 'Add'),
    );

  return {
    open() {
      render();
      dialog.showModal();
    },
  };
}

function zoneList() {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...ETC_ZONES, ...known];
}
