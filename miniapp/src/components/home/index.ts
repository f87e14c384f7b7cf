import './index.scss';

export { ElderHome } from './ElderHome';
export { go } from './go';
export { HelpCard, ThemesCard } from './HomeExtras';
export { HomeSearch } from './HomeSearch';
export { IconGrid } from './IconGrid';
export { MailingPanel } from './MailingPanel';
export { TodoStrip } from './TodoStrip';
export { useHomeTodos } from './useHomeTodos';
export { WeekendPanel } from './WeekendPanel';
