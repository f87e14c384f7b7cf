import { ComingSoon } from '../../components/ComingSoon'
import { Page } from '../../components/Page'

const MEANWHILE = [
  '拨打 12345，报上受理单上的办件编号，即可查询办理进度。',
  '受理窗口会在办结时电话或短信通知您。',
  '办好的证照可在窗口申请免费邮寄到家。',
] as const

export default function Progress() {
  return (
    <Page>
      <ComingSoon
        title='办件进度查询'
        promise='查看每一步由谁办理、法定和承诺时限还剩几个工作日；凭办件编号和查询码，不登录也能查。'
        meanwhile={MEANWHILE}
      />
    </Page>
  )
}
