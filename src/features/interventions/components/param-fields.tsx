import { useState } from 'react';
import { pickText, resolvePick, type FieldSpec, type PickOption } from '../model/registry';

export interface ParamFieldsProps {
  fields: FieldSpec[];
  values: Record<string, unknown>;
  onChange: (next: Record<string, unknown>) => void;
  /** The server's message for a field it refused, shown beside that field. */
  errors?: Record<string, string>;
}

/**
 * Type-ahead over many options: the browser's list filters as one types a name, title or short id; the
 * field holds an id only once the text names exactly one option, and says which (or that none matches).
 */
function PickField({
  id,
  options,
  placeholder,
  onPick,
  described,
}: {
  id: string;
  options: PickOption[];
  placeholder?: string;
  onPick: (value: string | undefined) => void;
  described: object;
}) {
  const [text, setText] = useState('');
  const picked = resolvePick(options, text);
  return (
    <>
      <input
        id={id}
        className="input"
        type="text"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder ?? 'Type a name, title or short id'}
        list={`${id}-options`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onPick(resolvePick(options, e.target.value)?.value);
        }}
        {...described}
      />
      <datalist id={`${id}-options`}>
        {options.map((o) => (
          <option key={o.value} value={pickText(o)} />
        ))}
      </datalist>
      {picked ? (
        <p className="muted small" data-testid={`${id}-picked`}>
          Picked: {picked.label} <code>{picked.value}</code>
        </p>
      ) : text.trim() ? (
        <p className="field-error small">
          No single match for “{text.trim()}”: pick one from the list ({options.length} to choose from).
        </p>
      ) : null}
    </>
  );
}

/** The few parameter inputs actions take (select, number, text, write-only secret, checklist, type-ahead pick). */
export function ParamFields({ fields, values, onChange, errors = {} }: ParamFieldsProps) {
  const set = (name: string, value: unknown) => onChange({ ...values, [name]: value });
  return (
    <div className="param-fields">
      {fields.map((f) => {
        const id = `param-${f.name}`;
        const error = errors[f.name];
        const errorId = `${id}-error`;
        const described = error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
        const message = error ? (
          <p id={errorId} className="field-error small">
            {error}
          </p>
        ) : null;
        if (f.kind === 'checklist') {
          const selected = (values[f.name] as string[] | undefined) ?? [];
          return (
            <fieldset key={f.name} className="checklist" {...(error ? { 'aria-describedby': errorId } : {})}>
              <legend className="label">{f.label}</legend>
              {f.options.map((o) => (
                <label key={o.value} className="check">
                  <input
                    type="checkbox"
                    checked={selected.includes(o.value)}
                    onChange={(e) => set(f.name, e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value))}
                  />
                  {o.label}
                </label>
              ))}
              {message}
            </fieldset>
          );
        }
        return (
          <div key={f.name} className="field">
            <label className="label" htmlFor={id}>
              {f.label}
            </label>
            {f.kind === 'pick' ? (
              <PickField id={id} options={f.options} placeholder={f.placeholder} onPick={(v) => set(f.name, v)} described={described} />
            ) : f.kind === 'select' ? (
              <select
                id={id}
                className="input"
                value={String(values[f.name] ?? '')}
                onChange={(e) => set(f.name, e.target.value || undefined)}
                {...described}
              >
                <option value="">Choose…</option>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : f.kind === 'number' ? (
              <input
                id={id}
                className="input"
                type="number"
                min={f.min}
                max={f.max}
                value={values[f.name] === undefined ? '' : String(values[f.name])}
                onChange={(e) => set(f.name, e.target.value === '' ? undefined : Number(e.target.value))}
                {...described}
              />
            ) : (
              <>
                <input
                  id={id}
                  className="input"
                  type={f.kind === 'password' || f.masked?.(values) ? 'password' : 'text'}
                  // A secret is never offered for autofill nor remembered by the browser.
                  autoComplete={f.kind === 'password' || f.masked?.(values) ? 'new-password' : 'off'}
                  spellCheck={false}
                  placeholder={f.placeholder}
                  list={f.suggestions?.length ? `${id}-suggestions` : undefined}
                  value={String(values[f.name] ?? '')}
                  onChange={(e) => set(f.name, e.target.value || undefined)}
                  {...described}
                />
                {f.suggestions?.length ? (
                  <datalist id={`${id}-suggestions`}>
                    {f.suggestions.map((s) => (
                      <option key={s} value={s} />
                    ))}
                  </datalist>
                ) : null}
              </>
            )}
            {message}
          </div>
        );
      })}
    </div>
  );
}
