// Every demo bundle (一件事): residents' life events, then enterprises' lifecycle events.
import type { BundleDefinition } from '../../../src/contracts/catalog.ts';
import { ENTERPRISE_BUNDLES } from './enterprise.ts';
import { RESIDENT_BUNDLES } from './resident.ts';

export const DEMO_BUNDLES: BundleDefinition[] = [...RESIDENT_BUNDLES, ...ENTERPRISE_BUNDLES];
