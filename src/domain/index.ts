// The election arithmetic: pure functions, no I/O, shared by the server, the officer's entry
// screens and the feeds.
export * from './types';
export * from './contestStatus';
export * from './percent';
export * from './format';
export * from './count';
export * from './elect';
export * from './checks';
export * from './changes';
export * from './council';
export * from './verificationStatement';
