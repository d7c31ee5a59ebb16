import { DISPATCH_CAP, type DispatchAttempt } from '../../../api';
import { DispatchAttemptsTable } from '../../../components/history-tables';
import { EmptyState } from '../../../components/states';
import { ComparePicker } from '../../compare';
import { NotRecorded, useFeedRecorded } from '../../deployment';

/** Every dispatch against this bead with the container's answer and the error, as text. */
export function DispatchAttempts({
  townId,
  attempts,
  agentNames,
}: {
  townId: string;
  attempts: DispatchAttempt[];
  agentNames: ReadonlyMap<string, string>;
}) {
  const recorded = useFeedRecorded('dispatch_attempts');
  return (
    <section className="panel" aria-labelledby="dispatch-heading">
      <div className="panel-head">
        <h2 id="dispatch-heading">Dispatch attempts</h2>
        <span className="muted small">cap {DISPATCH_CAP}; backoff 2, 2, 5, 10, 30 min</span>
      </div>
      {!recorded ? (
        <NotRecorded what="Dispatch attempts" />
      ) : attempts.length === 0 ? (
        <EmptyState title="No dispatch attempts against this bead" />
      ) : (
        <>
          <DispatchAttemptsTable townId={townId} attempts={attempts} agents={agentNames} label="Dispatch attempts against this bead" />
          <ComparePicker
            townId={townId}
            kind="attempt"
            options={attempts.map((a) => ({
              id: a.id,
              label: `Attempt ${a.attempt_number} · ${a.outcome}${a.agent_id ? ` · ${agentNames.get(a.agent_id) ?? 'agent'}` : ''}`,
            }))}
          />
        </>
      )}
    </section>
  );
}
