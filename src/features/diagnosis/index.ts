/** Health rules: evidence → finding → where to look. */
export { diagnoseTown, RULES } from './model/rules';
export type { Diagnosis, Finding, Health, Rule, RuleId, Severity } from './model/rules';
export { HealthBadge } from './components/health-badge';
export { FindingItem } from './components/finding-item';
