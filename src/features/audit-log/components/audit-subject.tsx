import { Link } from 'react-router';
import type { AuditNamed, AuditRow } from '../../../api';
import { CopyId } from '../../../components/copy-id';
import { paths } from '../../../lib/paths';

/** "agent Toast [id]": the name links to the thing, the short id beside it copies the whole id. */
function Named({ what, named, href }: { what: string; named: AuditNamed; href: string }) {
  return (
    <span className="audit-named">
      <span className="muted small">{what}</span>{' '}
      {named.gone ? (
        // Nothing to link to: the name it had (when the panel deleted it) and the plain fact that it is gone.
        <span className="muted" title="No longer in the town: the log keeps its id">
          {named.name ?? 'name not kept'}, deleted
        </span>
      ) : (
        <Link to={href}>{named.name ?? '(unnamed)'}</Link>
      )}{' '}
      <CopyId id={named.id} label={`${what} id`} />
    </span>
  );
}

const beadWord = (kind: AuditRow['target']['kind']) => (kind === 'review' ? 'MR' : kind === 'convoy' ? 'convoy' : 'bead');

/**
 * What an entry is about, in the town's words: the bead (or MR, convoy) and who worked it, the agent,
 * the rig, and the bead a convoy gained or lost — each by name with its id copyable beside it.
 */
export function AuditSubject({ e }: { e: AuditRow }) {
  const { names, town_id: town, target } = e;
  const parts: React.ReactNode[] = [];
  if (names.bead)
    parts.push(<Named key="bead" what={beadWord(target.kind)} named={names.bead} href={paths.bead.getHref(town, names.bead.id)} />);
  if (names.agent)
    parts.push(
      <Named key="agent" what={names.bead ? 'worked by' : 'agent'} named={names.agent} href={paths.agent.getHref(town, names.agent.id)} />,
    );
  if (names.tracked_bead)
    parts.push(
      <Named
        key="tracked"
        what={e.action === 'convoy.remove_tracked' ? 'untracked' : 'tracked'}
        named={names.tracked_bead}
        href={paths.bead.getHref(town, names.tracked_bead.id)}
      />,
    );
  if (names.rig) parts.push(<Named key="rig" what="rig" named={names.rig} href={paths.town.getHref(town, 'config')} />);
  if (!parts.length)
    parts.push(
      <span key="target" className="audit-named">
        <span className="muted small">{target.kind}</span> <CopyId id={target.id} label={`${target.kind} id`} />
      </span>,
    );
  return <div className="audit-subject">{parts}</div>;
}

/** The town by name with its id copyable (the cross-town log). */
export function AuditTown({ e }: { e: AuditRow }) {
  return (
    <span className="audit-named">
      <Link to={paths.town.getHref(e.town_id, 'audit')}>{e.names.town ?? '(unnamed town)'}</Link> <CopyId id={e.town_id} label="town id" />
    </span>
  );
}
