import { Dialog } from 'radix-ui';
import { Link } from 'react-router';
import type { ActionName, ActionResult } from '../../../api';
import { paths } from '../../../lib/paths';
import { ACTION_META } from '../model/registry';
import { Warnings } from './effect-preview';
import { RecoveryWatchPanel } from './recovery-watch';

export interface VerifiedResultProps {
  townId: string;
  action: ActionName;
  result: ActionResult;
  /** What a re-read of the target says it is now. */
  text: string;
  onClose: () => void;
}

/** The dialog after success: the verified new state, the audit entry, and a way onward. */
export function VerifiedResult({ townId, action, result, text, onClose }: VerifiedResultProps) {
  const entry = result.audit_entry;
  const deleted = action === 'agent.delete' ? 'agents' : action === 'bead.delete' ? 'beads' : null;
  // The audit's outcome decides the words and the colour: an action that ran but failed never reads green.
  const failed = entry?.outcome === 'failure';
  return (
    <div className="dialog-body">
      <Dialog.Title className="dialog-title">
        {ACTION_META[action].label}: {failed ? 'failed' : 'done'}
      </Dialog.Title>
      {failed ? (
        <div className="verified verified-failed" role="status" data-outcome="failure">
          <strong>Failed:</strong> {entry.error ?? result.effect.summary} <strong>Now:</strong> {text}
        </div>
      ) : (
        <div className="verified" role="status" data-outcome="success">
          <strong>Verified:</strong> {text}
        </div>
      )}
      <Warnings warnings={result.effect.warnings} />
      {entry ? <RecoveryWatchPanel townId={townId} auditId={entry.id} /> : null}
      {entry ? (
        <p className="muted small">
          Recorded as audit entry #{entry.seq} ({entry.outcome}) —{' '}
          <Link to={paths.town.getHref(townId, 'audit')} onClick={onClose}>
            open the audit log
          </Link>
        </p>
      ) : null}
      <div className="dialog-actions">
        {deleted ? (
          // The target's page has nothing left to show: offer the town's list instead.
          <Link className="button" to={paths.town.getHref(townId, deleted === 'agents' ? 'agents' : 'state')} onClick={onClose}>
            Go to the town’s {deleted}
          </Link>
        ) : null}
        <Dialog.Close className="button button-primary">Done</Dialog.Close>
      </div>
    </div>
  );
}
