import { startStack, type Stack } from '../support/stack';
import { newPerson } from '../support/citizens';
import { createDevice, launchWeapp, signInOnWeapp, type MiniProgram } from '../support/weapp';

jest.setTimeout(120_000);

let s: Stack;
let mp: MiniProgram | undefined;
beforeAll(async () => {
  s = await startStack({ name: 'weapp_phone' });
});
afterAll(async () => {
  await mp?.close();
  await s?.close();
});

describe('weapp build: 绑定手机号 with WeChat’s own button', () => {
  it('takes a no without complaint, then binds the number WeChat vouches for and shows it masked', async () => {
    const device = createDevice();
    device.phoneNumber = '13905378765';
    device.phoneAnswer = 'reject';
    mp = await launchWeapp(s, { device });
    const { screen } = mp;
    await signInOnWeapp(mp, await newPerson(s));
    await screen.waitFor('未绑定');

    // the citizen says no on WeChat's sheet: a gentle toast, no error, nothing bound
    await screen.tap('绑定手机号', { exact: true });
    expect(mp.overlay.toasts).toContain('未授权，可稍后再绑定');
    expect(screen.text()).not.toContain('出错');
    await screen.waitFor('未绑定');

    // then 允许: the bff exchanges WeChat's one-time code with the WeChat mock and keeps the number
    device.phoneAnswer = 'accept';
    await screen.tap('绑定手机号', { exact: true });
    await screen.waitFor('139****8765');
    await screen.waitFor('已绑定');
    expect(mp.overlay.toasts).toContain('手机号已绑定');
    expect(screen.text()).not.toContain('13905378765');
    // the button is gone once bound
    expect(screen.text()).not.toContain('绑定手机号');
    expect(mp.problems).toEqual([]);
  });
});
