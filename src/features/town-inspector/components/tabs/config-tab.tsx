import { clipLine } from '../../../../lib/bounded-text';
import { BoundedText } from '../../../../components/bounded-text';
import type { TownConfigResponse } from '../../../../api';
import { Badge } from '../../../../components/badge';
import { ErrorState, RefreshFailed } from '../../../../components/error-state';
import { InvalidRows } from '../../../../components/invalid-rows';
import { GitOperationsTable } from '../../../../components/history-tables';
import { RelativeTime } from '../../../../components/relative-time';
import { EmptyState, Loading } from '../../../../components/states';
import { StatusBadge } from '../../../../components/status-badge';
import { shortId } from '../../../../lib/format';
import { useAgents, useTownConfig } from '../../api/tabs';
import { repoWebUrl } from '../../../../lib/urls';
import { EnvTable } from '../env-table';
import { RigCredentialActions, RigConfigEditor, TownConfigEditor } from '../../../interventions';
import { NotRecorded, useFeedRecorded } from '../../../deployment';

function TownSettings({ townId, config }: { townId: string; config: TownConfigResponse['config'] }) {
  const roles = (['mayor', 'refinery', 'polecat'] as const).filter((r) => config.role_models[r] || config.custom_instructions[r]);
  return (
    <section className="panel" aria-label="Town config">
      <div className="panel-head">
        <h2>Town config</h2>
        <span className="muted small">
          {config.version === null ? null : `version ${config.version} · `}updated <RelativeTime iso={config.updated_at} />
        </span>
        <span className="spacer" />
        <TownConfigEditor townId={townId} config={config} />
      </div>
      <dl className="facts">
        <div>
          <dt>Default model</dt>
          <dd className="mono small">{config.default_model}</dd>
        </div>
        <div>
          <dt>Small model</dt>
          <dd className="mono small">{config.small_model}</dd>
        </div>
        <div>
          <dt>Max polecats per rig</dt>
          <dd>{config.max_polecats_per_rig}</dd>
        </div>
        <div>
          <dt>Merge strategy</dt>
          <dd>{config.merge_strategy === 'pr' ? 'pull request' : 'direct merge'}</dd>
        </div>
        <div>
          <dt>Sleep after</dt>
          <dd>{config.container.sleep_after_minutes} min</dd>
        </div>
        <div>
          <dt>Git auth</dt>
          <dd className="small">
            {config.git_auth.provider} ·{' '}
            {config.git_auth.mode === 'integration' ? `integration ${config.git_auth.platform_integration_id ?? '(none)'}` : 'manual token'}
            {config.git_auth.token_set ? <Badge tone="muted">token stored</Badge> : null}
          </dd>
        </div>
        <div>
          <dt>Refinery</dt>
          <dd className="small">
            review {config.refinery.review_mode} · auto-merge {config.refinery.auto_merge ? 'on' : 'off'} · clean merge{' '}
            {config.refinery.require_clean_merge ? 'required' : 'optional'} · code review {config.refinery.code_review ? 'on' : 'off'}
            {config.refinery.gates.length ? <> · gates {config.refinery.gates.join(', ')}</> : null}
          </dd>
        </div>
        <div>
          <dt>Alarm intervals</dt>
          <dd className="small">
            {Object.entries(config.alarm_intervals)
              .map(([k, v]) => `${k} ${v}s`)
              .join(' · ') || '—'}
          </dd>
        </div>
      </dl>
      {roles.length ? (
        <details>
          <summary>Role models and custom instructions ({roles.length})</summary>
          {roles.map((r) => (
            <div key={r} className="role-block">
              <div className="strong">
                {r} {config.role_models[r] ? <span className="mono small muted">{config.role_models[r]}</span> : null}
              </div>
              {config.custom_instructions[r] ? (
                <BoundedText text={config.custom_instructions[r]} size="block" pre label="instructions" />
              ) : null}
            </div>
          ))}
        </details>
      ) : null}
      <h3 className="subhead">Environment variables</h3>
      <EnvTable vars={config.env_vars} label="Town environment variables" />
    </section>
  );
}

/** Town and rig config, integrations, credential state and git failures across agents. */
export function ConfigTab({ townId }: { townId: string }) {
  const config = useTownConfig(townId);
  const agents = useAgents(townId);
  const gitRecorded = useFeedRecorded('git_operations');
  const credentialsRecorded = useFeedRecorded('credential_events');
  if (config.isPending) return <Loading label="Loading the town config" query={config} />;
  if (config.data === undefined) return <ErrorState error={config.error} what="config" onRetry={() => void config.refetch()} />;
  const { rigs, credentials, credential_events, git_failures } = config.data;
  const agentName = new Map((agents.data?.items ?? []).map((a) => [a.id, clipLine(a.name)]));
  const rigName = new Map(rigs.map((r) => [r.rig.id, clipLine(r.rig.name)]));
  return (
    <div className="tab-stack">
      <RefreshFailed query={config} what="config" />
      <InvalidRows rows={config.data.invalid_rows} noun="config row" />
      <section className="panel" aria-label="Credentials">
        <h2>Credentials</h2>
        {credentials.length === 0 ? (
          <EmptyState title="No credentials resolved for this town" />
        ) : (
          <div className="table-scroll">
            <table className="table" aria-label="Credential status">
              <thead>
                <tr>
                  <th>Rig</th>
                  <th>Source</th>
                  <th>Status</th>
                  <th>Last resolved</th>
                  <th>Token expires</th>
                  <th>Verification</th>
                  <th>Last error</th>
                  <th className="actions-col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {credentials.map((c) => (
                  <tr key={c.rig_id} className={c.status !== 'valid' ? 'row-troubled' : undefined} data-testid="credential-row">
                    <td className="strong">{c.rig_name}</td>
                    <td className="small">
                      {c.source === 'integration' ? (
                        <>
                          integration <code>{c.integration_id ?? '—'}</code>
                        </>
                      ) : (
                        'manual token'
                      )}
                    </td>
                    <td>
                      <StatusBadge kind="credential" status={c.status} />
                    </td>
                    <td>
                      <RelativeTime iso={c.last_resolved_at} />
                    </td>
                    <td>
                      <RelativeTime iso={c.token_expires_at} fallback="—" />
                    </td>
                    <td>
                      {c.verification ? <StatusBadge kind="verification" status={c.verification} /> : <span className="muted">—</span>}
                      {c.last_verified_at ? (
                        <span className="muted small">
                          {' '}
                          <RelativeTime iso={c.last_verified_at} />
                        </span>
                      ) : null}
                    </td>
                    <td className="message-cell small">
                      {c.last_error ? <BoundedText text={c.last_error} label="error" /> : <span className="muted">—</span>}
                    </td>
                    <td className="actions-col">
                      <RigCredentialActions
                        townId={townId}
                        rigId={c.rig_id}
                        version={rigs.find((r) => r.rig.id === c.rig_id)?.version ?? 1}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {!credentialsRecorded ? (
          <NotRecorded what="Credential resolutions" />
        ) : credential_events.length ? (
          <details>
            <summary>Recent credential resolutions ({credential_events.length})</summary>
            <ul className="plain-list small">
              {credential_events.slice(0, 30).map((e) => (
                <li key={e.id}>
                  <RelativeTime iso={e.created_at} /> · {rigName.get(e.rig_id) ?? shortId(e.rig_id)} · {e.kind}{' '}
                  <StatusBadge kind="credentialEvent" status={e.outcome} />
                  {e.error ? (
                    <span className="message-cell">
                      {' '}
                      <BoundedText text={e.error} label="error" />
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <section className="panel" aria-label="Git failures">
        <h2>
          Git push/pull failures <span className="muted small">across agents, newest first</span>
        </h2>
        {!gitRecorded ? (
          <NotRecorded what="Git operations" />
        ) : git_failures.length === 0 ? (
          <EmptyState title="No failed git operations" />
        ) : (
          <GitOperationsTable townId={townId} operations={git_failures} agents={agentName} beads label="Git failures" />
        )}
      </section>

      <section className="panel" aria-label="Rigs">
        <h2>Rigs and integrations</h2>
        <div className="table-scroll">
          <table className="table" aria-label="Rig configs">
            <thead>
              <tr>
                <th>Rig</th>
                <th>Repository</th>
                <th>Branch</th>
                <th>Integration</th>
                <th>Max polecats</th>
                <th>Model override</th>
                <th>Instructions</th>
              </tr>
            </thead>
            <tbody>
              {rigs.map(({ rig, max_polecats, model_override, custom_instructions }) => {
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
                    <td className="mono small">{rig.default_branch}</td>
                    <td>
                      {rig.integration ? (
                        <>
                          <StatusBadge kind="integration" status={rig.integration.status} />{' '}
                          <span className="small">
                            {rig.integration.provider} · {rig.integration.account} · <code>{rig.integration.id}</code>
                          </span>
                        </>
                      ) : (
                        <Badge tone="yellow">not linked</Badge>
                      )}
                    </td>
                    <td className="num">{max_polecats ?? <span className="muted">town default</span>}</td>
                    <td className="mono small">{model_override ?? <span className="muted">—</span>}</td>
                    <td className="message-cell small">
                      {custom_instructions ? (
                        <BoundedText text={custom_instructions} label="instructions" />
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <details>
          <summary>Edit a rig's config</summary>
          {rigs.map((r) => (
            <div key={r.rig.id} className="role-block">
              <div className="strong">{clipLine(r.rig.name)}</div>
              <RigConfigEditor townId={townId} rig={r} />
            </div>
          ))}
        </details>
      </section>

      <TownSettings townId={townId} config={config.data.config} />
    </div>
  );
}
