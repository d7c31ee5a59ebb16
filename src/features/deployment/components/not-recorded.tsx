import { NOT_RECORDED } from '../../../api';

/**
 * In place of a list whose feed this deployment does not record: says so, instead of an empty list
 * that would read as "nothing happened".
 */
export function NotRecorded({ what }: { what: string }) {
  return (
    <div className="state state-empty not-recorded" data-testid="not-recorded">
      <strong>
        {what}: {NOT_RECORDED}
      </strong>
      <div className="muted">Production does not keep this history yet, so there is nothing to show here — not “none”.</div>
    </div>
  );
}
