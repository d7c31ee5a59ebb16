import { Dialog } from 'radix-ui';
import { Loading } from '../components/states';
import type { WaitingQuery } from '../components/waiting';
import { SignInForm } from './sign-in';

/**
 * The standalone panel's "session expired" prompt: a sign-in card over the page the admin was on, so
 * the page, its scroll position and any unsaved draft (an intervention's reason, a filter being typed)
 * stay as they were. It cannot be dismissed: nothing under it can be loaded until a fresh token comes.
 * A modal Radix dialog, so it layers over an open intervention dialog without closing it.
 */
export function SessionExpiredPrompt({ message, checking }: { message: string; checking: WaitingQuery | null }) {
  return (
    <Dialog.Root open>
      <Dialog.Portal>
        <Dialog.Overlay className="session-overlay" />
        <Dialog.Content
          className="session-expired"
          aria-describedby={undefined}
          onEscapeKeyDown={(e) => e.preventDefault()}
          onPointerDownOutside={(e) => e.preventDefault()}
          onInteractOutside={(e) => e.preventDefault()}
        >
          <SignInForm
            expired
            message={message}
            // A check that hangs says so after a while, with Cancel and Retry (the prompt cannot be closed).
            status={checking ? <Loading label="Checking the new token" query={checking} /> : undefined}
            heading={
              <Dialog.Title asChild>
                <h1>Your admin session has expired</h1>
              </Dialog.Title>
            }
          />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
