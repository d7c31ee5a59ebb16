import { NavLink, Outlet, ScrollRestoration } from 'react-router';
import { clearSession, type User } from '../api';
import { OperatorKeys, PaletteButton } from '../features/command-palette';
import { CapabilitiesUnread } from '../features/deployment';
import { ActionDialogHost } from '../features/interventions';
import { paths } from '../lib/paths';
import { useEmbedHost } from './embed/embed-host';
import { useRouteFocus } from './use-route-focus';

/** The frame around every page: product name, main navigation, the signed-in admin. */
export function Shell({ admin }: { admin: User }) {
  // Embedded, the dashboard owns the session: signing out happens there.
  const embedded = useEmbedHost() !== null;
  useRouteFocus();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to={paths.users.getHref()} className="brand">
          Gastown Admin
        </NavLink>
        <nav aria-label="Main" className="topnav">
          <NavLink to={paths.users.getHref()}>Users</NavLink>
          <NavLink to={paths.audit.getHref()}>Intervention log</NavLink>
        </nav>
        <span className="spacer" />
        <PaletteButton />
        <span className="admin-who" title={admin.id}>
          {admin.email}
        </span>
        {embedded ? null : (
          <button type="button" className="button button-small button-ghost" onClick={() => clearSession()}>
            Sign out
          </button>
        )}
      </header>
      <main id="main" className="main">
        <CapabilitiesUnread />
        {/* Above every page, so an intervention's result outlives the view its refetch changes. */}
        <ActionDialogHost>
          <Outlet />
          <OperatorKeys />
        </ActionDialogHost>
      </main>
      <ScrollRestoration />
    </div>
  );
}
