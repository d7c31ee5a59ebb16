import type { FieldSpec } from '../model/registry';

/** The few parameter inputs actions take (select, number, text, write-only secret, checklist). */
export function ParamFields({ fields, values, onChange }: { fields: FieldSpec[]; values: Record<string, unknown>; onChange: (next: Record<string, unknown>) => void }) {
  const set = (name: string, value: unknown) => onChange({ ...values, [name]: value });
  return (
    <div className="param-fields">
      {fields.map((f) => {
        const id = `param-${f.name}`;
        if (f.kind === 'checklist') {
          const selected = (values[f.name] as string[] | undefined) ?? [];
          return (
            <fieldset key={f.name} className="checklist">
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
            </fieldset>
          );
        }
        return (
          <div key={f.name} className="field">
            <label className="label" htmlFor={id}>
              {f.label}
            </label>
            {f.kind === 'select' ? (
              <select id={id} className="input" value={String(values[f.name] ?? '')} onChange={(e) => set(f.name, e.target.value || undefined)}>
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
              />
            ) : (
              <input
                id={id}
                className="input"
                type={f.kind === 'password' ? 'password' : 'text'}
                autoComplete="off"
                placeholder={f.kind === 'text' || f.kind === 'password' ? f.placeholder : undefined}
                value={String(values[f.name] ?? '')}
                onChange={(e) => set(f.name, e.target.value || undefined)}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}
