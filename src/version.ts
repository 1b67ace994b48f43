// Declare's version, as Admin → Status shows it: taken from package.json when the code is
// built or loaded, since a Worker has no file system to read it from at run time.
import packageJson from '../package.json' with { type: 'json' };

export const version: string = packageJson.version;
