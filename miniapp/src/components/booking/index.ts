import './index.scss';

export { ItemRow } from './ItemRow';
export { MaterialList } from './MaterialList';
export { RefusalNotice } from './RefusalNotice';
export { SlotGrid } from './SlotGrid';
export { StandingNotice } from './StandingNotice';
export { WeekView } from './WeekView';
export { Fact } from './Fact';
export { Ticket } from './Ticket';
