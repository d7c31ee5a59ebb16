import { clipLine } from '../../../lib/bounded-text';
import type { Rig, TownSummary } from '../../../api';
import { Badge } from '../../../components/badge';
import { RelativeTime } from '../../../components/relative-time';
import { StatusBadge } from '../../../components/status-badge';
import { repoWebUrl } from '../../../lib/urls';

export function RigsTable({ rigs, towns }: { rigs: Rig[]; towns: TownSummary[] }) {
  const townName = new Map(towns.map((t) => [t.id, clipLine(t.name)]));
  return (
    <div className="table-scroll">
      <table className="table" aria-label="Rigs">
        <thead>
          <tr>
            <th>Rig</th>
            <th>Repository</th>
            <th>Town</th>
            <th>Branch</th>
            <th>Integration</th>
            <th>Linked</th>
          </tr>
        </thead>
        <tbody>
          {rigs.map((rig) => {
            const web = repoWebUrl(rig.git_url);
            return (
              <tr key={rig.id}>
                <td className="strong">{clipLine(rig.name)}</td>
                <td className="mono small">
                  {web ? (
                    <a href={web} target="_blank" rel="noopener noreferrer">
                      {rig.git_url}
                    </a>
                  ) : (
                    rig.git_url
                  )}
                </td>
                <td>{townName.get(rig.town_id) ?? <span className="muted">{rig.town_id.slice(0, 8)}</span>}</td>
                <td className="mono small">{rig.default_branch}</td>
                <td>
                  {rig.integration ? (
                    <>
                      <StatusBadge kind="integration" status={rig.integration.status} />{' '}
                      <span className="small">
                        {rig.integration.provider} · {rig.integration.account}
                      </span>
                    </>
                  ) : (
                    <Badge tone="yellow">not linked</Badge>
                  )}
                </td>
                <td>
                  <RelativeTime iso={rig.integration?.linked_at ?? null} fallback="—" />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
