// The SSZ reference Keeper's tests compare against: @lodestar/types' consensus types on @chainsafe/ssz.
// Reads a JSON array of jobs on stdin, each {fork, type, file, gindices?, validatorSample?}: `file` holds the SSZ bytes
// of `type` (a name in @lodestar/types' ssz.<fork>, such as BeaconState or Validator), `gindices` are generalized
// indices as decimal strings. Prints a JSON array of {root, proofs: {gindex: {leaf, witnesses}}, millis}, hex with 0x,
// witnesses in order from the leaf's sibling up to the root's child.
// For a BeaconState, `validatorSample: n` also proves n validators spread evenly over the registry and reports the
// time of each step and the process's peak resident memory (the benchmark in bench/ compares Keeper with this).
import {readFileSync} from "node:fs";
import {createProof, ProofType, setHasher} from "@chainsafe/persistent-merkle-tree";
import {hasher as hashtree} from "@chainsafe/persistent-merkle-tree/hasher/hashtree";

// Hash as a Lodestar beacon node does: the native hashtree library (SHA-NI), set before any type is built.
setHasher(hashtree);
const {ssz} = await import("@lodestar/types");

const hex = (bytes) => "0x" + Buffer.from(bytes).toString("hex");

function run(job) {
  const types = ssz[job.fork];
  if (!types) {
    throw new Error(`unknown fork '${job.fork}'`);
  }
  const type = types[job.type];
  if (!type) {
    throw new Error(`fork ${job.fork} has no type '${job.type}'`);
  }
  const bytes = readFileSync(job.file);
  const started = process.hrtime.bigint();
  const view = type.deserializeToViewDU(bytes);
  const deserializeMillis = Number(process.hrtime.bigint() - started) / 1e6;
  const root = view.hashTreeRoot();
  const hashMillis = Number(process.hrtime.bigint() - started) / 1e6 - deserializeMillis;
  const proofs = {};
  for (const g of job.gindices ?? []) {
    const proof = createProof(view.node, {type: ProofType.single, gindex: BigInt(g)});
    proofs[g] = {leaf: hex(proof.leaf), witnesses: proof.witnesses.map(hex)};
  }
  const millis = Number(process.hrtime.bigint() - started) / 1e6;
  const result = {root: hex(root), proofs, millis, deserializeMillis, hashMillis};
  if (job.validatorSample) {
    result.sample = proveValidators(view, job.validatorSample);
  }
  return result;
}

// The same steps Keeper's benchmark times: a view of the state (deserialize), its root (hash), then single proofs of
// validators[i] (BeaconState field 11, list data at 2, 2^40 leaves).
function proveValidators(view, sample) {
  const count = view.validators.length;
  const step = Math.max(1, Math.floor(count / sample));
  const validatorsNode = (64n + 11n) * 2n;
  const started = process.hrtime.bigint();
  let proved = 0;
  let checksum = 0;
  let first = null;
  for (let i = 0; i < count && proved < sample; i += step) {
    const gindex = validatorsNode * (1n << 40n) + BigInt(i);
    const proof = createProof(view.node, {type: ProofType.single, gindex});
    checksum = (checksum + proof.witnesses[0][0]) % 1000003;
    if (first === null) {
      first = {index: i, witnesses: proof.witnesses.map(hex)};
    }
    proved++;
  }
  const proofMillis = Number(process.hrtime.bigint() - started) / 1e6;
  return {validators: count, proved, proofMillis, checksum, first, maxRssBytes: process.resourceUsage().maxRSS * 1024};
}

const jobs = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(jobs.map(run)));
