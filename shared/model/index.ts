/** The domain model shared by engine and UI. Pure types and tiny helpers; imports nothing of ours. */
export * from './status.ts';
export * from './incident.ts';
export * from './component.ts';
export * from './platform.ts';
export * from './snapshot.ts';
export * from './errors.ts';
export * from './event.ts';
export * from './vendor.ts';
export * from './rules.ts';
export * from './links.ts';
