export * from './priceTable';
export * from './sizing';
export * from './estimateMonthlyCost';
export * from './formatCostEstimate';
