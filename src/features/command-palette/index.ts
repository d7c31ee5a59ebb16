/** Command palette (Ctrl/⌘-K) and the panel's keys (`/`, `g` + letter, `j`/`k`, `?`), with their cheat sheet. */
export { OperatorKeys, PaletteButton } from './components/operator-keys';
