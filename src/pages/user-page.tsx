import { useParams } from 'react-router';
import { UserGastownSection } from '../features/user-gastown';

export function UserPage() {
  const { userId = '' } = useParams();
  return <UserGastownSection userId={userId} />;
}
