import { startStack, type Stack } from '../support/stack';
import { newPerson } from '../support/citizens';
import { openCase, staff } from '../support/cases';
import { MATERIALS, minimalPdf } from '../support/corrections';
import { sendPushes, syncEvents } from '../support/events';
import { cameraPhoto, launchWeapp, signInOnWeapp, snapshotWeapp, type MiniProgram } from '../support/weapp';

jest.setTimeout(180_000);

let s: Stack;
let mp: MiniProgram | undefined;
beforeAll(async () => {
  s = await startStack({ name: 'weapp_needs_you' });
});
afterAll(async () => {
  await mp?.close();
  await s?.close();
});

describe('weapp build: the "needs you" loop', () => {
  it('tells the citizen a case needs 补正 on 首页 and in 消息, takes two materials from the phone, and the clock runs again once the window accepts them', async () => {
    mp = await launchWeapp(s);
    const { screen } = mp;
    const person = await newPerson(s);
    await signInOnWeapp(mp, person);
    const personId = s.core.state.persons.get(person.idNumber)!.personId;

    // the window receives the application, starts the review and asks for two materials
    const { caseNo } = await openCase(s, personId, 'SS05');
    await staff(s, `/cases/${caseNo}/review`, { department: '市市场监督管理局食品经营科', name: '材料审查' });
    await staff(s, `/cases/${caseNo}/pause`, { kind: '补正', reason: '材料不全', materials: MATERIALS });
    await syncEvents(s.bff);

    // 首页 and 我的 say so; 消息 holds it with what to do
    await screen.tap('首页', { exact: true });
    await screen.waitForPage('pages/index/index');
    await screen.waitFor(/补正/);
    await screen.tap('我的', { exact: true });
    await screen.waitFor(/\d+条未读/);
    await screen.tap('消息');
    await screen.waitForPage('pages/messages/index');
    await screen.waitFor(/需要补正|补正/);
    const needs = screen.findAll(/补正/)[0]!;
    await screen.tapElement(needs);

    // the 补正 page: each material, the deadline in working days, the counter
    await screen.waitForPage('pages/cases/correction/index');
    await screen.waitFor('待补正');
    await screen.waitFor('经营场所平面图');
    await screen.waitFor('健康证明');
    await screen.waitFor(/请在\d+月\d+日前（还剩10个工作日）/);
    await screen.waitFor('期限按规定为自通知之日起10个工作日（节假日不计）');
    await screen.waitFor(/也可以到窗口补交/);
    expect(await screen.isDisabled('提交补正材料')).toBe(true);
    await snapshotWeapp(mp, 'weapp-correction-requested');

    // subscribe to the result, then hand in a photo for the first and a PDF from a chat for the second
    await screen.tap('订阅补正结果通知');
    await screen.waitFor('已订阅');
    mp.device.album.push(await cameraPhoto('#f5f5f0'));
    await screen.tap('拍照或选照片', { nth: 0 });
    await screen.waitFor(/第1个 · 照片 · \d+ KB · 已上传/);
    mp.device.chatFiles.push({ name: '健康证明扫描件.pdf', bytes: minimalPdf('Zhao Liu') });
    await screen.tap('选PDF文件', { nth: 1 });
    await screen.waitFor(/PDF 2页/);
    await screen.waitUntilEnabled('提交补正材料');
    await screen.tap('提交补正材料');
    await screen.waitFor('已补交，等待审核');

    // the window accepts: the citizen hears of it, and the countdown runs again
    await staff(s, `/cases/${caseNo}/correction/accept`);
    await syncEvents(s.bff);
    await sendPushes(s.bff);
    await screen.back();
    await screen.waitForPage('pages/messages/index');
    await screen.waitFor('补正材料已通过，恢复计时');
    await mp.open(`/pages/cases/detail/index?caseNo=${caseNo}`);
    await screen.waitFor('补正已通过，恢复计时');
    await screen.waitFor(/承诺时限还剩\d+个工作日/);
    const sent = s.wechat.state.messages.filter((m) => m.touser === mp!.device.openid);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent.some((m) => m.page?.includes('pages/cases/'))).toBe(true);
    expect(mp.problems).toEqual([]);
  });

  it('shows a refused case as 不予许可 with its reason, what can be done and where to appeal', async () => {
    await mp?.close();
    mp = await launchWeapp(s);
    const person = await newPerson(s);
    await signInOnWeapp(mp, person);
    const personId = s.core.state.persons.get(person.idNumber)!.personId;
    const { caseNo } = await openCase(s, personId, 'SS05');
    await staff(s, `/cases/${caseNo}/decide`, { decision: '不予', note: '经营场所与居民楼共用通道，不符合食品经营场所设置要求' });
    await staff(s, `/cases/${caseNo}/issue`);
    await mp.open(`/pages/cases/detail/index?caseNo=${caseNo}`);
    const { screen } = mp;
    await screen.waitFor('不予许可');
    expect(screen.text()).toContain('原因：经营场所与居民楼共用通道，不符合食品经营场所设置要求');
    expect(screen.text()).toContain('自收到决定书之日起60日内，向济宁市人民政府申请');
    expect(screen.text()).toContain('自收到决定书之日起6个月内');
    // its status says refused, not a green 已办结
    const [pill] = await screen.byClass('cs-status');
    expect(pill!.textContent).toBe('不予许可');
    expect(screen.hasClass(pill!, 'cs-status--refused')).toBe(true);
    await snapshotWeapp(mp, 'weapp-case-refused');
    expect(mp.problems).toEqual([]);
  });
});
