// Compiles every .sol file under a folder with the pinned solc and writes one JSON artifact:
// { "<ContractName>": { "abi": [...], "bytecode": "0x...", "deployedBytecode": "0x..." }, ... }
// Usage: node compile-contracts.js <contracts-dir> <output.json>
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const [contractsDir, outputFile] = process.argv.slice(2);
if (!contractsDir || !outputFile) {
  console.error('usage: node compile-contracts.js <contracts-dir> <output.json>');
  process.exit(2);
}

function listSol(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return listSol(full);
    return e.name.endsWith('.sol') ? [full] : [];
  }).sort();
}

const sources = {};
for (const file of listSol(contractsDir)) {
  sources[path.relative(contractsDir, file).split(path.sep).join('/')] = { content: fs.readFileSync(file, 'utf8') };
}

const input = {
  language: 'Solidity',
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'cancun',
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
  },
};

function findImports(importPath) {
  const full = path.join(contractsDir, importPath);
  return fs.existsSync(full) ? { contents: fs.readFileSync(full, 'utf8') } : { error: `import not found: ${importPath}` };
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
for (const e of output.errors || []) console.error(e.formattedMessage);
if (errors.length > 0) {
  console.error(`solc ${solc.version()}: ${errors.length} error(s) compiling ${contractsDir}`);
  process.exit(1);
}

const artifacts = { _compiler: `solc ${solc.version()}` };
for (const [, contracts] of Object.entries(output.contracts || {})) {
  for (const [name, c] of Object.entries(contracts)) {
    if (artifacts[name]) {
      console.error(`two contracts are named ${name}; contract names must be unique`);
      process.exit(1);
    }
    artifacts[name] = {
      abi: c.abi,
      bytecode: '0x' + c.evm.bytecode.object,
      deployedBytecode: '0x' + c.evm.deployedBytecode.object,
    };
  }
}
fs.mkdirSync(path.dirname(outputFile), { recursive: true });
fs.writeFileSync(outputFile, JSON.stringify(artifacts, null, 2));
console.log(`solc ${solc.version()}: compiled ${Object.keys(artifacts).length - 1} contract(s) to ${outputFile}`);
