import { ComingSoon } from '../../components/ComingSoon'
import { Page } from '../../components/Page'

const MEANWHILE = [
  '到市为民服务中心或就近的县（市、区）为民服务中心现场办理：工作日 9:00–12:00、13:30–17:00。',
  '中午和傍晚的错时延时服务、周末上午的预约服务，可先拨打 12345 咨询是否可办。',
  '办事要带的材料，可拨打 12345 一次问清。',
] as const

export default function Booking() {
  return (
    <Page>
      <ComingSoon
        title='网上预约'
        promise='选大厅、选事项、选时段，工作日、错时延时和周末时段分开标明；预约前一次告知全部材料。'
        meanwhile={MEANWHILE}
      />
    </Page>
  )
}
