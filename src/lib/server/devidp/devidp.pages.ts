// The HTML pages of the development identity provider: Dutch, without JavaScript, WCAG 2.1 AA.
import { createHash } from 'node:crypto';
import type { Persona } from './personas';

export function escapeHtml(value: string): string {
	return value
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

// Colours: text #1d1d1b on white (16.9:1), links and buttons #0047b3 (8.2:1 on white), muted text #545454
// (7.5:1); the focus ring is a thick dark outline so it shows on every background.
const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.0625rem;line-height:1.5;color:#1d1d1b;background:#f5f5f3}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.75rem;line-height:1.25;margin:0 0 1rem}
h2{font-size:1.25rem;margin:2rem 0 .75rem}
p{margin:0 0 1rem}
.warning{border-left:6px solid #b35900;background:#fff3e0;padding:.75rem 1rem;margin:0 0 1.5rem}
.personas{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}
.personas form{margin:0}
button{font:inherit;cursor:pointer;border-radius:4px}
.persona{display:block;width:100%;text-align:left;padding:.75rem 1rem;background:#fff;color:#1d1d1b;border:2px solid #0047b3}
.persona:hover{background:#e8effa}
.persona .name{display:block;font-weight:700;color:#0047b3}
.persona .description{display:block}
.persona .meta{display:block;font-size:.9375rem;color:#545454}
.primary{padding:.625rem 1.25rem;background:#0047b3;color:#fff;border:2px solid #0047b3;font-weight:700}
.primary:hover{background:#003580}
.secondary{padding:.625rem 1.25rem;background:#fff;color:#1d1d1b;border:2px solid #545454}
.secondary:hover{background:#ebebeb}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.5rem}
.actions form{margin:0}
label{display:block;font-weight:700;margin:0 0 .25rem}
input{font:inherit;padding:.5rem;border:2px solid #545454;border-radius:4px;margin:0 .75rem .75rem 0;max-width:100%}
button:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid #1d1d1b;outline-offset:3px;box-shadow:0 0 0 6px #ffe615}
a{color:#0047b3}
code{font-size:.9375rem}
`;

/** Sent with every HTML response: no scripts, only the one inline style, never framed. */
export const PAGE_CSP = [
	"default-src 'none'",
	`style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
	// oidc-provider adds the hash of its form_post auto-submit script to this directive.
	"script-src 'self'",
	"base-uri 'none'",
	"frame-ancestors 'none'"
].join('; ');

function page(title: string, body: string): string {
	return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} — ontwikkel-identiteitsprovider</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

const TEST_ONLY = `<p class="warning"><strong>Let op:</strong> dit is een testaanmelding. Ze vervangt Mijn Burgerprofiel
op demo-installaties en in tests. Er wordt geen wachtwoord gevraagd: kies gewoon als wie je je aanmeldt.</p>`;

type PersonaGroup = { heading: string; personas: readonly Persona[] };

function groupPersonas(personas: readonly Persona[]): PersonaGroup[] {
	const groups: PersonaGroup[] = [
		{ heading: 'Inwoners', personas: personas.filter((p) => p.roles.length === 0) },
		{
			heading: 'Medewerkers en bestuur van een gemeente',
			personas: personas.filter((p) => p.roles.some((r) => r.scope === 'municipality'))
		},
		{
			heading: 'Regio Kempen',
			personas: personas.filter((p) => p.roles.length > 0 && p.roles.every((r) => r.scope === 'region'))
		}
	];
	return groups.filter((g) => g.personas.length > 0);
}

function personaForm(action: string, persona: Persona): string {
	const mail = persona.email ? `e-mail ${escapeHtml(persona.email)}` : 'geeft geen e-mailadres door';
	return `<li><form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="persona" value="${escapeHtml(persona.sub)}">
<button type="submit" class="persona">
<span class="name">${escapeHtml(`${persona.givenName} ${persona.familyName}`)}</span>
<span class="description">${escapeHtml(persona.description)}</span>
<span class="meta">${mail}</span>
</button>
</form></li>`;
}

/** The login step: one form per persona, and one to cancel. */
export function pickerPage(input: {
	action: string;
	clientId: string;
	personas: readonly Persona[];
	/** Numbered test citizens (DEV_IDP_PEOPLE), chosen by number; 0 or absent: none. */
	people?: number;
}): string {
	const groups = groupPersonas(input.personas)
		.map(
			(group) => `<h2>${escapeHtml(group.heading)}</h2>
<ul class="personas">
${group.personas.map((persona) => personaForm(input.action, persona)).join('\n')}
</ul>`
		)
		.join('\n');
	const people = input.people ?? 0;
	const numbered =
		people > 0
			? `<h2>Genummerde testpersonen</h2>
<p>Inwoners zonder rol, elk met een eigen account, voor belastingtests.</p>
<form method="post" action="${escapeHtml(input.action)}">
<label for="number">Nummer van de testpersoon (1 tot ${people})</label>
<input id="number" name="number" type="number" min="1" max="${people}" required>
<button type="submit" class="primary">Aanmelden als deze testpersoon</button>
</form>`
			: '';
	return page(
		'Aanmelden',
		`<h1>Aanmelden bij de ontwikkel-identiteitsprovider</h1>
${TEST_ONLY}
<p>De toepassing <code>${escapeHtml(input.clientId)}</code> vraagt je om je aan te melden.
Kies een testpersoon: de knop meldt je meteen aan met de gegevens van die persoon.</p>
${groups}
${numbered}
<div class="actions">
<form method="post" action="${escapeHtml(input.action)}">
<input type="hidden" name="action" value="cancel">
<button type="submit" class="secondary">Annuleren</button>
</form>
</div>`
	);
}

/**
 * The RP-initiated logout confirmation. `form` is oidc-provider's own empty form (id "op.logoutForm",
 * with its anti-forgery field); the buttons submit it through their form attribute.
 */
export function logoutPage(form: string): string {
	return page(
		'Afmelden',
		`<h1>Afmelden bij de ontwikkel-identiteitsprovider</h1>
<p>Wil je je ook afmelden bij de ontwikkel-identiteitsprovider? Dan moet je de volgende keer opnieuw een
testpersoon kiezen.</p>
${form}
<div class="actions">
<button type="submit" form="op.logoutForm" name="logout" value="yes" class="primary">Ja, afmelden</button>
<button type="submit" form="op.logoutForm" class="secondary">Nee, aangemeld blijven</button>
</div>`
	);
}

/** Logout when no one is logged in: nothing to confirm, but going on still takes a button press. */
export function continueLogoutPage(input: { action: string; xsrf: string }): string {
	return page(
		'Afmelden',
		`<h1>Je bent afgemeld</h1>
<p>Je bent niet (meer) aangemeld bij de ontwikkel-identiteitsprovider.</p>
<form method="post" action="${escapeHtml(input.action)}">
<input type="hidden" name="xsrf" value="${escapeHtml(input.xsrf)}">
<input type="hidden" name="logout" value="yes">
<div class="actions"><button type="submit" class="primary">Verder naar de toepassing</button></div>
</form>`
	);
}

/** Shown after logout when the application gave no post_logout_redirect_uri. */
export function loggedOutPage(): string {
	return page(
		'Afgemeld',
		`<h1>Je bent afgemeld</h1>
<p>Je bent afgemeld bij de ontwikkel-identiteitsprovider. Je kunt dit venster sluiten.</p>`
	);
}

export function errorPage(input: { error: string; description?: string }): string {
	const detail = input.description
		? `<p>Technische melding: <code>${escapeHtml(input.error)}</code> — ${escapeHtml(input.description)}</p>`
		: `<p>Technische melding: <code>${escapeHtml(input.error)}</code></p>`;
	return page(
		'Er ging iets mis',
		`<h1>Aanmelden lukt niet</h1>
<p>De ontwikkel-identiteitsprovider kon deze vraag niet afhandelen. Ga terug naar de toepassing en
probeer opnieuw aan te melden.</p>
${detail}`
	);
}
