/** Saved views (issue 15): a view's filters under a name, per admin, beside each filterable view's filters. */
export { SavedViewsBar, type SavedViewsBarProps } from './components/saved-views-bar';
