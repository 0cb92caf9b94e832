// Quirk proofs, shard 3 of SHARDS (test/helpers/quirk-proofs.ts deals the rows).
import { describeQuirkProofs } from '../helpers/quirk-proofs.js';

describeQuirkProofs(3);
