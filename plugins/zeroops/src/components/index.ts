export { EnvironmentsCard } from './EnvironmentsCard/EnvironmentsCard';
export { CostCard } from './CostCard/CostCard';
export { ZeroOpsContent } from './ZeroOpsContent/ZeroOpsContent';
export { OverviewPage } from './OverviewPage/OverviewPage';
