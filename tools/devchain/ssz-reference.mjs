// The SSZ reference Keeper's tests compare against: @lodestar/types' consensus types on @chainsafe/ssz.
// Reads a JSON array of jobs on stdin, each {fork, type, file, gindices?}: `file` holds the SSZ bytes of `type`
// (a name in @lodestar/types' ssz.<fork>, such as BeaconState or Validator), `gindices` are generalized indices as
// decimal strings. Prints a JSON array of {root, proofs: {gindex: {leaf, witnesses}}}, hex with 0x, witnesses in
// order from the leaf's sibling up to the root's child.
import {readFileSync} from "node:fs";
import {ssz} from "@lodestar/types";
import {createProof, ProofType} from "@chainsafe/persistent-merkle-tree";

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
  const root = view.hashTreeRoot();
  const proofs = {};
  for (const g of job.gindices ?? []) {
    const proof = createProof(view.node, {type: ProofType.single, gindex: BigInt(g)});
    proofs[g] = {leaf: hex(proof.leaf), witnesses: proof.witnesses.map(hex)};
  }
  const millis = Number(process.hrtime.bigint() - started) / 1e6;
  return {root: hex(root), proofs, millis};
}

const jobs = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(jobs.map(run)));
