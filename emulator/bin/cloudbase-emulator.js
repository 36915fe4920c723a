#!/usr/bin/env node
// Entry point of the published package: the compiled command line (npm run build in emulator/).
require('../dist/cli.js')
