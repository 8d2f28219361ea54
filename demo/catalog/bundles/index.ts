// Every demo bundle (一件事).
import type { BundleDefinition } from '../../../src/contracts/catalog.ts';

export const DEMO_BUNDLES: BundleDefinition[] = [];
