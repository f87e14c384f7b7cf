import type { SlotsResponse } from '@jsb/shared';
import { startStack, type Stack } from '../support/stack';
import { call } from '../support/http';
import { seed, type Seeded } from '../support/seed';
import { staff } from '../support/cases';
import { MATERIALS } from '../support/corrections';
import { syncEvents } from '../support/events';
import { createDevice, launchWeapp, type MiniProgram } from '../support/weapp';

jest.setTimeout(180_000);

let s: Stack;
let data: Seeded;
let slotId: string;
let mp: MiniProgram | undefined;
beforeAll(async () => {
  s = await startStack({ name: 'weapp_pages' });
  // a citizen with something of every kind: appointment, complaint with photo, open and closed cases, a paid fee
  data = await seed(s);
  // the open case waits for 补正 (two materials), and the bff has read what the core announced
  await staff(s, `/cases/${data.openCaseNo}/review`, { department: '市市场监督管理局食品经营科', name: '材料审查' });
  await staff(s, `/cases/${data.openCaseNo}/pause`, { kind: '补正', reason: '材料不全', materials: MATERIALS });
  await syncEvents(s.bff);
  const slots = await call<SlotsResponse>(s.bffUrl, 'GET', '/api/v1/slots?hallId=city&itemId=GA01', { token: data.citizen.accessToken });
  slotId = slots.body.days.flatMap((d) => d.slots).find((x) => x.bookable)!.id;
});
afterAll(async () => {
  await mp?.close();
  await s?.close();
});

describe('weapp build: every page of app.json', () => {
  it('renders each page with the citizen’s real data, opened as WeChat opens a page from a card, without a runtime problem', async () => {
    const e = encodeURIComponent;
    // what each page must show once its data arrived (the page's own content, not only its frame)
    const visits: [string, string | RegExp][] = [
      // 首页's 我的待办: the citizen's next appointment, one tap from its ticket
      ['/pages/index/index', /下一个预约：|现在可以签到：/],
      ['/pages/booking/index', '按专区查找'],
      ['/pages/progress/index', '我的办件'],
      ['/pages/mine/index', '已认证'],
      ['/pages/real-name/index', '实名认证'],
      ['/pages/booking/item/index?id=GA01&hallId=city', '居民身份证换领'],
      ['/pages/booking/theme/index?id=T01&hallId=city', '我要开饭店'],
      ['/pages/booking/slots/index?itemId=GA01&hallId=city', '可预约2小时后至7天内的时段'],
      [`/pages/booking/confirm/index?itemId=GA01&hallId=city&slotId=${e(slotId)}`, /请备齐以下材料（共\d+项）/],
      ['/pages/appointments/index', '出生医学证明首次签发'],
      [`/pages/appointments/detail/index?id=${e(data.appointmentId)}`, '签到码'],
      ['/pages/payments/index', '缴费'],
      [`/pages/payments/result/index?id=${e(data.paymentId)}`, '缴费成功'],
      ['/pages/payments/history/index', '已缴费'],
      ['/pages/complaints/index', data.complaintTrackingNo],
      ['/pages/complaints/new/index', '提交找茬'],
      [`/pages/complaints/detail/index?id=${e(data.complaintId)}`, '已核实，已向您补充说明所缺材料'],
      [`/pages/cases/detail/index?caseNo=${e(data.openCaseNo)}`, '在手机上补交材料'],
      [`/pages/cases/correction/index?caseNo=${e(data.openCaseNo)}`, '经营场所平面图'],
      ['/pages/messages/index', '需要补正材料'],
      [`/pages/cases/mailing/index?caseNo=${e(data.closedCaseNo)}`, '邮寄'],
      [`/pages/cases/rate/index?caseNo=${e(data.closedCaseNo)}`, '这个办件已经评价过了'],
      [`/pages/cases/rating/index?caseNo=${e(data.closedCaseNo)}`, '省好差评系统回执号'],
    ];

    // the seeded citizen's own phone: WeChat signs them in as the same account
    mp = await launchWeapp(s, { device: createDevice({ openid: data.citizen.openid }), path: 'pages/mine/index' });
    await mp.screen.tap('微信一键登录');
    await mp.screen.waitFor('已认证');
    for (const [url, shows] of visits) {
      await mp.open(url);
      try {
        await mp.screen.waitFor(shows);
      } catch (err) {
        throw new Error(`${url}: ${(err as Error).message}`);
      }
    }

    // every page of app.json, subpackages included, and the custom tab bar on the tab pages
    expect([...mp.rendered.keys()].sort()).toEqual([...mp.routes].sort());
    expect(mp.tabRoutes).toHaveLength(4);
    expect(mp.problems).toEqual([]);
  });
});
