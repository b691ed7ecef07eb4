export * from './municipalities';
export * from './themes';
export * from './platform';
export * from './accounts';
export * from './media';
export * from './actions';
export * from './suggestions';
export * from './events';
