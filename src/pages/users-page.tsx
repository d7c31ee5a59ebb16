import { PageHeader } from '../components/page-header';
import { UserSearch } from '../features/user-gastown';

export function UsersPage() {
  return (
    <div className="page page-narrow">
      <PageHeader title="Users" eyebrow="Gastown Admin" />
      <UserSearch />
    </div>
  );
}
