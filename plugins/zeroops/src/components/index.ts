export { EnvironmentsCard } from './EnvironmentsCard/EnvironmentsCard';
export { CostCard } from './CostCard/CostCard';
export { ZeroOpsContent } from './ZeroOpsContent/ZeroOpsContent';
export { OverviewPage } from './OverviewPage/OverviewPage';
export { DeliveryCard } from './DeliveryCard/DeliveryCard';
export { DoraCard } from './DoraCard/DoraCard';
