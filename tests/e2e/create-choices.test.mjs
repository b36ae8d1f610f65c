// The create form offers only what Graph accepts where it is offered, and keeps what is typed: approvers and
// on-behalf requestors for service principals and agent identities, manager levels, and multiple-choice answers
// with their translations typed key by key (new lines and all). Demo mode against the emulator.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SUITE_TIMEOUT, TIMEOUT, useHarness, demoConfig } from './lib/harness.mjs';
import { assertNoSeriousViolations } from './lib/axe.mjs';
import { SEED, isCreatePost, field, picker, previewBody, openForm } from './lib/create-form.mjs';
import { appRequests } from './lib/processes.mjs';

const ALEX_WILBER = '7deff43e-1f17-44ef-9e5f-d516b0ba11d4';
const PACKAGE_SEARCH = 'External';

const kindsOf = async (page, list) =>
  picker(page, list).locator('[data-testid=picker-kind] option').allTextContents();

async function basics(page, name) {
  await field(page, 'displayName').fill(name);
  await page.locator('[data-testid=package-search]').fill(PACKAGE_SEARCH);
  const option = page.locator('[data-testid=package-picker] [data-testid=pick-option]').first();
  await option.waitFor({ timeout: TIMEOUT });
  await option.click();
  await page.locator('[data-testid=package-chosen]').waitFor();
}

describe('create form: choices that fit who can request (demo mode)', { timeout: SUITE_TIMEOUT }, () => {
  const harness = useHarness({
    name: 'create-choices',
    op: false,
    emulators: { main: {} },
    config: (h) => demoConfig({ emulator: h.emu.main }),
  });

  it('service principals and agent identities are offered only approvers and on-behalf requestors that exist for them, and the agent policy is created once', async () =>
    (await harness()).run('create-agents', async (h) => {
      const page = h.page;
      const emu = h.emu.main;
      await openForm(h);
      await basics(page, 'Agents: reviewed access');
      await field(page, 'allowedTargetScope').selectOption('allDirectoryServicePrincipals');
      await field(page, 'requestApprovalSettings.isApprovalRequiredForAdd').check();
      const primary = 'requestApprovalSettings.stages[0].primaryApprovers';
      assert.deepEqual(await kindsOf(page, primary), ['User', 'Group', 'Service principal'],
        'a service principal has no manager and no sponsors');
      assert.deepEqual(await kindsOf(page, 'requestorSettings.onBehalfRequestors'), ['User', 'Group', 'Application owners']);

      await field(page, 'allowedTargetScope').selectOption('allDirectoryAgentIdentities');
      assert.deepEqual(await kindsOf(page, primary), ['User', 'Group', "Agent's sponsors or owners", 'Service principal']);
      assert.deepEqual(await kindsOf(page, 'requestorSettings.onBehalfRequestors'), ['User', 'Group', "Agent's sponsors or owners"]);
      const approvers = picker(page, primary);
      await approvers.locator('[data-testid=picker-kind]').selectOption("Agent's sponsors or owners");
      await approvers.locator('[data-testid=picker-add]').click();
      await approvers.locator('[data-testid=chip]').filter({ hasText: "sponsors or owners" }).waitFor();
      const fallback = picker(page, 'requestApprovalSettings.stages[0].fallbackPrimaryApprovers');
      await fallback.locator('[data-testid=picker-kind]').selectOption('User');
      await fallback.locator('[data-testid=picker-search]').fill('Alex');
      await fallback.locator(`[data-testid=pick-option][data-id="${ALEX_WILBER}"]`).click();
      await field(page, 'expiration.type').selectOption('never');

      const body = await previewBody(page);
      assert.equal(body.allowedTargetScope, 'allDirectoryAgentIdentities');
      assert.deepEqual(body.requestApprovalSettings.stages[0].primaryApprovers,
        [{ '@odata.type': '#microsoft.graph.targetAgentIdentitySponsorsOrOwners' }]);
      assert.deepEqual(body.requestApprovalSettings.stages[0].fallbackPrimaryApprovers,
        [{ '@odata.type': '#microsoft.graph.singleUser', userId: ALEX_WILBER }]);

      await emu.clearRequests();
      const submit = page.locator('[data-testid=create-submit]');
      assert.equal(await submit.isEnabled(), true, 'the agent policy is valid');
      await submit.click();
      await page.waitForURL(/\/policies\/[0-9a-f-]{36}$/i, { timeout: TIMEOUT });
      const posts = appRequests(await emu.requests()).filter(isCreatePost);
      assert.equal(posts.length, 1, 'one POST');
      assert.deepEqual(posts[0].body, body, 'the emulator received the body the preview showed');
    }));

  it('a manager level is chosen on the chip: requestor manager 1–2, target manager 1–4', async () =>
    (await harness()).run('create-manager-levels', async (h) => {
      const page = h.page;
      await openForm(h);
      await basics(page, 'Managers decide');
      await field(page, 'allowedTargetScope').selectOption('allMemberUsers');
      const onBehalf = picker(page, 'requestorSettings.onBehalfRequestors');
      await onBehalf.locator('[data-testid=picker-kind]').selectOption("Target's manager");
      await onBehalf.locator('[data-testid=picker-add]').click();
      const level = onBehalf.locator('[data-testid=manager-level]');
      assert.deepEqual(await level.locator('option').allTextContents(), ['Direct manager', 'Second level', 'Third level', 'Fourth level']);
      await level.selectOption('3');
      assert.deepEqual((await previewBody(page)).requestorSettings.onBehalfRequestors,
        [{ '@odata.type': '#microsoft.graph.targetManager', managerLevel: 3 }]);
      await onBehalf.locator('[data-testid=chip]').filter({ hasText: 'third-level manager' }).waitFor();

      await field(page, 'requestApprovalSettings.isApprovalRequiredForAdd').check();
      const primary = picker(page, 'requestApprovalSettings.stages[0].primaryApprovers');
      await primary.locator('[data-testid=picker-kind]').selectOption("Requestor's manager");
      await primary.locator('[data-testid=picker-add]').click();
      const approverLevel = primary.locator('[data-testid=manager-level]');
      assert.deepEqual(await approverLevel.locator('option').allTextContents(), ['Direct manager', 'Second level']);
      await approverLevel.selectOption('2');
      const body = await previewBody(page);
      assert.deepEqual(body.requestApprovalSettings.stages[0].primaryApprovers,
        [{ '@odata.type': '#microsoft.graph.requestorManager', managerLevel: 2 }]);
      // the manager may be missing: the form says where a fallback is needed
      const issues = page.locator('[data-testid=field-issues][data-path="requestApprovalSettings.stages[0].fallbackPrimaryApprovers"]');
      await issues.filter({ hasText: 'fallback' }).waitFor({ timeout: TIMEOUT });
      await assertNoSeriousViolations(page, 'create form (manager level chips)');

      // switched to service principals, the manager stays (nothing is dropped) and is flagged where it is
      await field(page, 'allowedTargetScope').selectOption('allDirectoryServicePrincipals');
      const approverIssues = page.locator('[data-testid=field-issues][data-path="requestApprovalSettings.stages[0].primaryApprovers"]');
      await approverIssues.filter({ hasText: 'This policy is for service principals' }).waitFor({ timeout: TIMEOUT });
      assert.deepEqual((await previewBody(page)).requestApprovalSettings.stages[0].primaryApprovers,
        [{ '@odata.type': '#microsoft.graph.requestorManager', managerLevel: 2 }]);
      assert.match(await page.locator('[data-testid=field-issues][data-path="requestorSettings.onBehalfRequestors"]').textContent(),
        /Warning: This policy is for service principals, and the target's manager applies only to users/);
    }));

  it('multiple-choice answers and their translations, typed key by key, keep every line and reach the body', async () =>
    (await harness()).run('create-answer-translations', async (h) => {
      const page = h.page;
      await openForm(h);
      await basics(page, 'Questions with translations');
      await field(page, 'allowedTargetScope').selectOption('allMemberUsers');
      await page.locator('[data-testid=add-question]').click();
      await field(page, 'questions[0].text').pressSequentially('Which role?');
      await field(page, 'questions[0]').selectOption('multipleChoice');
      const answers = field(page, 'questions[0].choices');
      await answers.click();
      await answers.pressSequentially('admin | Administrator | fr: Administrateur; de: Verwalter');
      await answers.press('Enter');
      await answers.pressSequentially('reader | Reader | fr: Lecteur');
      assert.equal(await answers.inputValue(),
        'admin | Administrator | fr: Administrateur; de: Verwalter\nreader | Reader | fr: Lecteur',
        'the new line and every space typed are still there');
      await field(page, 'questions[0].localizations').pressSequentially('fr: Quel rôle ?');
      const body = await previewBody(page);
      const question = body.questions[0];
      assert.equal(question['@odata.type'], '#microsoft.graph.accessPackageMultipleChoiceQuestion');
      assert.deepEqual(question.choices.map((c) => [c.actualValue, c.text, c.localizations]), [
        ['admin', 'Administrator', [{ languageCode: 'fr', text: 'Administrateur' }, { languageCode: 'de', text: 'Verwalter' }]],
        ['reader', 'Reader', [{ languageCode: 'fr', text: 'Lecteur' }]],
      ]);
      assert.deepEqual(question.localizations, [{ languageCode: 'fr', text: 'Quel rôle ?' }]);

      // a bad language code in an answer's translation is reported at the answers box, and the text stays
      await answers.press('End');
      await answers.pressSequentially('; french: Lecteur');
      const issues = page.locator('[data-testid=field-issues][data-path="questions[0].choices"]');
      await issues.filter({ hasText: 'not a language code' }).waitFor({ timeout: TIMEOUT });
      assert.match(await answers.inputValue(), /reader \| Reader \| fr: Lecteur; french: Lecteur$/);
      assert.equal(await page.locator('[data-testid=create-submit]').isEnabled(), false, 'an invalid form cannot be created');
    }));

  it('an imported dynamic approval stage is said to be one and kept exactly', async () =>
    (await harness()).run('create-dynamic-stage', async (h) => {
      const page = h.page;
      await openForm(h);
      const body = structuredClone(SEED);
      body.requestApprovalSettings.stages[1]['@odata.type'] = '#microsoft.graph.accessPackageDynamicApprovalStage';
      await page.locator('[data-testid=import-open]').click();
      await page.locator('[data-testid=import-text]').fill(JSON.stringify(body));
      await page.locator('[data-testid=import-apply]').click();
      await page.locator('[data-testid=import-done]').waitFor();
      const stages = page.locator('[data-testid=stage]');
      assert.equal(await stages.count(), 2);
      assert.equal(await stages.nth(0).locator('[data-testid=note]').count(), 0, 'stage 1 is an ordinary stage');
      assert.match(await stages.nth(1).locator('[data-testid=note]').textContent(), /dynamic approval stage/i);
      assert.deepEqual(await previewBody(page), body, 'the preview keeps the stage as imported');
    }));

  it('looking at another "who can request" choice sets the people picked and the rule typed aside, and brings them back', async () =>
    (await harness()).run('create-set-aside', async (h) => {
      const page = h.page;
      await openForm(h);
      await basics(page, 'Set aside');
      await field(page, 'allowedTargetScope').selectOption('specificDirectoryUsers');
      const targets = picker(page, 'specificAllowedTargets');
      await targets.locator('[data-testid=picker-kind]').selectOption('User');
      await targets.locator('[data-testid=picker-search]').fill('Alex');
      await targets.locator(`[data-testid=pick-option][data-id="${ALEX_WILBER}"]`).click();
      await targets.locator('[data-testid=chip]').filter({ hasText: 'Alex Wilber' }).waitFor();

      await field(page, 'allowedTargetScope').selectOption('automatic');
      await field(page, 'specificAllowedTargets').fill('(user.department -eq "Sales")');
      await page.locator('[data-testid=set-aside]').filter({ hasText: '1 user or group' }).waitFor();

      await field(page, 'allowedTargetScope').selectOption('allMemberUsers');
      const note = page.locator('[data-testid=set-aside]');
      assert.match(await note.textContent(), /1 user or group .*membership rule/);
      const body = await previewBody(page);
      assert.deepEqual(body.specificAllowedTargets, [], 'what is set aside is not sent');
      assert.equal(body.automaticRequestSettings, undefined);

      await field(page, 'allowedTargetScope').selectOption('specificDirectoryUsers');
      await targets.locator('[data-testid=chip]').filter({ hasText: 'Alex Wilber' }).waitFor();
      assert.deepEqual((await previewBody(page)).specificAllowedTargets, [{ '@odata.type': '#microsoft.graph.singleUser', userId: ALEX_WILBER }]);
      await field(page, 'allowedTargetScope').selectOption('automatic');
      assert.equal(await field(page, 'specificAllowedTargets').inputValue(), '(user.department -eq "Sales")', 'the rule typed is back');
      assert.equal((await previewBody(page)).automaticRequestSettings.gracePeriodBeforeAccessRemoval, 'P7D');
    }));

  it('"Copy to a new policy" on a policy\'s page fills the form with a copy (named so), keeps a draft that was there, and creates it once', async () =>
    (await harness()).run('create-copy', async (h) => {
      const page = h.page;
      const emu = h.emu.main;
      const original = (await emu.tenant()).assignmentPolicies.find((p) => p.displayName === SEED.displayName);
      assert.ok(original, 'the sample tenant holds the seed policy');
      // a draft in progress
      await openForm(h);
      await field(page, 'displayName').fill('My unfinished draft');

      await page.goto(`${h.site.origin}/policies/${original.id}`);
      await page.locator('[data-testid=copy-to-new]').click();
      await page.locator('[data-testid=copy-done]').waitFor({ timeout: TIMEOUT });
      assert.equal(new URL(page.url()).search, '', 'a reload keeps the draft instead of copying again');
      assert.match(await page.locator('[data-testid=copy-done]').textContent(), new RegExp(`copy of “${SEED.displayName}”`));
      const body = await previewBody(page);
      assert.equal(body.displayName, `${SEED.displayName} (copy)`);
      // everything else is the original's (read with its questions and extensions expanded: none)
      const { questions, customExtensionStageSettings, ...rest } = body;
      assert.deepEqual([questions, customExtensionStageSettings], [[], []]);
      assert.deepEqual({ ...rest, displayName: SEED.displayName }, SEED);
      await page.locator('[data-testid=package-chosen]').filter({ hasText: 'External Partner Workspace' }).waitFor();
      await assertNoSeriousViolations(page, 'create form (a copy, the draft set aside)');

      // the draft that was there can come back …
      await page.locator('[data-testid=copy-put-back]').click();
      assert.equal(await field(page, 'displayName').inputValue(), 'My unfinished draft');
      // … and the copy again, to create it
      await page.goto(`${h.site.origin}/policies/new?from=${original.id}`);
      await page.locator('[data-testid=copy-done]').waitFor({ timeout: TIMEOUT });
      await emu.clearRequests();
      await page.locator('[data-testid=create-submit]').click();
      await page.waitForURL(/\/policies\/[0-9a-f-]{36}$/i, { timeout: TIMEOUT });
      const posts = appRequests(await emu.requests()).filter(isCreatePost);
      assert.equal(posts.length, 1, 'one POST');
      assert.equal(posts[0].body.displayName, `${SEED.displayName} (copy)`);
      assert.notEqual(new URL(page.url()).pathname, `/policies/${original.id}`, 'the new policy opens, not the original');
    }));

  it('a policy that cannot be read to copy says so and leaves the form as it was', async () =>
    (await harness()).run('create-copy-missing', async (h) => {
      const page = h.page;
      await openForm(h);
      await field(page, 'displayName').fill('Kept as typed');
      await page.goto(`${h.site.origin}/policies/new?from=00000000-0000-0000-0000-000000000000`);
      await page.locator('[data-testid=copy-failed]').waitFor({ timeout: TIMEOUT });
      assert.match(await page.locator('[data-testid=copy-failed]').textContent(), /could not be read/);
      assert.equal(await field(page, 'displayName').inputValue(), 'Kept as typed');
    }));
});
