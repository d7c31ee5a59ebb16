import { Link } from 'react-router';
import { BoundedText } from '../../../components/bounded-text';
import { RelativeTime } from '../../../components/relative-time';
import type { Finding } from '../model/rules';

/**
 * One finding: its evidence, linked to where to look. A finding whose cause was superseded (the
 * container has run clean since) reads "resolved 3 min ago" with a green dot until it clears.
 */
export function FindingItem({ finding, href }: { finding: Finding; href: string }) {
  const resolved = finding.resolved_at ?? null;
  return (
    <li className={`finding finding-${resolved ? 'resolved' : finding.severity}`} data-resolved={resolved ? 'true' : undefined}>
      {/* A reason quotes server text (a failure reason, a credential error): a screenful, the rest on demand. */}
      <BoundedText text={finding.reason} size="block" label="finding" render={(text) => <Link to={href}>{text}</Link>} />
      {resolved ? (
        <span className="finding-resolved-note">
          {' '}
          — resolved <RelativeTime iso={resolved} />
        </span>
      ) : null}
    </li>
  );
}
