// Use cases of a municipality's settings (branding, logo, themes, statements) and the public statements.
import type { Ctx } from '$lib/server/platform/context';
import type { Db } from '$lib/server/db/client';
import { AppError } from '$lib/server/platform/errors';
import { writeAudit } from '$lib/server/platform/audit';
import { deleteSubjectSubscriptions } from '$lib/server/platform/subscriptions';
import { renderMarkdown } from '$lib/server/platform/markdown';
import { translate, type MessageKey } from '$lib/i18n';
import { loadMunicipalityArea } from '$lib/server/platform/geo/area';
import { BOUNDARY_MAX_BYTES, parseBoundaryFile } from '$lib/server/platform/geo/boundary';
import { insertTheme } from '$lib/server/features/themes/themes.service';
import {
	deleteLogos,
	deleteOwnTheme,
	getMunicipalitySettings,
	getPublicLogo,
	getThemeForSettings,
	insertLogo,
	listThemesForSettings,
	listThemeSlugs,
	updateMunicipalitySettings,
	updateTheme
} from './settings.queries';
import {
	brandingSchema,
	confirmSchema,
	moveThemeSchema,
	statementSchema,
	themeActiveSchema,
	themeSchema,
	type StatementKind
} from './settings.schemas';
import { inspectLogo, LOGO_MAX_BYTES } from './settings.logo';
import {
	presentBranding,
	presentStatements,
	presentThemeForAdmin,
	type BrandingView,
	type PublicStatement,
	type StatementsView,
	type ThemeAdminView
} from './settings.present';
import { slugify } from '$lib/server/platform/text';
import type { UploadedFile } from '$lib/server/platform/forms';
import { authorizeMunicipality, type BackofficeScope } from '$lib/server/platform/backoffice';
import { isUuid } from '$lib/domain/ids';
import { validateInput, type RawInput } from '$lib/server/platform/validation';

// The actions back office offers the themes as settings lists them.
export { listThemesForSettings } from './settings.queries';

function auditEntry(scope: BackofficeScope) {
	return {
		regionId: scope.municipality.regionId,
		municipalityId: scope.municipality.id,
		actor: { userId: scope.actor.userId, displayName: scope.actor.displayName }
	};
}

async function loadSettings(ctx: Ctx, municipalityId: string) {
	const row = await getMunicipalitySettings(ctx.db, { municipalityId });
	if (!row) throw new AppError('not_found');
	return row;
}

export interface SettingsOverview {
	municipalityName: string;
	branding: BrandingView;
}

export async function getBrandingSettings(ctx: Ctx): Promise<SettingsOverview> {
	const { municipality } = await authorizeMunicipality(ctx, 'settings.manage');
	const row = await loadSettings(ctx, municipality.id);
	return { municipalityName: row.name, branding: presentBranding(row) };
}

export async function updateBranding(ctx: Ctx, input: RawInput<typeof brandingSchema>): Promise<void> {
	const scope = await authorizeMunicipality(ctx, 'settings.manage');
	const values = validateInput(brandingSchema, input);
	await ctx.db.transaction(async (tx) => {
		const before = await loadSettings({ ...ctx, db: tx }, scope.municipality.id);
		const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => values[k] !== before[k]);
		if (changed.length === 0) return;
		await updateMunicipalitySettings(tx, { municipalityId: scope.municipality.id, values });
		await writeAudit(tx, {
			...auditEntry(scope),
			action: 'settings.branding_updated',
			subject: { id: scope.municipality.id, name: scope.municipality.name },
			details: {
				changed,
				...(changed.includes('primaryColor') ? { primaryColor: values.primaryColor } : {}),
				...(changed.includes('accentColor') ? { accentColor: values.accentColor } : {})
			}
		});
	});
}

/** Stores an uploaded logo after recognising it by its bytes; it replaces the earlier one. */
export async function uploadLogo(ctx: Ctx, input: { file: UploadedFile | null }): Promise<void> {
	const scope = await authorizeMunicipality(ctx, 'settings.manage');
	if (!input.file || input.file.size === 0)
		throw new AppError('validation', { fields: { logo: ['backoffice.settings.logoMissing'] } });
	if (input.file.size > LOGO_MAX_BYTES)
		throw new AppError('validation', { fields: { logo: ['backoffice.settings.logoTooBig'] } });
	const bytes = new Uint8Array(await input.file.arrayBuffer());
	const logo = inspectLogo(bytes);
	if (!logo.ok) throw new AppError('validation', { fields: { logo: [logo.error] } });
	await ctx.db.transaction(async (tx) => {
		const { id } = await insertLogo(tx, {
			municipalityId: scope.municipality.id,
			contentType: logo.contentType,
			bytes: Buffer.from(bytes),
			width: logo.width,
			height: logo.height,
			createdBy: scope.actor.userId
		});
		await deleteLogos(tx, { municipalityId: scope.municipality.id, keepId: id });
		await updateMunicipalitySettings(tx, {
			municipalityId: scope.municipality.id,
			values: { logoUrl: `/media/${id}` }
		});
		await writeAudit(tx, {
			...auditEntry(scope),
			action: 'settings.logo_uploaded',
			subject: { id, name: scope.municipality.name },
			details: { contentType: logo.contentType, bytes: bytes.length }
		});
	});
}

/**
 * The demo's drawn logo of a municipality, inside the demo's own transaction: the same checks and storage as an
 * upload from the back office, without an official or an audit entry (no one did it).
 */
export async function installDemoLogo(tx: Db, input: { municipalityId: string; svg: string }): Promise<void> {
	const bytes = new TextEncoder().encode(input.svg);
	const logo = inspectLogo(bytes);
	if (!logo.ok) throw new Error(`demo logo refused: ${logo.error}`);
	const { id } = await insertLogo(tx, {
		municipalityId: input.municipalityId,
		contentType: logo.contentType,
		bytes: Buffer.from(bytes),
		width: logo.width,
		height: logo.height,
		createdBy: null
	});
	await deleteLogos(tx, { municipalityId: input.municipalityId, keepId: id });
	await updateMunicipalitySettings(tx, {
		municipalityId: input.municipalityId,
		values: { logoUrl: `/media/${id}` }
	});
}

/** Goes back to the emblem made from the name. */
export async function removeLogo(ctx: Ctx, input: RawInput<typeof confirmSchema>): Promise<void> {
	const scope = await authorizeMunicipality(ctx, 'settings.manage');
	validateInput(confirmSchema, input);
	await ctx.db.transaction(async (tx) => {
		await deleteLogos(tx, { municipalityId: scope.municipality.id });
		await updateMunicipalitySettings(tx, {
			municipalityId: scope.municipality.id,
			values: { logoUrl: null }
		});
		await writeAudit(tx, {
			...auditEntry(scope),
			action: 'settings.logo_removed',
			subject: { id: scope.municipality.id, name: scope.municipality.name }
		});
	});
}

/**
 * Stores the municipality's official outline from an uploaded GeoJSON file; from then on it decides which
 * places lie in the municipality (platform/geo). It replaces an earlier one.
 */
export async function uploadBoundary(ctx: Ctx, input: { file: UploadedFile | null }): Promise<void> {
	const scope = await authorizeMunicipality(ctx, 'settings.manage');
	const refuse = (key: MessageKey) =>
		new AppError('validation', { fields: { boundary: [key] }, message: key });
	if (!input.file || input.file.size === 0) throw refuse('backoffice.settings.boundary.missing');
	// The size first: the bytes of an oversized file are never read.
	if (input.file.size > BOUNDARY_MAX_BYTES) throw refuse('backoffice.settings.boundary.tooBig');
	const area = await loadMunicipalityArea({ db: ctx.db }, scope.municipality.id);
	if (!area) throw new AppError('not_found');
	const checked = parseBoundaryFile(new Uint8Array(await input.file.arrayBuffer()), area);
	if (!checked.ok) throw refuse(checked.error);
	await ctx.db.transaction(async (tx) => {
		await updateMunicipalitySettings(tx, {
			municipalityId: scope.municipality.id,
			values: { boundary: checked.boundary }
		});
		await writeAudit(tx, {
			...auditEntry(scope),
			action: 'settings.boundary_uploaded',
			subject: { id: scope.municipality.id, name: scope.municipality.name },
			details: { type: checked.boundary.type, points: checked.points, bytes: input.file!.size }
		});
	});
}

/** Goes back to the cell of the municipality's centre for deciding which places lie in it. */
export async function removeBoundary(ctx: Ctx, input: RawInput<typeof confirmSchema>): Promise<void> {
	const scope = await authorizeMunicipality(ctx, 'settings.manage');
	validateInput(confirmSchema, input);
	await ctx.db.transaction(async (tx) => {
		const before = await loadSettings({ ...ctx, db: tx }, scope.municipality.id);
		if (!before.hasBoundary) return;
		await updateMunicipalitySettings(tx, {
			municipalityId: scope.municipality.id,
			values: { boundary: null }
		});
		await writeAudit(tx, {
			...auditEntry(scope),
			action: 'settings.boundary_removed',
			subject: { id: scope.municipality.id, name: scope.municipality.name }
		});
	});
}

/** An uploaded logo for the /media route; anything else by that id is not found. */
export async function getLogo(
	ctx: Ctx,
	input: { unverifiedId: string }
): Promise<{ contentType: string; bytes: Buffer; createdAt: Date }> {
	if (!isUuid(input.unverifiedId)) throw new AppError('not_found');
	const row = await getPublicLogo(ctx.db, { id: input.unverifiedId });
	if (!row) throw new AppError('not_found');
	return row;
}

export async function getStatementSettings(ctx: Ctx): Promise<{ statements: StatementsView }> {
	const { municipality } = await authorizeMunicipality(ctx, 'settings.manage');
	const row = await loadSettings(ctx, municipality.id);
	return { statements: presentStatements(row) };
}

const STATEMENT_COLUMN = { privacy: 'privacyStatement', accessibility: 'accessibilityStatement' } as const;

/** Saves one statement as Markdown; an empty one brings back the platform's default text. */
export async function updateStatement(ctx: Ctx, input: RawInput<typeof statementSchema>): Promise<void> {
	const scope = await authorizeMunicipality(ctx, 'settings.manage');
	const { kind, markdown } = validateInput(statementSchema, input);
	await ctx.db.transaction(async (tx) => {
		const before = await loadSettings({ ...ctx, db: tx }, scope.municipality.id);
		const column = STATEMENT_COLUMN[kind];
		if (before[column] === markdown) return;
		await updateMunicipalitySettings(tx, {
			municipalityId: scope.municipality.id,
			values: { [column]: markdown }
		});
		await writeAudit(tx, {
			...auditEntry(scope),
			action: 'settings.statement_updated',
			subject: { id: scope.municipality.id, name: scope.municipality.name },
			details: { kind, length: markdown?.length ?? 0 }
		});
	});
}

function defaultStatement(ctx: Ctx, kind: StatementKind, row: { name: string; websiteUrl: string | null }) {
	const contact = row.websiteUrl
		? translate(ctx.locale, 'backoffice.statements.contactWebsite', { name: row.name, url: row.websiteUrl })
		: translate(ctx.locale, 'backoffice.statements.contactTownHall', { name: row.name });
	return translate(
		ctx.locale,
		kind === 'privacy'
			? 'backoffice.statements.privacyDefault'
			: 'backoffice.statements.accessibilityDefault',
		{ name: row.name, contact }
	);
}

/** The public privacy or accessibility statement of the request's municipality, as safe HTML. */
export async function getPublicStatement(ctx: Ctx, input: { kind: StatementKind }): Promise<PublicStatement> {
	if (!ctx.tenant) throw new AppError('not_found');
	const row = await loadSettings(ctx, ctx.tenant.id);
	const own = input.kind === 'privacy' ? row.privacyStatement : row.accessibilityStatement;
	return {
		municipalityName: row.name,
		html: renderMarkdown(own ?? defaultStatement(ctx, input.kind, row)),
		isDefault: !own
	};
}

export async function listThemes(ctx: Ctx): Promise<{ themes: ThemeAdminView[] }> {
	const { municipality } = await authorizeMunicipality(ctx, 'settings.manage');
	const rows = await listThemesForSettings(ctx.db, { municipalityId: municipality.id });
	return { themes: rows.map(presentThemeForAdmin) };
}

async function findTheme(ctx: Ctx, municipalityId: string, unverifiedThemeId: unknown) {
	if (!isUuid(unverifiedThemeId)) throw new AppError('not_found');
	const theme = await getThemeForSettings(ctx.db, { municipalityId, themeId: unverifiedThemeId });
	if (!theme) throw new AppError('not_found');
	return theme;
}

export async function getTheme(ctx: Ctx, input: { unverifiedThemeId: unknown }): Promise<ThemeAdminView> {
	const { municipality } = await authorizeMunicipality(ctx, 'settings.manage');
	return presentThemeForAdmin(await findTheme(ctx, municipality.id, input.unverifiedThemeId));
}

/** A slug not yet used in the municipality: from the name, with -2, -3… when it is taken. */
async function freeSlug(ctx: Ctx, municipalityId: string, name: string): Promise<string> {
	const base = slugify(name).slice(0, 60).replace(/-+$/, '') || 'thema';
	const taken = new Set(await listThemeSlugs(ctx.db, { municipalityId, prefix: base }));
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function addTheme(ctx: Ctx, input: RawInput<typeof themeSchema>): Promise<ThemeAdminView> {
	const scope = await authorizeMunicipality(ctx, 'settings.manage');
	const values = validateInput(themeSchema, input);
	const municipalityId = scope.municipality.id;
	return ctx.db.transaction(async (tx) => {
		const txCtx = { ...ctx, db: tx };
		const existing = await listThemesForSettings(tx, { municipalityId });
		const position = Math.max(-1, ...existing.map((t) => t.position)) + 1;
		const theme = await insertTheme(tx, {
			municipalityId,
			slug: await freeSlug(txCtx, municipalityId, values.name),
			name: values.name,
			description: values.description,
			climate: values.climate,
			lekpWerf: values.lekpWerf,
			position
		});
		if (!theme) throw new AppError('conflict');
		await writeAudit(tx, {
			...auditEntry(scope),
			action: 'settings.theme_added',
			subject: { id: theme.id, name: values.name },
			details: { climate: values.climate, lekpWerf: values.lekpWerf }
		});
		return presentThemeForAdmin({ ...theme, active: true });
	});
}

/** Renames a theme and changes its description; for an own theme also whether it is climate and its werf. */
export async function changeTheme(
	ctx: Ctx,
	input: { unverifiedThemeId: unknown } & RawInput<typeof themeSchema>
): Promise<void> {
	const scope = await authorizeMunicipality(ctx, 'settings.manage');
	const theme = await findTheme(ctx, scope.municipality.id, input.unverifiedThemeId);
	// A default theme stays a climate theme with its werf; the form does not offer those fields for it.
	const values = validateInput(
		themeSchema,
		theme.defaultKey ? { ...input, climate: true, lekpWerf: theme.lekpWerf ?? '' } : input
	);
	const changed = (['name', 'description', 'climate', 'lekpWerf'] as const).filter(
		(k) => values[k] !== theme[k]
	);
	if (changed.length === 0) return;
	await ctx.db.transaction(async (tx) => {
		await updateTheme(tx, { municipalityId: scope.municipality.id, themeId: theme.id, values });
		await writeAudit(tx, {
			...auditEntry(scope),
			action: 'settings.theme_updated',
			subject: { id: theme.id, name: values.name },
			details: { changed, ...(changed.includes('name') ? { previousName: theme.name } : {}) }
		});
	});
}

/** Moves a theme one place up or down; the positions are renumbered so the order stays unambiguous. */
export async function moveTheme(
	ctx: Ctx,
	input: { unverifiedThemeId: unknown } & RawInput<typeof moveThemeSchema>
): Promise<void> {
	const scope = await authorizeMunicipality(ctx, 'settings.manage');
	const { direction } = validateInput(moveThemeSchema, input);
	const municipalityId = scope.municipality.id;
	await ctx.db.transaction(async (tx) => {
		const theme = await findTheme({ ...ctx, db: tx }, municipalityId, input.unverifiedThemeId);
		const order = await listThemesForSettings(tx, { municipalityId });
		const from = order.findIndex((t) => t.id === theme.id);
		const to = direction === 'up' ? from - 1 : from + 1;
		if (to < 0 || to >= order.length) return;
		const [moved] = order.splice(from, 1);
		order.splice(to, 0, moved!);
		for (const [index, row] of order.entries()) {
			if (row.position !== index * 10)
				await updateTheme(tx, { municipalityId, themeId: row.id, values: { position: index * 10 } });
		}
		await writeAudit(tx, {
			...auditEntry(scope),
			action: 'settings.theme_moved',
			subject: { id: theme.id, name: theme.name },
			details: { direction, position: to + 1 }
		});
	});
}

/** Switches a theme off (hidden for the public, kept with everything linked to it) or on again. */
export async function setThemeActive(
	ctx: Ctx,
	input: { unverifiedThemeId: unknown } & RawInput<typeof themeActiveSchema>
): Promise<void> {
	const scope = await authorizeMunicipality(ctx, 'settings.manage');
	const { active } = validateInput(themeActiveSchema, input);
	const theme = await findTheme(ctx, scope.municipality.id, input.unverifiedThemeId);
	if (theme.active === active) return;
	await ctx.db.transaction(async (tx) => {
		await updateTheme(tx, { municipalityId: scope.municipality.id, themeId: theme.id, values: { active } });
		await writeAudit(tx, {
			...auditEntry(scope),
			action: active ? 'settings.theme_reactivated' : 'settings.theme_deactivated',
			subject: { id: theme.id, name: theme.name }
		});
	});
}

/** Deletes a theme the municipality added itself; a default theme can only be switched off. */
export async function deleteTheme(
	ctx: Ctx,
	input: { unverifiedThemeId: unknown } & RawInput<typeof confirmSchema>
): Promise<void> {
	const scope = await authorizeMunicipality(ctx, 'settings.manage');
	const theme = await findTheme(ctx, scope.municipality.id, input.unverifiedThemeId);
	if (theme.defaultKey)
		throw new AppError('conflict', { message: 'backoffice.settings.defaultThemeNotDeletable' });
	validateInput(confirmSchema, input);
	await ctx.db.transaction(async (tx) => {
		if (!(await deleteOwnTheme(tx, { municipalityId: scope.municipality.id, themeId: theme.id })))
			throw new AppError('not_found');
		// A follow points at its subject without a foreign key, so it goes with the theme here.
		await deleteSubjectSubscriptions(tx, {
			municipalityId: scope.municipality.id,
			subject: { kind: 'theme', id: theme.id }
		});
		await writeAudit(tx, {
			...auditEntry(scope),
			action: 'settings.theme_deleted',
			subject: { id: theme.id, name: theme.name }
		});
	});
}
