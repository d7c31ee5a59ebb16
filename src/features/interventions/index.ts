/** Interventions: one typed mechanism (dry run, reason, idempotency key, If-Match, verified result) for every admin action. */
export { ActionButton, ActionBar, type ActionBarItem, type ActionButtonProps } from './components/action-button';
export { ActionDialogHost, useActionDialog } from './components/action-dialog-host';
export { type ActionDialogRequest } from './components/action-dialog';
export { useMountedActions, type MountedAction } from './components/mounted-actions';
export { ACTION_META, ACTIONS_FOR, type FieldSpec } from './model/registry';
export {
  BeadActions,
  ReviewActions,
  AgentActions,
  ContainerActions,
  RigCredentialActions,
  ReviewQueueActions,
  EnvVarActions,
} from './components/target-actions';
export { TownConfigEditor, RigConfigEditor } from './components/config-editors';
export { BulkBeadsButton, BulkFilterButton, BulkSelectedButton, ReadyBatchButton } from './components/bulk-dialog';
