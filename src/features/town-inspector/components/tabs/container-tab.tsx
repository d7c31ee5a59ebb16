import { BoundedText } from '../../../../components/bounded-text';
import { Link } from 'react-router';
import { Badge } from '../../../../components/badge';
import { ErrorState, RefreshFailed } from '../../../../components/error-state';
import { RelativeTime } from '../../../../components/relative-time';
import { EmptyState, Loading } from '../../../../components/states';
import { StatusBadge } from '../../../../components/status-badge';
import { useNow } from '../../../../components/use-now';
import { pluralize } from '../../../../lib/format';
import { paths } from '../../../../lib/paths';
import { DAY_MS, formatDuration } from '../../../../lib/time';
import { useContainer } from '../../api/tabs';
import { countLifecycle, isCrash } from '../../model/container';
import { EnvTable } from '../env-table';
import { CpuChart, MemoryChart } from '../lazy-charts';
import { ContainerActions, EnvVarActions } from '../../../interventions';
import { NotRecorded, useFeedRecorded } from '../../../deployment';

/** The town's container: health, uptime, processes, env, lifecycle and resources. */
export function ContainerTab({ townId }: { townId: string }) {
  const container = useContainer(townId);
  const lifecycleRecorded = useFeedRecorded('container_events');
  const now = useNow();
  if (container.isPending) return <Loading label="Loading the container state" query={container} />;
  if (container.data === undefined) return <ErrorState error={container.error} what="container" onRetry={() => void container.refetch()} />;
  const c = container.data;
  const day = countLifecycle(c.events, now - DAY_MS);
  const hasCpu = c.resources.some((r) => r.cpu_percent !== null);
  return (
    <div className="tab-stack">
      <RefreshFailed query={container} what="container" />
      <section className="panel" aria-label="Container summary">
        <ContainerActions townId={townId} />
        <dl className="facts">
          <div>
            <dt>Status</dt>
            <dd>
              <StatusBadge kind="container" status={c.status} />
            </dd>
          </div>
          <div>
            <dt>Health</dt>
            <dd>
              <StatusBadge kind="containerHealth" status={c.health} />
            </dd>
          </div>
          <div>
            <dt>Uptime</dt>
            <dd>
              {c.started_at && c.status === 'running' ? (
                <span title={c.started_at}>{formatDuration(now - Date.parse(c.started_at))}</span>
              ) : (
                <span className="muted">not running</span>
              )}
            </dd>
          </div>
          <div>
            <dt>Idle (running, no agent dispatched)</dt>
            <dd data-testid="idle-uptime" className={c.idle_since && now - Date.parse(c.idle_since) > 3600_000 ? 'text-yellow' : undefined}>
              {c.idle_since ? (
                <span title={c.idle_since}>{formatDuration(now - Date.parse(c.idle_since))}</span>
              ) : (
                <span className="muted">not idle: an agent is dispatched</span>
              )}
            </dd>
          </div>
          <div>
            <dt>Sleep timeout</dt>
            <dd>{c.sleep_after_minutes} min idle</dd>
          </div>
          <div>
            <dt>Last restart</dt>
            <dd>
              <RelativeTime iso={c.last_restart_at} />
            </dd>
          </div>
          <div>
            <dt>Last 24 h</dt>
            {lifecycleRecorded ? (
              <dd>
                {day.oom > 0 ? <Badge tone="red">{day.oom} OOM</Badge> : null}
                {day.exits > 0 ? <Badge tone="red">{pluralize(day.exits, 'non-zero exit')}</Badge> : null}
                <span className="small">
                  {day.start} starts · {day.sleep} sleeps
                </span>
              </dd>
            ) : (
              <dd className="muted small">lifecycle not recorded by this deployment</dd>
            )}
          </div>
          <div>
            <dt>Memory limit</dt>
            <dd>{c.memory_limit_mb} MB</dd>
          </div>
        </dl>
        <p className="muted small mono">
          image {c.image} · instance {c.instance_id ?? 'none'}
        </p>
      </section>

      <section className="panel" aria-label="Processes">
        <h2>Processes</h2>
        {c.processes.length === 0 ? (
          <EmptyState title="No processes in the container" />
        ) : (
          <div className="table-scroll">
            <table className="table" aria-label="Processes">
              <thead>
                <tr>
                  <th>Agent</th>
                  <th>PID</th>
                  <th>Status</th>
                  <th>Started</th>
                  <th>Exit</th>
                  <th>Memory</th>
                  <th>Command</th>
                </tr>
              </thead>
              <tbody>
                {c.processes.map((p) => (
                  <tr key={p.process_id} className={p.status === 'failed' || p.status === 'exited' ? 'row-troubled' : undefined}>
                    <td>
                      {p.agent_id ? (
                        <Link to={paths.agent.getHref(townId, p.agent_id)}>{p.agent_name ?? p.agent_id.slice(0, 8)}</Link>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td className="mono small">{p.pid ?? '—'}</td>
                    <td>
                      <StatusBadge kind="process" status={p.status} />
                    </td>
                    <td>
                      <RelativeTime iso={p.started_at} />
                    </td>
                    <td className="small">
                      {p.exit_code !== null ? <span className="text-red">code {p.exit_code}</span> : '—'}
                      {p.exited_at ? (
                        <>
                          {' '}
                          · <RelativeTime iso={p.exited_at} />
                        </>
                      ) : null}
                    </td>
                    <td className="num">{p.memory_mb !== null ? `${Math.round(p.memory_mb)} MB` : '—'}</td>
                    <td className="mono small message-cell">
                      <BoundedText text={p.command} label="command" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="two-col">
        <section className="panel" aria-label="Memory">
          <h2>Memory</h2>
          {c.resources.length ? (
            <MemoryChart samples={c.resources} limitMb={c.memory_limit_mb} />
          ) : (
            <EmptyState title="No resource samples reported" />
          )}
        </section>
        <section className="panel" aria-label="CPU">
          <h2>CPU</h2>
          {hasCpu ? <CpuChart samples={c.resources} /> : <EmptyState title="The platform does not report CPU for this container" />}
        </section>
      </div>

      <section className="panel" aria-label="Lifecycle">
        <h2>
          Lifecycle <span className="muted small">newest first</span>
        </h2>
        {!lifecycleRecorded ? (
          <NotRecorded what="Container lifecycle events" />
        ) : c.events.length === 0 ? (
          <EmptyState title="No lifecycle events recorded" />
        ) : (
          <ol className="lifecycle" aria-label="Lifecycle events">
            {c.events.map((e) => (
              <li key={e.id} className={isCrash(e) ? 'lifecycle-crash' : undefined} data-testid="lifecycle-event">
                <RelativeTime iso={e.created_at} />
                <StatusBadge kind="containerEvent" status={e.event_type} />
                {e.exit_code !== null ? <span className="strong">exit code {e.exit_code}</span> : null}
                {e.reason ? <BoundedText text={e.reason} label="reason" /> : null}
                {e.message ? <BoundedText text={e.message} className="muted message-cell" label="message" /> : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="panel" aria-label="Environment">
        <h2>
          Environment variables <span className="muted small">secret values are masked by the server</span>
        </h2>
        <EnvTable
          vars={c.env_vars}
          memoryLimitMb={c.memory_limit_mb}
          label="Container environment variables"
          actions={(v) => <EnvVarActions townId={townId} variable={v} />}
        />
      </section>
    </div>
  );
}
