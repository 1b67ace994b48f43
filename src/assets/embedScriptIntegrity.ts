// The SRI hash of /static/embed.js as built from views/client/embedHost.ts, for the snippet
// newsrooms paste (the results page and README show it). Kept as a constant because the
// Worker does not hold its static files; test/assets/embedScript.test.ts fails, naming the
// new value, whenever the built script no longer matches it.
export const embedScriptIntegrity = 'sha384-f0uVfp7nNCFCOo6RugpSHTADaIBu8xSBwbobJ3l8EY1cUgw0YlCvPYk8+hTfYLs5';
