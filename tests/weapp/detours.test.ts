import { startStack, type Stack } from '../support/stack';
import { newPerson } from '../support/citizens';
import { cameraPhoto, createDevice, launchWeapp, type MiniProgram } from '../support/weapp';

jest.setTimeout(120_000);

let s: Stack;
let mp: MiniProgram | undefined;
beforeAll(async () => {
  s = await startStack({ name: 'weapp_detours' });
});
afterEach(async () => {
  await mp?.close();
  mp = undefined;
});
afterAll(async () => {
  await s?.close();
});

const DESCRIPTION = '3号窗口让我回去复印户口本，但清单上没写要复印件';

describe('weapp build: sign-in and 实名 without losing the way', () => {
  it('signs in and verifies from the complaint form itself, keeps the draft through 实名 and a relaunch, then sends it once', async () => {
    const device = createDevice();
    mp = await launchWeapp(s, { device, path: 'pages/complaints/new/index' });
    const { screen } = mp;

    // signed out: the form is there, one step on top says what is missing and signs in right here
    await screen.waitFor('请先登录');
    await screen.tap('服务态度', { exact: true });
    await screen.tap('市为民服务中心', { exact: true });
    await screen.fill('请写清时间、经过和您希望怎样解决（至少5个字）', DESCRIPTION);
    expect(await screen.isDisabled('先登录，再提交找茬')).toBe(true);
    const before = screen.taps;
    await screen.tap('微信一键登录');
    await screen.waitFor('已登录');
    expect(mp.current().route).toBe('pages/complaints/new/index');

    // signed in, not verified: the step now asks for 实名; the buttons say why they wait
    await screen.waitFor('需要先完成实名认证');
    expect(await screen.isDisabled('先完成实名认证，再提交找茬')).toBe(true);
    expect(await screen.isDisabled('先完成实名认证，再添加照片')).toBe(true);
    await screen.tap('去实名认证');
    await screen.waitForPage('pages/real-name/index');
    const person = await newPerson(s);
    await screen.fill('请填写身份证上的姓名', person.name);
    // pasted with a leading space and spaces between the groups: kept whole, read back grouped
    await screen.fill('请填写18位身份证号码', ` ${person.idNumber.slice(0, 6)} ${person.idNumber.slice(6, 14)} ${person.idNumber.slice(14)}`);
    await screen.waitFor(`核对：${person.idNumber.slice(0, 6)} ${person.idNumber.slice(6, 14)} ${person.idNumber.slice(14)}`);
    await screen.tap('提交认证');

    // back on the form, nothing lost, the step and its waiting texts gone
    await screen.waitForPage('pages/complaints/new/index');
    await screen.waitForGone('需要先完成实名认证');
    expect(screen.value('请写清时间、经过和您希望怎样解决')).toBe(DESCRIPTION);
    expect(screen.text()).toContain('添加照片（还可以加4张）');
    expect(screen.taps - before).toBe(3); // 微信一键登录, 去实名认证, 提交认证
    mp.device.album.push(await cameraPhoto());
    await screen.tap('添加照片（还可以加4张）');
    await screen.waitFor('已上传');

    // WeChat closes the app before the citizen sends it; opened again, the draft is there with its photo
    await mp.close();
    mp = await launchWeapp(s, { device, path: 'pages/complaints/new/index' });
    await mp.screen.waitFor('已恢复您上次没有提交的内容');
    expect(mp.screen.value('请写清时间、经过和您希望怎样解决')).toBe(DESCRIPTION);
    // the photos show once the app knows who is signed in again (a moment after the draft)
    await mp.screen.waitFor('第1张照片');
    expect(mp.screen.text()).toContain('已上传');
    await mp.screen.tap('提交找茬');
    await mp.screen.waitForPage('pages/complaints/detail/index');
    await mp.screen.waitFor(/已提交，找茬编号 ZC\d{12}/);
    const sent = [...s.core.state.complaints.byId.values()].filter((c) => c.description === DESCRIPTION);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.photoIds).toHaveLength(1);

    // sent: the form starts empty next time
    await mp.open('/pages/complaints/new/index');
    await mp.screen.waitFor('遇到什么问题？');
    expect(mp.screen.text()).not.toContain('已恢复您上次没有提交的内容');
    expect(mp.screen.value('请写清时间、经过和您希望怎样解决')).toBe('');
    expect(mp.problems).toEqual([]);
  });

  it('signs in on the slots page and stays there with the slots', async () => {
    mp = await launchWeapp(s, { path: 'pages/booking/slots/index', query: { itemId: 'GA01', hallId: 'city' } });
    const { screen } = mp;
    await screen.waitFor('查看可预约时段和预约办事需要先登录。');
    await screen.tap('微信一键登录');
    await screen.waitFor('可预约2小时后至7天内的时段');
    expect(mp.current().route).toBe('pages/booking/slots/index');
    expect(screen.taps).toBe(1);
    expect(mp.problems).toEqual([]);
  });
});
