import type { ActionName, ActionResult, ActionTarget } from '../../../api';
import { ACTION_META, type FieldSpec } from '../model/registry';
import { useActionDialog } from './action-dialog-host';
import { useRegisterActions } from './mounted-actions';
import { useActionUnsupported } from '../../deployment';

export interface ActionButtonProps {
  townId: string;
  action: ActionName;
  target: ActionTarget;
  version: number | null;
  params?: Record<string, unknown>;
  fields?: FieldSpec[];
  toParams?: (values: Record<string, unknown>) => Record<string, unknown>;
  onSuccess?: (result: ActionResult) => void;
  label?: string;
  small?: boolean;
  disabled?: boolean;
  title?: string;
}

/**
 * A button that opens the intervention dialog for one action on one target. The dialog lives in the
 * `ActionDialogHost`, so it outlives this button when the action's result re-renders the button away.
 */
export function ActionButton({ label, small = true, disabled, title, ...dialog }: ActionButtonProps) {
  const open = useActionDialog(dialog);
  const meta = ACTION_META[dialog.action];
  // An action the deployment does not have stays visible, disabled, saying why.
  const unsupported = useActionUnsupported(dialog.action);
  return (
    <button
      type="button"
      className={`button ${small ? 'button-small' : ''} ${meta.danger ? 'button-danger-outline' : ''}`}
      onClick={() => open()}
      disabled={disabled || unsupported !== null}
      title={unsupported ? `${meta.label}: ${unsupported}` : (title ?? meta.description)}
    >
      {label ?? meta.label}
    </button>
  );
}

export interface ActionBarItem {
  action: ActionName;
  label?: string;
  params?: Record<string, unknown>;
  fields?: FieldSpec[];
  toParams?: (values: Record<string, unknown>) => Record<string, unknown>;
  disabled?: boolean;
  title?: string;
}

/** The admin actions for one target, side by side. */
export function ActionBar({
  townId,
  target,
  version,
  items,
}: {
  townId: string;
  target: ActionTarget;
  version: number | null;
  items: ActionBarItem[];
}) {
  useRegisterActions(
    items.map(({ label, disabled, title, ...item }) => ({
      label: label ?? ACTION_META[item.action].label,
      request: { townId, target, version, ...item },
      disabled: Boolean(disabled),
      title,
    })),
  );
  return (
    <div className="action-bar" role="group" aria-label="Admin actions">
      {items.map((item) => (
        <ActionButton key={item.action} townId={townId} target={target} version={version} {...item} />
      ))}
    </div>
  );
}
