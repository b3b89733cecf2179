export {
  generateDemoOrg,
  demoIntendedValueLevel,
  DEMO_CAST,
  DEFAULT_DEMO_AS_OF,
  type DemoOrg,
  type DemoOrgOptions,
} from './demo-org';
export { DEMO_ORG_NAME, type DemoCastKey } from './demo-org-blueprint';
export { generateSyntheticOrg, type SyntheticOrg, type SyntheticOrgOptions } from './synthetic-org';
export { csvField, peopleCsv, responsibilitiesCsv, writePeopleCsv, writeResponsibilitiesCsv } from './csv';
export { RESPONSIBILITY_VOCABULARY, type VocabularyItem } from './responsibility-vocabulary';
export { locateRealDatasets, realDatasetsDir, type RealDatasets } from './real-datasets';
export { DEMO_DICTIONARY_ADDITIONS, type DemoDictionaryAddition } from './demo-dictionary';
