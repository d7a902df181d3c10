import { RESOURCE_IDS } from '@/lib/resources/registry';
import { SUITES } from './suites';
import { tableSuite } from './table-suite';

for (const resource of RESOURCE_IDS) tableSuite(resource, SUITES[resource]);
