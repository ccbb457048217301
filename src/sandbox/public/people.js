/* global FormData, document, CSS */
import { h } from './dom.js';

// The people editor: names, titles (lanekeeper reads roles from them) and time zones (it only
// nudges during working hours there). Built when opened, so a background refresh never wipes what
// the visitor is typing.

const ETC_ZONES = Array.from({ length: 27 }, (_, i) => i - 12).map((offset) => (offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`));

/**
 * options: { snapshot() → the latest snapshot, save(id, changes), add(person), everyoneToMidday() }
 *
 * What a save did is said inside the dialog, where it can be read (a toast would sit under the
 * dialog's backdrop): next to the form's button, and for a field the sandbox refused, under the
 * field, which is marked invalid and focused. Focus stays where the visitor was across redraws.
 */
export function createPeopleEditor(dialog, options) {
  const live = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const body = h('div', { class: 'dialog-body' });
  dialog.replaceChildren(live, body);
  /** { form: person id | 'new' | 'midday', ok: boolean, text, field?: 'name' | 'title' | 'tz' } */
  let feedback;
  // What was last typed in a form, shown again when the sandbox refuses it so nothing is lost.
  let lastTyped = {};

  const render = () => {
    const { people } = options.snapshot();
    const middayZone = people[0]?.tz ?? 'Etc/GMT';
    const active = dialog.contains(document.activeElement) ? document.activeElement?.id : undefined;
    body.replaceChildren(
      h('header', { class: 'dialog-header' }, h('h2', { id: 'people-title' }, 'People'), h('button', { type: 'button', id: 'people-close', class: 'quiet-button', onclick: () => dialog.close() }, 'Close')),
      h(
        'p',
        { class: 'dialog-note' },
        'lanekeeper reads each person’s role from their Slack title (a “Product Manager” is nudged; a “Project Manager” is someone to hand work to), and nudges only between 08:00 and 19:00 in their time zone: outside those hours a nudge waits for the morning. Everyone starts in a zone where it is about midday now.',
      ),
      h(
        'div',
        { class: 'dialog-row' },
        h('button', { type: 'button', id: 'people-midday', class: 'quiet-button', onclick: () => run('midday', () => options.everyoneToMidday(), 'Everyone is now somewhere it is about midday.') }, 'Put everyone where it is midday now'),
        formStatus('midday'),
      ),
      h('datalist', { id: 'zone-options' }, zoneList().map((zone) => h('option', { value: zone }))),
      h('ul', { class: 'people-list' }, people.map((person) => h('li', {}, personForm(person)))),
      h('h3', {}, 'Add someone'),
      addForm(middayZone),
    );
    const again = active ? body.querySelector(`#${CSS.escape(active)}`) : null;
    if (again) again.focus();
  };

  const run = async (form, action, done, values) => {
    const problem = values ? checkLocally(values) : undefined;
    if (problem) return show({ form, ok: false, ...problem });
    try {
      await action();
      show({ form, ok: true, text: done });
    } catch (error) {
      show({ form, ok: false, text: error.message, field: fieldOf(error.message) });
    }
  };

  const show = (next) => {
    feedback = next;
    render();
    live.textContent = next.text;
    if (!next.ok && next.field) document.getElementById(fieldId(next.form, next.field))?.focus();
  };

  const fieldId = (form, name) => (form === 'new' ? `new-person-${name}` : `person-${form}-${name}`);

  const formStatus = (form) =>
    h('p', { id: `${form}-status`, class: feedback?.form === form ? `form-status ${feedback.ok ? 'form-ok' : 'form-error'}` : 'form-status' }, feedback?.form === form && !feedback.field ? feedback.text : '');

  const field = (form, label, name, saved, extra = {}) => {
    const id = fieldId(form, name);
    // After a refusal the form shows what was typed, not what is saved, so it can be corrected.
    const value = feedback?.form === form && !feedback.ok ? (lastTyped[name] ?? saved) : saved;
    const invalid = feedback?.form === form && !feedback.ok && feedback.field === name;
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      h('input', { id, name, value, autocomplete: 'off', 'aria-invalid': invalid ? 'true' : undefined, 'aria-describedby': invalid ? `${id}-error` : undefined, ...extra }),
      invalid ? h('p', { id: `${id}-error`, class: 'field-error' }, feedback.text) : null,
    );
  };

  const personForm = (person) =>
    h(
      'form',
      {
        class: 'person-form',
        'aria-label': person.name,
        novalidate: true,
        onsubmit: (event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const values = { name: data.get('name'), title: data.get('title'), tz: data.get('tz') };
          void run(person.id, () => options.save(person.id, values), `Saved ${String(values.name).trim()}.`, values);
        },
      },
      field(person.id, 'Name', 'name', person.name),
      field(person.id, 'Title', 'title', person.title),
      field(person.id, 'Time zone', 'tz', person.tz, { list: 'zone-options' }),
      h('p', { class: 'person-facts' }, `@${person.handle} · role from title: ${person.role} · their time now: ${person.localTime}`),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', id: `person-${person.id}-save` }, 'Save')),
      formStatus(person.id),
    );

  const addForm = (zone) =>
    h(
      'form',
      {
        class: 'person-form',
        'aria-label': 'Add someone',
        novalidate: true,
        onsubmit: (event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const values = { name: data.get('name'), title: data.get('title'), tz: data.get('tz') };
          void run('new', () => options.add(values), `Added ${String(values.name).trim()}.`, values);
        },
      },
      field('new', 'Name', 'name', ''),
      field('new', 'Title', 'title', '', { placeholder: 'e.g. Product Owner' }),
      field('new', 'Time zone', 'tz', zone, { list: 'zone-options' }),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', id: 'new-person-add' }, 'Add')),
      formStatus('new'),
    );

  const checkLocally = (values) => {
    lastTyped = values;
    if (!String(values.name ?? '').trim()) return { field: 'name', text: 'A person needs a name.' };
    if (!isTimeZone(String(values.tz ?? '').trim())) return { field: 'tz', text: `“${values.tz}” is not a time zone this browser knows (try Europe/Berlin or Etc/GMT-2).` };
    return undefined;
  };

  return {
    open() {
      feedback = undefined;
      live.textContent = '';
      render();
      dialog.showModal();
    },
  };
}

/** Which field a message from the sandbox is about, when it names one. */
function fieldOf(message) {
  if (/time zone|\btz\b/i.test(message)) return 'tz';
  if (/name/i.test(message)) return 'name';
  if (/title/i.test(message)) return 'title';
  return undefined;
}

function isTimeZone(zone) {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function zoneList() {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...ETC_ZONES, ...known];
}
