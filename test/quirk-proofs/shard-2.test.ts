// Quirk proofs, shard 2 of SHARDS (test/helpers/quirk-proofs.ts deals the rows).
import { describeQuirkProofs } from '../helpers/quirk-proofs.js';

describeQuirkProofs(2);
