import type { FieldSpec } from '../model/registry';

export interface ParamFieldsProps {
  fields: FieldSpec[];
  values: Record<string, unknown>;
  onChange: (next: Record<string, unknown>) => void;
  /** The server's message for a field it refused, shown beside that field. */
  errors?: Record<string, string>;
}

/** The few parameter inputs actions take (select, number, text, write-only secret, checklist). */
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
            {f.kind === 'select' ? (
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
