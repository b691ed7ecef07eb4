import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
	return pino(
		{
			level,
			base: { app: 'meedoen' },
			// Never write credentials or session tokens into logs.
			redact: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.smtpUrl', '*.databaseUrl']
		},
		destination ?? process.stdout
	);
}
