// Citizen groups (Klimaatdoeners) end to end, without JavaScript, axe on every page: Bart (Geel's moderator)
// publishes a call with a menu card (a negative budget refused beside its field, what he typed kept); Lotte and
// Marie sign up with a motivation and are told in Dutch; Bart declines Jonas's sign-up only after the "are you
// sure?" page's tick (keyboard only), takes Lotte and Marie to that page and back, and accepts both at once;
// the group picks the repair café from the menu card and it appears in Geel's list of actions; Lotte adds an expense (a receipt that is
// no image or PDF refused first), it waits; Bart approves it and the balance in the workspace moves. A
// citizen who is no member is refused the workspace. Bart hands the coordinator's role to Lotte, who opens the
// group's own call for suggestions on the map on the repair café (Marie, a member, is refused it); Jonas
// suggests a place, which shows only once Bart approved it; Lotte mentions Marie in a thread and Marie finds
// it under the bell. Bart plans the group's Kickoff from Geel's trajectory (it shows on the trajectory), Lotte
// writes a note under it in the workspace and adds a task by keyboard only, and a lesson of the evaluation goes
// back into the playbook and shows on the group's public page.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { blockPageScriptsKeepRedirects, browserJourney, checkA11y, sveltekitRan, visit } from './support';

const journey = browserJourney();

const GROUP = 'Klimaatdoeners Ten Aard';

/** A context of the persona's session in which the page's own scripts do not run. */
async function personWithoutJavaScript(persona: RegExp): Promise<{ context: BrowserContext; page: Page }> {
	const login = await journey.browser.newContext({ baseURL: journey.server.url, locale: 'nl-BE' });
	const loginPage = await login.newPage();
	await journey.logInAs(persona, loginPage);
	const storageState = await login.storageState();
	await login.close();
	const context = await journey.browser.newContext({
		baseURL: journey.server.url,
		locale: 'nl-BE',
		storageState
	});
	await blockPageScriptsKeepRedirects(context);
	return { context, page: await context.newPage() };
}

/** Clicks what leads to another document (a link, a form's button) and waits until that document has loaded. */
async function navigate(page: Page, target: Locator) {
	await Promise.all([page.waitForEvent('framenavigated'), target.click()]);
	await page.waitForLoadState('load');
}

describe('citizen groups', () => {
	it('a call, two sign-ups accepted, a repair café picked, an expense approved and the balance moved', async () => {
		const bart = await personWithoutJavaScript(/Bart Claes/);
		const lotte = await personWithoutJavaScript(/Lotte Peeters/);
		const marie = await personWithoutJavaScript(/Marie Maes/);
		const jonas = await personWithoutJavaScript(/Jonas Janssens/);
		try {
			// Bart publishes the call.
			const b = bart.page;
			await visit(b, '/geel/beheer/groepen', { until: 'load' });
			expect(await sveltekitRan(b)).toBe(false);
			await checkA11y(b, 'groups in the back office');
			await navigate(b, b.getByRole('link', { name: 'Nieuwe oproep' }));
			await checkA11y(b, 'new call');
			await b.getByLabel('Naam van de groep').fill(GROUP);
			await b.getByLabel('Waarvoor is de groep?').fill('Buren van Ten Aard zetten samen klimaatacties op.');
			await b
				.getByLabel('Reglement')
				.fill('## Reglement\n\nUitgaven boven **€ 250** keurt de stad eerst goed.');
			await b.getByLabel('Werkingsbudget in euro').fill('-3000');
			await b.getByLabel(/^De gemeente bevestigt elke aanmelding/).check();
			await b.getByLabel('Status').selectOption('open');
			await navigate(b, b.getByRole('button', { name: 'Oproep aanmaken' }));
			expect(await b.locator('#group-budget-error').textContent()).toContain(
				'Een bedrag kan niet negatief zijn.'
			);
			expect(await b.getByLabel('Naam van de groep').inputValue()).toBe(GROUP);
			expect(await b.getByLabel('Werkingsbudget in euro').inputValue()).toBe('-3000');
			await checkA11y(b, 'new call, refused');
			await b.getByLabel('Werkingsbudget in euro').fill('3.000');
			await navigate(b, b.getByRole('button', { name: 'Oproep aanmaken' }));
			expect(await b.locator('h1').textContent()).toBe(GROUP);
			const groupId = /\/beheer\/groepen\/(\d+)/.exec(b.url())![1]!;
			await b.getByLabel('Actie', { exact: true }).fill('Repaircafé Ten Aard');
			await b.getByLabel('Korte uitleg').fill('Elke derde zaterdag herstellen we samen.');
			await b.getByLabel(/Circulaire economie en voeding/).check();
			await navigate(b, b.getByRole('button', { name: 'Aan de menukaart toevoegen' }));
			expect(await b.getByRole('status').textContent()).toContain('De actie staat op de menukaart.');
			await checkA11y(b, 'a call in the back office');

			// Lotte and Marie sign up with a motivation.
			for (const [person, motivation] of [
				[lotte.page, 'Ik herstel graag fietsen.'],
				[marie.page, 'Ik naai graag kleren op.'],
				[jonas.page, 'Ik kom eens kijken.']
			] as const) {
				await visit(person, `/geel/groepen/${groupId}/oproep`, { until: 'load' });
				expect(await person.locator('h1').textContent()).toBe(GROUP);
				expect(await person.locator('.rules strong').textContent()).toBe('€ 250');
				await checkA11y(person, 'the call');
				await person.getByLabel('Je motivatie').fill(motivation);
				await navigate(person, person.getByRole('button', { name: 'Aanmelden' }));
				expect(await person.locator('h1').textContent()).toBe('Bedankt voor je aanmelding');
				expect(await person.getByRole('status').textContent()).toContain('De gemeente bekijkt ze');
				await checkA11y(person, 'thanks');
				await navigate(person, person.getByRole('link', { name: 'Terug naar de oproep' }));
				expect(await person.getByText('Je aanmelding wacht op de gemeente.').count()).toBe(1);
			}
			// Waiting is not a member yet.
			const refused = await lotte.page.goto(`/geel/groepen/${groupId}/werkruimte`);
			expect(refused?.status()).toBe(403);

			// Bart declines Jonas's sign-up from its row, by keyboard only: declining is final, so it asks first.
			// The page lists Jonas alone and changes nothing; without the tick it is refused beside the box.
			await visit(b, `/geel/beheer/groepen/${groupId}`, { until: 'load' });
			await b.getByRole('link', { name: /^Niet aanvaarden — Jonas/ }).focus();
			await Promise.all([b.waitForEvent('framenavigated'), b.keyboard.press('Enter')]);
			await b.waitForLoadState('load');
			expect(new URL(b.url()).pathname).toBe(`/geel/beheer/groepen/${groupId}/weigeren`);
			expect(await b.locator('h1').textContent()).toBe('Aanmeldingen niet aanvaarden');
			expect(await b.locator('.confirm-page > ul > li').allTextContents()).toEqual([
				expect.stringMatching(/^Jonas/)
			]);
			await checkA11y(b, 'declining a sign-up, the question');
			await b.getByRole('button', { name: 'Niet aanvaarden' }).focus();
			await Promise.all([b.waitForEvent('framenavigated'), b.keyboard.press('Enter')]);
			await b.waitForLoadState('load');
			expect(await b.locator('#decline-error').textContent()).toContain('Vink aan dat je het zeker weet.');
			await checkA11y(b, 'declining a sign-up without the tick');
			await visit(jonas.page, `/geel/groepen/${groupId}/oproep`, { until: 'load' });
			expect(await jonas.page.getByText('Je aanmelding wacht op de gemeente.').count()).toBe(1);
			await b.getByLabel('Ja, ik weet zeker dat deze aanmeldingen niet aanvaard worden').focus();
			await b.keyboard.press('Space');
			await b.getByRole('button', { name: 'Niet aanvaarden' }).focus();
			await Promise.all([b.waitForEvent('framenavigated'), b.keyboard.press('Enter')]);
			await b.waitForLoadState('load');
			expect(new URL(b.url()).pathname).toBe(`/geel/beheer/groepen/${groupId}`);
			expect(await b.getByRole('status').textContent()).toContain('1 aanmelding beslist.');
			expect(await b.getByRole('row', { name: /Jonas/ }).textContent()).toContain('Niet aanvaard');
			await visit(jonas.page, `/geel/groepen/${groupId}/oproep`, { until: 'load' });
			expect(await jonas.page.getByText('De gemeente heeft je aanmelding niet aanvaard.').count()).toBe(1);

			// The bulk button takes the ticked rows to the same question by GET; Bart goes back instead.
			await b.getByRole('checkbox', { name: /Kies Lotte/ }).check();
			await b.getByRole('checkbox', { name: /Kies Marie/ }).check();
			await navigate(b, b.getByRole('button', { name: 'Gekozen aanmeldingen niet aanvaarden' }));
			expect(await b.locator('.confirm-page > ul > li').allTextContents()).toEqual([
				expect.stringMatching(/^Lotte/),
				expect.stringMatching(/^Marie/)
			]);
			await checkA11y(b, 'declining the chosen sign-ups, the question');
			await navigate(b, b.getByRole('link', { name: 'Nee, terug naar de groep' }));

			// Bart accepts both at once.
			await b.getByRole('checkbox', { name: /Kies Lotte/ }).check();
			await b.getByRole('checkbox', { name: /Kies Marie/ }).check();
			await navigate(b, b.getByRole('button', { name: 'Gekozen aanmeldingen aanvaarden' }));
			expect(await b.getByRole('status').textContent()).toContain('2 aanmeldingen beslist.');
			await checkA11y(b, 'sign-ups accepted');

			// The group picks the repair café from its menu card: it is an action of Geel now.
			const l = lotte.page;
			await visit(l, `/geel/groepen/${groupId}/werkruimte`, { until: 'load' });
			await checkA11y(l, 'the workspace');
			await navigate(l, l.getByRole('button', { name: 'Kies deze actie — Repaircafé Ten Aard' }));
			expect(await l.getByRole('status').textContent()).toContain('De actie staat nu op de actielijst');
			await checkA11y(l, 'the workspace after the pick');
			// A thread and a note, each a title and a text, by their labels: both show in the workspace.
			await l.getByLabel('Onderwerp', { exact: true }).fill('Wie brengt gereedschap mee?');
			await l.locator('#thread-body').fill('Ik heb schroevendraaiers.');
			await navigate(l, l.locator('form[action="?/thread"] button[type="submit"]'));
			expect(await l.locator('body').innerText()).toContain('Wie brengt gereedschap mee?');
			await visit(l, `/geel/groepen/${groupId}/werkruimte`, { until: 'load' });
			await l.locator('#note-title').fill('Afspraken Kickoff');
			await l.locator('#note-body').fill('Elke eerste zaterdag van de maand.');
			await navigate(l, l.locator('form[action="?/note"] button[type="submit"]'));
			expect(await l.locator('body').innerText()).toContain('Elke eerste zaterdag van de maand.');
			await checkA11y(l, 'the workspace with a thread and a note');
			await visit(l, '/geel/acties', { until: 'load' });
			expect(await l.getByRole('link', { name: 'Repaircafé Ten Aard' }).count()).toBeGreaterThan(0);
			await navigate(l, l.getByRole('link', { name: 'Repaircafé Ten Aard' }).first());
			expect(await l.locator('h1').textContent()).toContain('Repaircafé Ten Aard');
			// Open on rung 6, and its call to action leads to the group.
			expect(
				await l
					.getByRole('link', { name: /Doe mee met de groep/ })
					.first()
					.getAttribute('href')
			).toBe(`/geel/groepen/${groupId}`);
			await checkA11y(l, 'the group’s action');
			await visit(l, `/geel/groepen/${groupId}`, { until: 'load' });
			expect(await l.getByRole('region', { name: 'Acties van de groep' }).textContent()).toContain(
				'Repaircafé Ten Aard'
			);
			await checkA11y(l, 'the group page');

			// Lotte adds an expense: a receipt that is no photo or PDF is refused first, her typing kept.
			await visit(l, `/geel/groepen/${groupId}/werkruimte#budget`, { until: 'load' });
			expect(await l.getByTestId('balance').textContent()).toBe('€ 3.000,00');
			const fill = async () => {
				await l.getByLabel('Omschrijving').fill('Gereedschapskoffer voor het repaircafé');
				await l.getByLabel('Bedrag in euro').first().fill('300,50');
				await l.getByLabel('Voor welke actie?').selectOption({ label: 'Repaircafé Ten Aard' });
			};
			await fill();
			await l.getByLabel('Kasticket of factuur').setInputFiles({
				name: 'kasticket.pdf',
				mimeType: 'application/pdf',
				buffer: Buffer.from('<html><script>alert(1)</script></html>')
			});
			await navigate(l, l.getByRole('button', { name: 'Uitgave bewaren' }));
			expect(await l.locator('#expense-receipt-error').textContent()).toContain(
				'Een kasticket of factuur moet een foto (JPEG, PNG, WebP) of een PDF zijn.'
			);
			expect(await l.getByLabel('Omschrijving').inputValue()).toBe('Gereedschapskoffer voor het repaircafé');
			await checkA11y(l, 'the expense refused');
			const receipt = await sharp({ create: { width: 40, height: 60, channels: 3, background: '#ffffff' } })
				.png()
				.toBuffer();
			await l
				.getByLabel('Kasticket of factuur')
				.setInputFiles({ name: 'kasticket.png', mimeType: 'image/png', buffer: receipt });
			await navigate(l, l.getByRole('button', { name: 'Uitgave bewaren' }));
			expect(await l.getByRole('status').textContent()).toContain('wacht op de goedkeuring van de gemeente');
			expect(await l.getByTestId('balance').textContent()).toBe('€ 3.000,00');

			// Jonas, no member, is refused the workspace.
			const stranger = await jonas.page.goto(`/geel/groepen/${groupId}/werkruimte`);
			expect(stranger?.status()).toBe(403);
			expect(await jonas.page.textContent('main')).toContain('alleen voor de leden van de groep');

			// Bart approves it; the balance moves.
			await visit(b, `/geel/beheer/groepen/${groupId}`, { until: 'load' });
			await navigate(
				b,
				b.getByRole('button', { name: 'Goedkeuren — Gereedschapskoffer voor het repaircafé' })
			);
			expect(await b.getByRole('status').textContent()).toContain('De uitgave is goedgekeurd');
			expect(await b.getByTestId('balance').textContent()).toBe('€ 2.699,50');
			await checkA11y(b, 'the expense approved');
			await visit(l, `/geel/groepen/${groupId}/werkruimte#budget`, { until: 'load' });
			expect(await l.getByTestId('balance').textContent()).toBe('€ 2.699,50');
			await checkA11y(l, 'the workspace after approval');

			// Bart (the group's coaching staff) hands the coordinator's role to Lotte.
			await visit(b, `/geel/groepen/${groupId}/werkruimte#sturen`, { until: 'load' });
			const lotteId = await b
				.locator('#coordinator-person option', { hasText: 'Lotte' })
				.getAttribute('value');
			await b.locator('#coordinator-person').selectOption(lotteId!);
			await navigate(b, b.getByRole('button', { name: 'Rol doorgeven' }));
			expect(await b.getByRole('status').textContent()).toContain('coördinator');

			// Marie, a member but no coordinator, is refused the group's calls.
			const notCoordinator = await marie.page.goto(`/geel/groepen/${groupId}/werkruimte/oproepen`);
			expect(notCoordinator?.status()).toBe(403);

			// Lotte, now the coordinator, opens the group's own call on the map on the repair café: an empty
			// title is refused beside the field, what she typed kept.
			await visit(l, `/geel/groepen/${groupId}/werkruimte`, { until: 'load' });
			await navigate(l, l.getByRole('link', { name: 'Oproepen en activiteiten' }));
			await checkA11y(l, 'the group’s calls');
			await l.locator('#call-action').selectOption({ label: 'Repaircafé Ten Aard' });
			await l.locator('#call-how-to').fill('Duid plaatsen aan met stopcontacten en ruimte voor tafels.');
			await navigate(l, l.getByRole('button', { name: 'Oproep openen' }));
			expect(await l.locator('#call-title-error').textContent()).toContain('Geef de oproep een titel.');
			expect(await l.locator('#call-how-to').inputValue()).toBe(
				'Duid plaatsen aan met stopcontacten en ruimte voor tafels.'
			);
			await checkA11y(l, 'the group’s call refused');
			await l.locator('#call-title').fill('Waar kan het repaircafé staan?');
			await navigate(l, l.getByRole('button', { name: 'Oproep openen' }));
			expect(await l.getByRole('status').textContent()).toContain('De oproep staat open op de kaart.');
			const callPath = await l
				.getByRole('link', { name: 'Waar kan het repaircafé staan?' })
				.getAttribute('href');
			expect(callPath).toMatch(/^\/geel\/kansen\/\d+$/);
			await checkA11y(l, 'the group’s call opened');

			// Lotte proposes an event on the repair café: a draft that waits for Geel. Bart's home says so and
			// leads to the list filtered on the groups' proposals, where he publishes it; Lotte is told under the
			// bell and her calls page shows it published.
			await l.locator('#event-action').selectOption({ label: 'Repaircafé Ten Aard' });
			await l.locator('#event-title').fill('Repaircafé op zaterdag');
			await l.locator('#event-starts').fill('2027-05-08T10:00');
			await l.locator('#event-ends').fill('2027-05-08T13:00');
			await l.locator('#event-venue').fill('Parochiezaal');
			await l.locator('#event-address').fill('Kerkplein 1, 2440 Geel');
			await navigate(l, l.getByRole('button', { name: 'Activiteit voorstellen' }));
			expect(await l.getByRole('status').textContent()).toContain('Je voorstel is bij de gemeente.');
			expect(await l.locator('#activiteiten').innerText()).toMatch(
				/Repaircafé op zaterdag.*voorgesteld door de groep.*wacht op de gemeente/s
			);
			await visit(b, '/geel/beheer', { until: 'load' });
			await navigate(
				b,
				b.getByRole('link', { name: /activiteit voorgesteld door een burgergroep wacht op publicatie/ })
			);
			expect(b.url()).toContain('herkomst=group');
			await checkA11y(b, 'the groups’ proposals in the events list');
			await b.getByRole('checkbox', { name: /Repaircafé op zaterdag/ }).check();
			await navigate(b, b.getByRole('button', { name: 'Publiceren…' }));
			await navigate(b, b.getByRole('button', { name: 'Ja, publiceer ze' }));
			let told = '';
			for (let attempt = 0; attempt < 30 && !told.includes('De gemeente publiceerde'); attempt++) {
				if (attempt > 0) await l.waitForTimeout(1_000);
				await visit(l, '/geel', { until: 'load' });
				await navigate(l, l.getByRole('link', { name: /^Meldingen/ }));
				told = await l.locator('main').innerText();
			}
			expect(told).toContain(`De gemeente publiceerde “Repaircafé op zaterdag”, de activiteit van ${GROUP}`);
			await navigate(l, l.getByRole('link', { name: /De gemeente publiceerde/ }).first());
			expect(await l.locator('#activiteiten').innerText()).toMatch(/Repaircafé op zaterdag.*gepubliceerd/s);
			await checkA11y(l, 'the group’s event published');

			// Jonas suggests a place; it waits for Geel's moderation before anyone sees it.
			const j = jonas.page;
			await visit(j, `${callPath}/nieuw`, { until: 'load' });
			await checkA11y(j, 'a suggestion for the group’s call');
			await j.getByLabel('Titel').fill('De parochiezaal van Ten Aard');
			await j.getByLabel('Beschrijving').fill('Ruim, met stopcontacten en een keuken.');
			await j.getByLabel('Adres of plek').fill('Kerkplein, Ten Aard');
			await navigate(j, j.getByRole('button', { name: 'Suggestie indienen' }));
			const suggestionId = /\/geel\/suggesties\/(\d+)/.exec(j.url())![1]!;
			await checkA11y(j, 'the suggestion sent');
			await visit(marie.page, callPath!, { until: 'load' });
			expect(await marie.page.locator('main').innerText()).not.toContain('De parochiezaal van Ten Aard');
			await visit(b, `/geel/beheer/suggesties/${suggestionId}`, { until: 'load' });
			await navigate(b, b.getByRole('button', { name: 'Goedkeuren en publiceren' }));
			await checkA11y(b, 'the group’s suggestion approved');
			await visit(marie.page, callPath!, { until: 'load' });
			expect(await marie.page.locator('main').innerText()).toContain('De parochiezaal van Ten Aard');
			await checkA11y(marie.page, 'the group’s call with the suggestion');

			// Lotte mentions Marie in the thread, by ticking her name beside the reply.
			await visit(l, `/geel/groepen/${groupId}/werkruimte#gesprekken`, { until: 'load' });
			await navigate(l, l.getByRole('link', { name: 'Wie brengt gereedschap mee?' }));
			await l.getByLabel('Je antwoord').fill('Kan jij de naaimachine meebrengen?');
			await l
				.getByRole('group', { name: 'Iemand vermelden' })
				.getByRole('checkbox', { name: /Marie/ })
				.check();
			await navigate(l, l.getByRole('button', { name: 'Antwoorden' }));
			expect(await l.locator('.posts .mention').last().textContent()).toMatch(/^@Marie/);
			await checkA11y(l, 'the thread with a mention');

			// Marie sees it under the bell (the dispatcher tells her within a few seconds).
			const m = marie.page;
			let listed = '';
			for (let attempt = 0; attempt < 30 && !listed.includes('Je werd vermeld'); attempt++) {
				if (attempt > 0) await m.waitForTimeout(1_000);
				await visit(m, '/geel', { until: 'load' });
				await navigate(m, m.getByRole('link', { name: /^Meldingen/ }));
				listed = await m.locator('main').innerText();
			}
			expect(listed).toContain(`Je werd vermeld in het gesprek “Wie brengt gereedschap mee?” van ${GROUP}`);
			await checkA11y(m, 'the bell’s list with the mention');
			await navigate(m, m.getByRole('link', { name: /Je werd vermeld/ }).first());
			expect(m.url()).toMatch(/\/werkruimte\/gesprekken\/\d+#bericht-\d+$/);
			await checkA11y(m, 'the mention opened');
			// Bart plans the group's Kickoff from Geel's trajectory, for the members only: a session is required
			// first, then it is planned and shows on the trajectory with the group's name.
			await visit(b, `/geel/beheer/groepen/${groupId}`, { until: 'load' });
			await navigate(b, b.getByRole('link', { name: 'Sessies plannen' }));
			await checkA11y(b, 'planning sessions');
			await navigate(b, b.getByRole('button', { name: 'Sessie plannen' }));
			expect(await b.locator('#session-step-error').textContent()).toContain('Kies een sessie.');
			await checkA11y(b, 'planning refused');
			const kickoff = await b
				.locator('#session-step option', { hasText: 'Kickoff' })
				.first()
				.getAttribute('value');
			await b.getByLabel('Sessie van het traject').selectOption(kickoff!);
			await b.getByLabel('Wie ziet de sessie?').selectOption('members');
			await navigate(b, b.getByRole('button', { name: 'Sessie plannen' }));
			expect(await b.getByRole('status').textContent()).toContain('De sessie is gepland.');
			expect(await b.getByRole('region', { name: 'Geplande sessies' }).textContent()).toContain('Kickoff');
			await checkA11y(b, 'a session planned');
			await visit(b, '/geel/beheer/draaiboek', { until: 'load' });
			await navigate(b, b.getByRole('link', { name: 'Klimaatdoeners Geel 2026' }));
			expect(await b.locator('main').innerText()).toContain('sessie van Klimaatdoeners Ten Aard');
			await checkA11y(b, 'the trajectory with the group’s Kickoff');

			// Lotte finds the Kickoff in the workspace and writes a note under it, without JavaScript.
			await visit(l, `/geel/groepen/${groupId}/werkruimte`, { until: 'load' });
			const sessions = l.getByRole('region', { name: 'Sessies' });
			expect(await sessions.textContent()).toContain('Alleen voor de leden');
			await checkA11y(l, 'the workspace with its sessions');
			await navigate(l, sessions.getByRole('link', { name: /Kickoff/ }));
			expect(await l.locator('h1').textContent()).toContain('Kickoff');
			await checkA11y(l, 'the Kickoff session');
			await navigate(l, l.getByRole('button', { name: 'Notitie bewaren' }));
			expect(await l.locator('#session-note-error').textContent()).toContain('Schrijf je notitie.');
			await checkA11y(l, 'a note refused');
			await l
				.getByLabel('Je notitie')
				.fill('**Afspraak**: elke eerste zaterdag.\n\n<script>alert(1)</script>');
			await navigate(l, l.getByRole('button', { name: 'Notitie bewaren' }));
			expect(await l.getByRole('status').textContent()).toContain('Je notitie staat bij de sessie.');
			const notes = l.getByRole('region', { name: 'Notities bij deze sessie' });
			expect(await notes.locator('strong').textContent()).toBe('Afspraak');
			expect(await notes.innerText()).toContain('<script>alert(1)</script>');
			await checkA11y(l, 'the Kickoff with a note');

			// By keyboard only: from the workspace's tasks (the address's fragment is where Tab starts), Lotte tabs
			// to the task's field, types it, tabs on to the button and presses Enter.
			await visit(l, `/geel/groepen/${groupId}/werkruimte#taken`, { until: 'load' });
			const focusedId = () => l.evaluate(() => document.activeElement?.id ?? '');
			await l.keyboard.press('Tab');
			expect(await focusedId()).toBe('task-title');
			await l.keyboard.type('Affiches ophangen in de bib');
			const addTask = l.getByRole('button', { name: 'Taak toevoegen' });
			for (let presses = 0; presses < 8; presses++) {
				if (await addTask.evaluate((button) => button === document.activeElement)) break;
				await l.keyboard.press('Tab');
			}
			expect(await addTask.evaluate((button) => button === document.activeElement)).toBe(true);
			await Promise.all([l.waitForEvent('framenavigated'), l.keyboard.press('Enter')]);
			await l.waitForLoadState('load');
			expect(await l.getByRole('status').textContent()).toContain('De taak is toegevoegd.');
			expect(await l.getByRole('region', { name: 'Taken' }).textContent()).toContain(
				'Affiches ophangen in de bib'
			);
			await checkA11y(l, 'a task added by keyboard');

			// The evaluation month: Lotte writes a lesson, Bart sends it back into the playbook, and it shows on
			// the group's public page.
			await visit(l, `/geel/groepen/${groupId}/werkruimte/evaluatie`, { until: 'load' });
			await checkA11y(l, 'the evaluation');
			await l.getByLabel('Wat wil je noteren?').selectOption('lesson');
			await l.getByLabel('Wat je wil delen').fill('Start de Kickoff met een wandeling door de buurt.');
			await navigate(l, l.getByRole('button', { name: 'Bewaren' }));
			expect(await l.getByRole('status').textContent()).toContain('Het staat ook op de pagina van de groep.');
			await checkA11y(l, 'the evaluation with a lesson');
			await visit(b, `/geel/groepen/${groupId}/werkruimte/evaluatie`, { until: 'load' });
			const step = await b
				.locator('select[name="step"] option', { hasText: 'Kickoff' })
				.first()
				.getAttribute('value');
			await b.getByLabel('Voor welke stap van het traject?').selectOption(step!);
			await navigate(b, b.getByRole('button', { name: /^Aan het draaiboek voorstellen/ }));
			expect(await b.getByRole('status').textContent()).toContain('als voorstel naar het draaiboek');
			await checkA11y(b, 'a lesson proposed to the playbook');
			await visit(jonas.page, `/geel/groepen/${groupId}`, { until: 'load' });
			const learned = jonas.page.getByRole('region', { name: 'Wat we leerden' });
			expect(await learned.textContent()).toContain('Start de Kickoff met een wandeling door de buurt.');
			expect(await learned.textContent()).toContain('Voorgesteld aan het draaiboek');
			await checkA11y(jonas.page, 'the group page with its lessons');
		} finally {
			for (const person of [bart, lotte, marie, jonas]) await person.context.close();
		}
	}, 420_000);
});
