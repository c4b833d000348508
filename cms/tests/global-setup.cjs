// Tests run against the compiled app: fail early, with the fix, when it has not been built.
const fs = require('fs');
const path = require('path');

module.exports = async () => {
  const entry = path.join(__dirname, '..', 'dist', 'src', 'index.js');
  if (!fs.existsSync(entry)) {
    throw new Error(
      `The CMS is not compiled (${entry} is missing). Run \`pnpm --filter @pbgdpl/cms build\`.`,
    );
  }
};
