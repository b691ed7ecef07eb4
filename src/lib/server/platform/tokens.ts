// Random secrets for cookies and mailed links; only their hashes are stored.
import { createHash, randomBytes } from 'node:crypto';

export function newToken(bytes = 32): string {
	return randomBytes(bytes).toString('base64url');
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}
