import type { ValueLevel } from '@rolemap/domain';

/** Activities the demo's HR adds to its copy of the starter dictionary before surveying a department. */
export interface DemoDictionaryAddition {
  /** The starter function it goes under (its code). */
  functionKey: string;
  process: string;
  activities: readonly { label: string; valueLevel: ValueLevel }[];
}

/**
 * The starter dictionary is generic; a robot maker's shop floor is not. Before the demo's survey of
 * Operations, HR adds the factory's own work, as a real HR team would before a campaign, so most
 * answers land on dictionary activities and only the unusual ones are written in.
 */
export const DEMO_DICTIONARY_ADDITIONS: readonly DemoDictionaryAddition[] = [
  {
    functionKey: 'OPS',
    process: 'Manufacturing',
    activities: [
      { label: 'Assemble drive units and robot subassemblies', valueLevel: 'IMPLEMENTATION' },
      { label: 'Install and check wiring harnesses', valueLevel: 'IMPLEMENTATION' },
      { label: 'Run end-of-line tests on finished robots', valueLevel: 'IMPLEMENTATION' },
      { label: 'Perform quality checks on finished units', valueLevel: 'IMPLEMENTATION' },
      { label: 'Repair units that fail final test', valueLevel: 'IMPLEMENTATION' },
      { label: 'Record test results and defects in the quality system', valueLevel: 'IMPLEMENTATION' },
      { label: 'Assign technicians to workstations and shifts', valueLevel: 'UNIFICATION' },
      { label: 'Run the shift handover meeting', valueLevel: 'UNIFICATION' },
      { label: 'Coordinate retests and rework with assembly', valueLevel: 'UNIFICATION' },
      { label: 'Balance production capacity across lines', valueLevel: 'UNIFICATION' },
      { label: 'Report shift output, yield and defects', valueLevel: 'COMMUNICATION' },
      { label: 'Train new technicians on the line', valueLevel: 'LEADERSHIP' },
    ],
  },
  {
    functionKey: 'OPS',
    process: 'Purchasing and supply',
    activities: [
      { label: 'Place purchase orders for parts with suppliers', valueLevel: 'IMPLEMENTATION' },
      { label: 'Chase late deliveries of parts', valueLevel: 'IMPLEMENTATION' },
      { label: 'Compare supplier quotes', valueLevel: 'IMPLEMENTATION' },
      { label: 'Calculate safety stock levels', valueLevel: 'IMPLEMENTATION' },
      { label: 'Coordinate parts supply and delivery schedules with production', valueLevel: 'UNIFICATION' },
      { label: 'Report supplier performance', valueLevel: 'COMMUNICATION' },
    ],
  },
];
