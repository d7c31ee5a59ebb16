/**
 * What the deployment the panel talks to records and supports (`GET /capabilities`): hooks that say
 * whether a feed is recorded or an action supported, and the "not recorded by this deployment" notice.
 */
export { capabilitiesQuery, useActionsUnsupported, useActionUnsupported, useFeedRecorded, useFeedRetention } from './api/capabilities';
export { CapabilitiesUnread } from './components/capabilities-unread';
export { NotRecorded } from './components/not-recorded';
