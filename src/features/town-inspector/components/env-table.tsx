import type { ReactNode } from 'react';
import { heapOverLimit } from '../model/container';
import type { EnvVar } from '../../../api';
import { Badge } from '../../../components/badge';
import { EmptyState } from '../../../components/states';

/** Environment variables; a secret's value never renders, whatever the server sent. `actions` fills a last column per row. */
export function EnvTable({
  vars,
  label,
  actions,
  memoryLimitMb,
}: {
  vars: EnvVar[];
  label: string;
  actions?: (v: EnvVar) => ReactNode;
  /** The container's memory limit: a heap asked for above it is flagged beside the variable. */
  memoryLimitMb?: number;
}) {
  if (vars.length === 0) return <EmptyState title="No environment variables set" />;
  return (
    <div className="table-scroll">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th>Name</th>
            <th>Value</th>
            {actions ? <th className="actions-col">Actions</th> : null}
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
                  <>
                    {v.value}
                    {memoryLimitMb !== undefined && heapOverLimit(v.key, v.value, memoryLimitMb) !== null ? (
                      <>
                        {' '}
                        <Badge tone="red">
                          heap {heapOverLimit(v.key, v.value, memoryLimitMb)} MB &gt; memory limit {memoryLimitMb} MB
                        </Badge>
                      </>
                    ) : null}
                  </>
                )}
              </td>
              {actions ? <td className="actions-col">{actions(v)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
