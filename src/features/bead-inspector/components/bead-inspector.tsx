import { Link } from 'react-router';
import { Badge } from '../../../components/badge';
import { CopyId } from '../../../components/copy-id';
import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { RelativeTime } from '../../../components/relative-time';
import { Loading } from '../../../components/states';
import { paths } from '../../../lib/paths';
import { useBead } from '../api/bead';

/** The single-bead deep dive. */
export function BeadInspector({ townId, beadId }: { townId: string; beadId: string }) {
  const bead = useBead(townId, beadId);
  if (bead.isPending) return <Loading label="Loading bead" />;
  if (bead.isError) return <ErrorState error={bead.error} what={`bead ${beadId}`} onRetry={() => void bead.refetch()} />;
  const { bead: b, hooked_agent } = bead.data;
  return (
    <div className="page">
      <PageHeader eyebrow={<Link to={paths.town(townId, 'state')}>← town beads</Link>} title={b.title}>
        <Badge tone={b.status === 'failed' ? 'red' : b.status === 'closed' ? 'muted' : 'blue'}>{b.status}</Badge>
        <span>{b.type}</span>
        <span>priority {b.priority}</span>
        <CopyId id={b.id} label="bead id" />
        <span className="muted">
          updated <RelativeTime iso={b.updated_at} />
        </span>
        {hooked_agent ? (
          <span>
            hooked: <Link to={paths.agent(townId, hooked_agent.id)}>{hooked_agent.name}</Link> ({hooked_agent.status})
          </span>
        ) : null}
      </PageHeader>
      <section className="panel">
        <h2>Body</h2>
        <pre className="text-block">{b.body}</pre>
      </section>
    </div>
  );
}
