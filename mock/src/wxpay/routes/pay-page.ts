import type { WxOrder } from '../wxpay.state';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The development pay page: what the WeChat pay sheet would show, with 确认支付 and 取消. */
export function payPage(o: { order: WxOrder | undefined; prepayId: string; redirect: string }): string {
  const head = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>微信支付（开发环境模拟）</title>
<style>body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f9;color:#1f2329}main{max-width:420px;margin:0 auto;padding:24px}
.card{background:#fff;border-radius:12px;padding:24px;text-align:center}.amount{font-size:40px;font-weight:600;margin:12px 0}
button{display:block;width:100%;min-height:60px;font-size:20px;border-radius:8px;border:0;margin-top:16px}
.pay{background:#07c160;color:#fff}.cancel{background:#e5e6eb;color:#1f2329}.note{font-size:14px;color:#4a4f57;margin-top:16px}</style></head><body><main>`;
  if (!o.order) return `${head}<div class="card"><h1>订单不存在</h1><p>这个支付链接无效或已过期，请返回济时办重新发起缴费。</p></div></main></body></html>`;
  const state = o.order.trade_state;
  const closed = state !== 'NOTPAY';
  return `${head}<div class="card"><p>${esc(o.order.description)}</p><p class="amount">￥${yuan(o.order.amount.total)}</p>
<p>收款方：济时办测试商户（${esc(o.order.mchid)}）</p>
${closed ? `<p>${state === 'CLOSED' ? '订单已关闭' : '订单已支付'}，请返回济时办查看结果。</p>` : ''}
<form method="post" action="/__mock/pay/confirm">
<input type="hidden" name="prepay_id" value="${esc(o.prepayId)}"><input type="hidden" name="redirect_url" value="${esc(o.redirect)}">
${closed ? '' : '<button class="pay" name="action" value="pay">确认支付</button>'}
<button class="cancel" name="action" value="cancel">${closed ? '返回' : '取消'}</button></form>
<p class="note">开发环境模拟的微信支付页，不会产生真实扣款。</p></div></main></body></html>`;
}
