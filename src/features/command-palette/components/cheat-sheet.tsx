import { useDialogFocus } from '../../../components/dialog-focus';
import { Dialog } from 'radix-ui';
import { usePortalContainer } from '../../../components/portal-container';
import { KEY_HELP } from '../model/keys';

/** `?`: every key of the panel in one table. Letter keys never fire while typing in a field. */
export function CheatSheet({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const container = usePortalContainer();
  const focus = useDialogFocus();
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal container={container}>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog cheat-sheet" aria-describedby="cheat-sheet-note" {...focus.props}>
          <div className="dialog-body">
            <Dialog.Title className="dialog-title">Keyboard shortcuts</Dialog.Title>
            <p id="cheat-sheet-note" className="small muted">
              Letter keys never fire while you type in a field. <kbd className="kbd">g</kbd> waits 1.5 s for its letter; town tabs need a
              town on screen.
            </p>
            <table className="table" aria-label="Keyboard shortcuts">
              <tbody>
                {KEY_HELP.map((row) => (
                  <tr key={row.does}>
                    <td className="cheat-keys">
                      {row.keys.map((k) => (
                        <kbd key={k} className="kbd">
                          {k}
                        </kbd>
                      ))}
                    </td>
                    <td>{row.does}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="dialog-actions">
              <Dialog.Close className="button">Close</Dialog.Close>
            </div>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
