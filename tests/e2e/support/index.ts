export * from './browser';
export * from './server';
export * from './login';
export * from './tls';
export * from './routes';
export * from './data';
export * from './journey';
export * from './demo';
