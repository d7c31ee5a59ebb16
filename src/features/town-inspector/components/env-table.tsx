import type { EnvVar } from '../../../api';
import { Badge } from '../../../components/badge';
import { EmptyState } from '../../../components/states';

/** Environment variables; a secret's value never renders, whatever the server sent. */
export function EnvTable({ vars, label }: { vars: EnvVar[]; label: string }) {
  if (vars.length === 0) return <EmptyState title="No environment variables set" />;
  return (
    <div className="table-scroll">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th>Name</th>
            <th>Value</th>
          </tr>
        </thead>
        <tbody>
          {vars.map((v) => (
            <tr key={v.key}>
              <td className="mono small">{v.key}</td>
              <td className="mono small message-cell">
                {v.secret ? (
                  <>
                    <span aria-label="masked secret">****</span> <Badge tone="muted">secret</Badge>
                  </>
                ) : (
                  v.value
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
