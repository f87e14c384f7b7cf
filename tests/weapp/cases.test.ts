import { caseWords } from '@jsb/shared';
import { SEED_PERSONS } from '@jsb/mock';
import { startStack, type Stack } from '../support/stack';
import { newPerson } from '../support/citizens';
import { openCase, staff } from '../support/cases';
import { launchWeapp, signInOnWeapp, type MiniProgram } from '../support/weapp';

jest.setTimeout(120_000);

let s: Stack;
let mp: MiniProgram | undefined;
beforeAll(async () => {
  s = await startStack({ name: 'weapp_cases' });
});
afterEach(async () => {
  await mp?.close();
  mp = undefined;
});
afterAll(async () => {
  await s?.close();
});

describe('weapp build: 进度 and 好差评', () => {
  it('looks a case up by its number and query code without signing in, and shows the masked view', async () => {
    // a case received at the window for a citizen who has never opened the app
    const person = await newPerson(s);
    const c = await openCase(s, s.core.state.persons.get(person.idNumber)!.personId, 'SS05');
    mp = await launchWeapp(s);
    const { screen } = mp;
    await screen.tap('进度', { exact: true });
    await screen.waitForPage('pages/progress/index');
    await screen.waitFor('凭编号查询（无需登录）');

    // a wrong code first: the lookup says what went wrong and what to do
    await screen.fill('办件编号（JN开头15位）', c.caseNo);
    await screen.fill('6位查询码', c.queryCode === '000000' ? '111111' : '000000');
    await screen.tap('查询进度');
    await screen.waitFor('办件编号或查询码不正确');
    await screen.waitFor(/还可以再试\d次/);
    expect(screen.text()).not.toContain('食品经营许可证核发');

    await screen.fill('6位查询码', c.queryCode);
    await screen.tap('查询进度');
    await screen.waitFor('食品经营许可证核发');
    await screen.waitFor('已受理');
    // masked: the applicant's name shows only its first character
    expect(screen.text()).toContain(`申请人 ${person.name[0]}**`);
    expect(screen.text()).not.toContain(person.name);
    expect(mp.problems).toEqual([]);
  });

  it('lists my cases after sign-in and rates a closed one 非常不满意, then follows the call-back', async () => {
    const zhang = SEED_PERSONS.find((p) => p.name === '张伟')!;
    mp = await launchWeapp(s);
    const { screen } = mp;
    await signInOnWeapp(mp, zhang);

    // 进度: my cases with their status; the closed one invites a rating
    await screen.tap('进度', { exact: true });
    await screen.waitFor('我的办件');
    await screen.waitFor('公司设立登记');
    await screen.waitFor(`待评价：${caseWords().ratingWindow}`);
    await screen.tap('公司设立登记');
    await screen.waitForPage('pages/cases/detail/index');
    await screen.waitFor('办理进度');
    await screen.waitFor('办结，结果已出具');
    await screen.tap('去评价');
    await screen.waitForPage('pages/cases/rate/index');

    // a 差评 needs at least one reason: 提交评价 stays disabled until one is chosen
    await screen.tap('非常不满意', { exact: true });
    await screen.waitFor('哪里没做好？（至少选一项）');
    expect(await screen.isDisabled('提交评价')).toBe(true);
    await screen.tap('服务态度差');
    await screen.fill('其他意见或建议（选填，300字以内）', '窗口让我跑了三趟');
    await screen.waitFor('大厅会在1个工作日内回访、5个工作日内整改并反馈');
    await screen.tap('提交评价');

    // the receipt of the provincial system, and the call-back still to come
    await screen.waitForPage('pages/cases/rating/index');
    await screen.waitFor('省好差评系统回执号');
    const receipt = (await screen.byClass('cs-receipt'))[0]!.textContent!.trim();
    expect(receipt).toMatch(/^SDHCP\d{14}[0-9A-F]{6}$/);
    await screen.waitFor('整改进度');
    expect(screen.text()).toContain('非常不满意');
    expect(screen.text()).toContain('服务态度差');
    const held = [...s.province.state.byRequest.values()];
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ receiptId: receipt, level: '非常不满意', tags: ['服务态度差'] });

    // the hall calls back (a staff operation at the core); coming back to the rating shows what was said
    const { ratings } = (await (await fetch(`${s.coreUrl}/__mock/staff/ratings`)).json()) as { ratings: { ratingId: string }[] };
    expect(ratings).toHaveLength(1);
    await staff(s, `/ratings/${ratings[0]!.ratingId}/callback`, { note: '已电话回访，向您致歉并说明整改安排' });
    await screen.back();
    await screen.waitForPage('pages/cases/detail/index');
    await screen.tap('查看我的评价');
    await screen.waitForPage('pages/cases/rating/index');
    await screen.waitFor('已电话回访，向您致歉并说明整改安排');
    expect(mp.problems).toEqual([]);
  });
});
